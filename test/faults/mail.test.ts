import { Types } from 'mongoose';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { waitFor } from '../support/wait.ts';
import {
  startFaultBed,
  surveyMailJobs,
  type Candidate,
  type FaultBed,
} from './support/fault-bed.ts';
import { exactlyOnce, measureMails } from './support/scenario.ts';
import { faultSettings, scenarioTimeoutMs } from './support/settings.ts';
import { until } from './support/time.ts';

/**
 * Survey emails through a real SMTP server that fails (issue 25's table, docs/reliability.md §4):
 * every applicant ends with exactly one message (one Message-ID) whose link opens the survey.
 */
let bed: FaultBed;
const { outageMs, applications } = faultSettings;
const outageSeconds = outageMs / 1000;

beforeAll(async () => {
  bed = await startFaultBed(import.meta.filename, { serverUri: inject('mongoUri') });
});
afterAll(() => bed?.close());

const jobIds = async () => new Set((await surveyMailJobs(bed)).map((j) => String(j._id)));

/** Waits for every candidate's mail and the system to settle; records and checks the row. */
async function expectExactlyOnce(
  scenario: string,
  candidates: Candidate[],
  faultEndedAt: number,
  note?: string,
) {
  const counts = await measureMails(bed, candidates, { scenario, faultEndedAt, note });
  expect(counts).toEqual(exactlyOnce(candidates.length));
}

test(
  `SMTP down ${outageSeconds} s during ${applications} applications`,
  { timeout: scenarioTimeoutMs() },
  async () => {
    const before = await jobIds();
    await bed.smtp.stop();
    const downAt = Date.now();
    let candidates: Candidate[] = [];
    try {
      candidates = await bed.apply(applications, 'smtp-down');
      // Every application was registered and its email tried at least once while the server was down.
      await waitFor(
        'a failed attempt of every email',
        async () =>
          (await surveyMailJobs(bed)).filter((j) => !before.has(String(j._id)) && j.attempt >= 1)
            .length === applications,
        { timeoutMs: outageMs + 60_000, everyMs: 200 },
      );
      await until(downAt + outageMs);
    } finally {
      await bed.smtp.start();
    }
    await expectExactlyOnce(
      `SMTP down ${outageSeconds} s, ${applications} applications`,
      candidates,
      Date.now(),
    );
  },
);

test(
  `the SMTP server accepts ${applications} messages but its "250" never arrives`,
  { timeout: scenarioTimeoutMs() },
  async () => {
    bed.smtp.faults.swallowData = applications;
    const candidates = await bed.apply(applications, 'lost-250');
    await waitFor(
      'every message read and left unanswered',
      () => bed.smtp.faults.swallowData === 0,
      {
        timeoutMs: 60_000,
        everyMs: 100,
      },
    );
    const unansweredAt = Date.now();
    await expectExactlyOnce(
      `"250" lost for ${applications} messages`,
      candidates,
      unansweredAt,
      'each message is sent again as the same message (same Message-ID and link): never a dead link',
    );
    // Every unanswered message was sent again as itself (same Message-ID, same link), and every
    // copy an applicant got is that one message. Not "two copies each": a retry can reach the
    // server before another applicant's first send and take one of the unanswered slots, so one
    // applicant may get three copies and another one.
    const ours = (m: { to: string[] }) => candidates.some(({ email }) => m.to.includes(email));
    const unanswered = bed.smtp.swallowed.filter(ours);
    expect(unanswered).toHaveLength(applications);
    for (const lost of unanswered) {
      expect(
        bed.smtp.received.some((m) => m.messageId === lost.messageId && m.text === lost.text),
      ).toBe(true);
    }
    for (const { email } of candidates) {
      const copies = [...bed.smtp.received, ...bed.smtp.swallowed].filter((m) =>
        m.to.includes(email),
      );
      expect(copies.length).toBeGreaterThanOrEqual(1);
      expect(new Set(copies.map((m) => `${m.messageId}\n${m.text}`)).size).toBe(1);
    }
  },
);

test(
  'the API is killed (kill -9) while 4 survey emails are mid-send (SMTP stalled at RCPT)',
  { timeout: scenarioTimeoutMs() },
  async () => {
    bed.smtp.faults.stallAtRcpt = true;
    let candidates: Candidate[] = [];
    try {
      const before = await jobIds();
      candidates = await bed.apply(4, 'mid-send');
      await waitFor(
        'four emails in the middle of their SMTP session',
        async () =>
          (await surveyMailJobs(bed)).filter(
            (j) => !before.has(String(j._id)) && j.state === 'running',
          ).length === 4,
        { timeoutMs: 60_000, everyMs: 50 },
      );
      await bed.api.crash();
    } finally {
      bed.smtp.faults.stallAtRcpt = false;
    }
    const crashedAt = Date.now();
    await bed.api.start();
    await expectExactlyOnce('API kill -9 with 4 emails mid-send', candidates, crashedAt);
    // No claim is left held by the dead process.
    const claims = await bed.db
      .collection('applicant_deliveries')
      .find({ organizationId: new Types.ObjectId(bed.organizationId) })
      .toArray();
    expect(claims.filter((c) => c.state !== 'sent' && c.state !== 'reused')).toEqual([]);
  },
);
