import { expect } from 'vitest';
import { remoteClient } from '../../support/remote-client.ts';
import { allNoAnswers, signature, surveyPath } from '../../support/survey.ts';
import { waitFor } from '../../support/wait.ts';
import { settled, type Candidate, type FaultBed } from './fault-bed.ts';
import { mailOutcome, mailed, recordRow, tagOutcome, type Counts } from './outcomes.ts';
import { recoveryTimeoutMs } from './settings.ts';

/** What every scenario must end with: each of `n` outcomes there exactly once and working. */
export const exactlyOnce = (n: number): Counts => ({ sent: n, correct: n, lost: 0, duplicated: 0 });

interface Measure {
  scenario: string;
  /** When the fault ended: the recovery time counts from here. */
  faultEndedAt: number;
  note?: string;
}

/**
 * After the fault: waits for every outcome (or the recovery timeout: the row then says what was
 * lost), then until nothing more can happen, and records the scenario's row.
 */
async function measure(
  bed: FaultBed,
  candidates: Candidate[],
  arrived: () => Promise<boolean>,
  count: () => Promise<Counts>,
  { scenario, faultEndedAt, note }: Measure,
): Promise<Counts> {
  await waitFor('every outcome', arrived, { timeoutMs: recoveryTimeoutMs(), everyMs: 200 }).catch(
    () => undefined,
  );
  const recoveryMs = Date.now() - faultEndedAt;
  await settled(bed, recoveryTimeoutMs());
  const counts = await count();
  await recordRow({ scenario, expected: candidates.length, ...counts, recoveryMs, note });
  return counts;
}

/** Emails: one message per candidate whose link opens the survey. */
export const measureMails = (bed: FaultBed, candidates: Candidate[], what: Measure) =>
  measure(
    bed,
    candidates,
    async () => mailed(bed, candidates) === candidates.length,
    async () => (await mailOutcome(bed, candidates)).counts,
    what,
  );

/** Tags: one WOTC tag per opportunity, written by one successful addTags. */
export const measureTags = (bed: FaultBed, candidates: Candidate[], what: Measure) =>
  measure(
    bed,
    candidates,
    async () => (await tagOutcome(bed, candidates)).sent === candidates.length,
    () => tagOutcome(bed, candidates),
    what,
  );

/** `count` candidates apply and get their survey email; returns them and their survey tokens. */
export async function emailedCandidates(bed: FaultBed, count: number, label: string) {
  const candidates = await bed.apply(count, label);
  await waitFor('every applicant’s email', () => mailed(bed, candidates) === count, {
    timeoutMs: recoveryTimeoutMs(),
    everyMs: 100,
  });
  const { tokens } = await mailOutcome(bed, candidates);
  expect(tokens.size).toBe(count);
  return { candidates, tokens: [...tokens.values()] };
}

/** Each applicant submits their survey (all "no": Not Qualified), over HTTP. */
export async function submitSurveys(bed: FaultBed, tokens: string[]): Promise<void> {
  const applicant = remoteClient(bed.api.url);
  for (const token of tokens) {
    const submitted = await applicant.request('POST', surveyPath(token, 'submit'), {
      answers: allNoAnswers(),
      signature,
    });
    expect(submitted.status).toBe(201);
  }
}

/** Lever answers `503` to every Data API call about opportunities until `leverBack()`. */
export async function leverDown(bed: FaultBed, retryAfterSeconds?: number): Promise<void> {
  const fault = await bed.control('POST', '/faults', {
    status: 503,
    count: 1_000_000,
    pathPrefix: '/opportunities',
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  });
  expect(fault.status).toBeLessThan(300);
}

export const leverBack = (bed: FaultBed) => bed.control('DELETE', '/faults');
