import { Types } from 'mongoose';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { waitFor } from '../support/wait.ts';
import { startFaultBed, type FaultBed } from './support/fault-bed.ts';
import {
  emailedCandidates,
  exactlyOnce,
  leverBack,
  leverDown,
  measureMails,
  measureTags,
  submitSurveys,
} from './support/scenario.ts';
import { faultSettings, scenarioTimeoutMs } from './support/settings.ts';
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

const ofOrganization = () => ({ organizationId: new Types.ObjectId(bed.organizationId) });

test(
  `Lever answers 503 for ${outageSeconds} s while ${applications} surveys are submitted`,
  { timeout: scenarioTimeoutMs() },
  async () => {
    const { candidates, tokens } = await emailedCandidates(bed, applications, 'lever-down');
    // With Retry-After, which the tag job honours.
    await leverDown(bed, 1);
    const downAt = Date.now();
    try {
      await submitSurveys(bed, tokens);
      await waitFor(
        'every tag job to have failed against Lever',
        async () =>
          (await bed.db.collection('jobs').countDocuments({
            type: 'lever.tag',
            ...ofOrganization(),
            attempt: { $gte: 1 },
            state: { $ne: 'succeeded' },
          })) === applications,
        { timeoutMs: outageMs + 60_000, everyMs: 200 },
      );
      await until(downAt + outageMs);
    } finally {
      await leverBack(bed);
    }
    const counts = await measureTags(bed, candidates, {
      scenario: `Lever 503 for ${outageSeconds} s, ${applications} surveys submitted`,
      faultEndedAt: Date.now(),
      note: 'one Eligo-WOTC tag per opportunity, written by one successful addTags',
    });
    expect(counts).toEqual(exactlyOnce(applications));
  },
);

test(
  `the API is killed (kill -9) during a burst of ${applications} applications and is back after ${outageSeconds} s`,
  { timeout: scenarioTimeoutMs() },
  async () => {
    const inbox = () => bed.db.collection('leverinboxitems').countDocuments(ofOrganization());
    const before = await inbox();
    const applying = bed.apply(applications, 'api-killed');
    // Half of the burst is in; the rest arrives at a dead API (connection refused: Lever retries).
    await waitFor(
      'half of the deliveries stored',
      async () => (await inbox()) - before >= applications / 2,
      { timeoutMs: 60_000, everyMs: 20 },
    );
    await bed.api.crash();
    const downAt = Date.now();
    const candidates = await applying;
    await until(downAt + outageMs);
    await bed.api.start();
    const counts = await measureMails(bed, candidates, {
      scenario: `API kill -9 mid-burst, down ${outageSeconds} s, ${applications} applications`,
      faultEndedAt: Date.now(),
      note: "the deliveries refused while it was down come back with Lever's retries",
    });
    expect(counts).toEqual(exactlyOnce(applications));
    expect(await inbox()).toBe(before + applications);
  },
);
