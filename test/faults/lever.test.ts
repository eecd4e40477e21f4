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
 * Lever and the API fail (issue 25's table): tags written back while Lever answers 503, and
 * Lever's deliveries while the API process is dead. One tag per opportunity; one email per
 * applicant with a working link.
 */
let bed: FaultBed;
const { outageMs, applications } = faultSettings;
const outageSeconds = outageMs / 1000;

beforeAll(async () => {
  bed = await startFaultBed(import.meta.filename, { serverUri: inject('mongoUri') });
});
afterAll(() => bed?.close());

const waitForMails = (candidates: Candidate[]) =>
  waitFor('every applicant’s email', () => mailed(bed, candidates) === candidates.length, {
    timeoutMs: recoveryTimeoutMs(),
    everyMs: 100,
  });

const tagJobs = (state?: object) =>
  bed.db.collection('jobs').countDocuments({
    type: 'lever.tag',
    organizationId: new Types.ObjectId(bed.organizationId),
    ...state,
  });

test(
  `Lever answers 503 for ${outageSeconds} s while ${applications} surveys are submitted`,
  { timeout: scenarioTimeoutMs() },
  async () => {
    const candidates = await bed.apply(applications, 'lever-down');
    await waitForMails(candidates);
    const { tokens } = await mailOutcome(bed, candidates);
    expect(tokens.size).toBe(applications);

    // Every Data API call about opportunities fails, with Retry-After (honoured by the tag job).
    const fault = await bed.control('POST', '/faults', {
      status: 503,
      count: 1_000_000,
      pathPrefix: '/opportunities',
      retryAfterSeconds: 1,
    });
    expect(fault.status).toBeLessThan(300);
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
        'every tag job to have failed against Lever',
        async () =>
          (await tagJobs({ attempt: { $gte: 1 }, state: { $ne: 'succeeded' } })) === applications,
        { timeoutMs: outageMs + 60_000, everyMs: 200 },
      );
      await until(downAt + outageMs);
    } finally {
      await bed.control('DELETE', '/faults');
    }
    const backAt = Date.now();
    await waitFor(
      'a tag on every opportunity',
      async () => (await tagOutcome(bed, candidates)).sent === applications,
      {
        timeoutMs: recoveryTimeoutMs(),
        everyMs: 250,
      },
    ).catch(() => undefined); // the row says how many were lost
    const recoveryMs = Date.now() - backAt;
    await settled(bed, recoveryTimeoutMs());
    const counts = await tagOutcome(bed, candidates);
    await recordRow({
      scenario: `Lever 503 for ${outageSeconds} s, ${applications} surveys submitted`,
      expected: applications,
      ...counts,
      recoveryMs,
      note: 'one Eligo-WOTC tag per opportunity, written by one successful addTags',
    });
    expect(counts).toEqual({ sent: applications, correct: applications, lost: 0, duplicated: 0 });
  },
);

test(
  `the API is killed (kill -9) during a burst of ${applications} applications and is back after ${outageSeconds} s`,
  { timeout: scenarioTimeoutMs() },
  async () => {
    const inbox = () =>
      bed.db.collection('leverinboxitems').countDocuments({
        organizationId: new Types.ObjectId(bed.organizationId),
      });
    const before = await inbox();
    const applying = bed.apply(applications, 'api-killed');
    // Half of the burst is in; the rest arrives at a dead API (connection refused: Lever retries).
    await waitFor(
      'half of the deliveries stored',
      async () => (await inbox()) - before >= applications / 2,
      {
        timeoutMs: 60_000,
        everyMs: 20,
      },
    );
    await bed.api.crash();
    const downAt = Date.now();
    const candidates = await applying;
    await until(downAt + outageMs);
    await bed.api.start();
    const backAt = Date.now();
    await waitForMails(candidates).catch(() => undefined);
    const recoveryMs = Date.now() - backAt;
    await settled(bed, recoveryTimeoutMs());
    const { counts } = await mailOutcome(bed, candidates);
    await recordRow({
      scenario: `API kill -9 mid-burst, down ${outageSeconds} s, ${applications} applications`,
      expected: applications,
      ...counts,
      recoveryMs,
    });
    expect(counts).toEqual({ sent: applications, correct: applications, lost: 0, duplicated: 0 });
    expect(await inbox()).toBe(before + applications);
  },
);
