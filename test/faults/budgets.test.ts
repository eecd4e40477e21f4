import { Types } from 'mongoose';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { remoteClient } from '../support/remote-client.ts';
import { allNoAnswers, signature, surveyPath } from '../support/survey.ts';
import { waitFor } from '../support/wait.ts';
import { settled, startFaultBed, type Candidate, type FaultBed } from './support/fault-bed.ts';
import { mailOutcome, mailed, recordRow, tagOutcome } from './support/outcomes.ts';
import { faultSettings, recoveryTimeoutMs, scenarioTimeoutMs } from './support/settings.ts';
import { until } from './support/time.ts';

/**
 * Outages longer than the retry budget (docs/jobs.md, "Dead jobs and revival"): the work dies —
 * counted for the admin (GET /api/jobs/dead) — and comes back on its own once the mail server or
 * Lever answers again, still exactly once. The budgets are half the outage here (72 h by default).
 */
let bed: FaultBed;
const { outageMs, applications } = faultSettings;
const outageSeconds = outageMs / 1000;
const budgetHours = String(outageMs / 2 / 3_600_000);

beforeAll(async () => {
  bed = await startFaultBed(import.meta.filename, {
    serverUri: inject('mongoUri'),
    env: { MAIL_RETRY_HOURS: budgetHours, LEVER_RETRY_HOURS: budgetHours },
  });
});
afterAll(() => bed?.close());

const jobs = (type: string, filter: object = {}) =>
  bed.db
    .collection('jobs')
    .find({ type, organizationId: new Types.ObjectId(bed.organizationId), ...filter })
    .toArray();

/** What the admin home reads: dead work per kind. */
async function deadWork(kind: string): Promise<number> {
  const response = await bed.admin.request('GET', '/api/jobs/dead');
  expect(response.status).toBe(200);
  const { items } = (await response.json()) as { items: Array<{ kind: string; count: number }> };
  return items.find((i) => i.kind === kind)?.count ?? 0;
}

const waitForMails = (candidates: Candidate[]) =>
  waitFor('every applicant’s email', () => mailed(bed, candidates) === candidates.length, {
    timeoutMs: recoveryTimeoutMs(),
    everyMs: 100,
  });

test(
  `SMTP down ${outageSeconds} s, twice the mail budget: dead, then revived`,
  { timeout: scenarioTimeoutMs() },
  async () => {
    await bed.smtp.stop();
    const downAt = Date.now();
    let candidates: Candidate[] = [];
    try {
      candidates = await bed.apply(applications, 'mail-budget');
      await waitFor(
        'every email dead (a probe requeues one now and then)',
        async () =>
          (await jobs('mail.send', { 'payload.kind': 'survey.link', 'history.event': 'dead' }))
            .length === applications,
        { timeoutMs: outageMs + 60_000, everyMs: 200 },
      );
      expect(await deadWork('mail')).toBeGreaterThan(0);
      await until(downAt + outageMs);
    } finally {
      await bed.smtp.start();
    }
    const backAt = Date.now();
    await waitForMails(candidates).catch(() => undefined);
    const recoveryMs = Date.now() - backAt;
    await settled(bed, recoveryTimeoutMs());
    const { counts } = await mailOutcome(bed, candidates);
    await recordRow({
      scenario: `SMTP down ${outageSeconds} s > mail budget, ${applications} applications`,
      expected: applications,
      ...counts,
      recoveryMs,
      note: 'dead (counted for the admin), revived by a probe once the server answers',
    });
    expect(counts).toEqual({ sent: applications, correct: applications, lost: 0, duplicated: 0 });
    expect(await deadWork('mail')).toBe(0);
    const revived = await jobs('mail.send', {
      'payload.kind': 'survey.link',
      'history.event': 'revived',
    });
    expect(revived.length).toBeGreaterThan(0);
  },
);

test(
  `Lever answers 503 for ${outageSeconds} s, twice the Lever budget: dead, then revived`,
  { timeout: scenarioTimeoutMs() },
  async () => {
    const candidates = await bed.apply(applications, 'lever-budget');
    await waitForMails(candidates);
    const { tokens } = await mailOutcome(bed, candidates);
    await bed.control('POST', '/faults', {
      status: 503,
      count: 1_000_000,
      pathPrefix: '/opportunities',
    });
    const downAt = Date.now();
    try {
      const applicant = remoteClient(bed.api.url);
      for (const token of tokens.values()) {
        const submitted = await applicant.request('POST', surveyPath(token, 'submit'), {
          answers: allNoAnswers(),
          signature,
        });
        expect(submitted.status).toBe(201);
      }
      await waitFor(
        'every tag job dead (a probe requeues one now and then)',
        async () => (await jobs('lever.tag', { 'history.event': 'dead' })).length === applications,
        { timeoutMs: outageMs + 60_000, everyMs: 200 },
      );
      expect(await deadWork('lever-tag')).toBeGreaterThan(0);
      await until(downAt + outageMs);
    } finally {
      await bed.control('DELETE', '/faults');
    }
    const backAt = Date.now();
    await waitFor(
      'a tag on every opportunity',
      async () => (await tagOutcome(bed, candidates)).sent === applications,
      { timeoutMs: recoveryTimeoutMs(), everyMs: 250 },
    ).catch(() => undefined);
    const recoveryMs = Date.now() - backAt;
    await settled(bed, recoveryTimeoutMs());
    const counts = await tagOutcome(bed, candidates);
    await recordRow({
      scenario: `Lever 503 for ${outageSeconds} s > Lever budget, ${applications} surveys`,
      expected: applications,
      ...counts,
      recoveryMs,
      note: 'dead (counted for the admin), revived once Lever answers',
    });
    expect(counts).toEqual({ sent: applications, correct: applications, lost: 0, duplicated: 0 });
    expect(await deadWork('lever-tag')).toBe(0);
  },
);
