import { Types } from 'mongoose';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { waitFor } from '../support/wait.ts';
import { startFaultBed, type Candidate, type FaultBed } from './support/fault-bed.ts';
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
    const counts = await measureMails(bed, candidates, {
      scenario: `SMTP down ${outageSeconds} s > mail budget, ${applications} applications`,
      faultEndedAt: Date.now(),
      note: 'dead (counted for the admin), revived by a probe once the server answers',
    });
    expect(counts).toEqual(exactlyOnce(applications));
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
    const { candidates, tokens } = await emailedCandidates(bed, applications, 'lever-budget');
    await leverDown(bed);
    const downAt = Date.now();
    try {
      await submitSurveys(bed, tokens);
      await waitFor(
        'every tag job dead (a probe requeues one now and then)',
        async () => (await jobs('lever.tag', { 'history.event': 'dead' })).length === applications,
        { timeoutMs: outageMs + 60_000, everyMs: 200 },
      );
      expect(await deadWork('lever-tag')).toBeGreaterThan(0);
      await until(downAt + outageMs);
    } finally {
      await leverBack(bed);
    }
    const counts = await measureTags(bed, candidates, {
      scenario: `Lever 503 for ${outageSeconds} s > Lever budget, ${applications} surveys`,
      faultEndedAt: Date.now(),
      note: 'dead (counted for the admin), revived once Lever answers',
    });
    expect(counts).toEqual(exactlyOnce(applications));
    expect(await deadWork('lever-tag')).toBe(0);
  },
);
