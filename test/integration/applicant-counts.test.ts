import type { FastifyInstance } from 'fastify';
import { Types } from 'mongoose';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addToCounts, readCounts } from '@eligo/server/modules/applicants/applicant-counts';
import {
  groupedCounts,
  prepareCounts,
  repairCounts,
} from '@eligo/server/modules/applicants/count-repair';
import { recordTagSyncOutcome } from '@eligo/server/modules/lever/sync/tag-sync';
import { createTestApp, type TestApp } from '../support/app.ts';
import { waitFor } from '../support/wait.ts';
import {
  createOrganization,
  emailedSurveyLink,
  registerTestApplicant,
  signedIn,
} from '../support/factories.ts';
import { answerSurvey, declineSurvey } from '../support/applicants.ts';

/**
 * The dashboard's counts are kept with the writes (docs/applicants.md, "Counts"): whichever module
 * writes a status, on whichever instance, at the same time as others, the counters end equal to
 * the counts grouped from the applicants; the repair job corrects a counter that drifted; a write
 * whose settle never ran is counted by the next read; applicants stored before the counts existed
 * are counted.
 */
let a: TestApp;
let b: TestApp;
beforeAll(async () => {
  a = await createTestApp(import.meta.filename, {
    env: { SURVEY_RATE_LIMIT_PER_MINUTE: '10000', SURVEY_SUBMIT_RATE_LIMIT_PER_MINUTE: '10000' },
  });
  b = await createTestApp(import.meta.filename, { databaseOf: a });
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

const nonZero = (counts: Record<string, number>) =>
  Object.fromEntries(Object.entries(counts).filter(([, n]) => n !== 0));

/** The counters equal what grouping the applicants gives. */
async function expectCountsRight(app: FastifyInstance, organizationId: Types.ObjectId) {
  const counters = await readCounts(app.mongo, organizationId);
  expect(counters.ready).toBe(true);
  expect(nonZero(counters.n)).toEqual(nonZero(await groupedCounts(app.mongo, organizationId)));
}

async function countedOrganization() {
  const org = await createOrganization(a.app);
  const organizationId = new Types.ObjectId(org.organizationId);
  await prepareCounts(a.app.mongo, organizationId);
  return { org, organizationId };
}

test('writes from registration, the survey, an admin and Lever keep the counts', async () => {
  const { org, organizationId } = await countedOrganization();
  const register = async (email: string | null) =>
    (await registerTestApplicant(a.app, org.organizationId, { email })).applicant;
  const [sent, answered, declined] = await Promise.all([
    register('sent@example.com'),
    register('answered@example.com'),
    register('declined@example.com'),
  ]);
  await register(null);
  await expectCountsRight(a.app, organizationId);

  await emailedSurveyLink(a.app, organizationId, sent._id);
  await expectCountsRight(a.app, organizationId);
  await answerSurvey(a.app, org.organizationId, answered._id.toHexString());
  await expectCountsRight(a.app, organizationId);
  await declineSurvey(a.app, org.organizationId, declined._id.toHexString());
  await expectCountsRight(a.app, organizationId);
  const admin = await signedIn(a.app, org.admin);
  const override = await admin.post(`/api/applicants/${answered._id.toHexString()}/wotc-status`, {
    status: 'pre_qualified',
    reason: 'Letter checked',
  });
  expect(override.statusCode).toBe(200);
  await expectCountsRight(a.app, organizationId);
  await recordTagSyncOutcome(a.app, answered, { state: 'failed', reason: 'x', nextRetryAt: null });
  await expectCountsRight(a.app, organizationId);

  const summary = (await admin.get('/api/applicants/summary')).json();
  expect(summary).toMatchObject({
    total: 4,
    surveyStatus: { sent: 1, submitted: 1, declined: 1, missing_email: 1, expired: 0 },
    wotcStatus: { pending: 2, pre_qualified: 1, not_qualified: 1, needs_review: 0 },
    tagSyncProblems: 1,
  });
});

test('concurrent writes of the same applicants on two instances count each change once', async () => {
  const { org, organizationId } = await countedOrganization();
  const applicants = await Promise.all(
    Array.from(
      { length: 16 },
      async (_, i) =>
        (await registerTestApplicant((i % 2 ? a : b).app, org.organizationId)).applicant,
    ),
  );
  const outcomes = [
    { state: 'failed', reason: 'x', nextRetryAt: null },
    { state: 'synced' },
    { state: 'dead', reason: 'y' },
  ] as const;
  // Each applicant's tag state written six times at once (three states, both instances), in
  // rounds: settles race each other and the writes that follow them.
  for (let round = 0; round < 4; round++) {
    await Promise.all(
      applicants.flatMap((applicant) =>
        outcomes.flatMap((outcome) =>
          [a, b].map((instance) => recordTagSyncOutcome(instance.app, applicant, outcome)),
        ),
      ),
    );
  }
  await expectCountsRight(b.app, organizationId);
  const admin = await signedIn(b.app, org.admin);
  const summary = (await admin.get('/api/applicants/summary')).json();
  expect(summary.total).toBe(16);
});

test('the repair job corrects a drifted count and leaves right counts alone', async () => {
  const { org, organizationId } = await countedOrganization();
  await registerTestApplicant(a.app, org.organizationId);
  // A process died between an applicant's settle and its counters' `$inc`, or worse.
  await addToCounts(a.app.mongo, organizationId, { s_sent: 3, w_pending: -1 });
  const drifted = await readCounts(a.app.mongo, organizationId);
  expect(drifted.n).toMatchObject({ s_sent: 3, w_pending: 0 });

  expect((await repairCounts(a.app.mongo, organizationId, 0)).corrected).toEqual({
    s_sent: -3,
    w_pending: 1,
  });
  await expectCountsRight(a.app, organizationId);
  expect((await repairCounts(a.app.mongo, organizationId, 0)).corrected).toEqual({});
});

test('a write whose settle never ran is counted by the next read of the counts', async () => {
  const { org, organizationId } = await countedOrganization();
  const { applicant } = await registerTestApplicant(a.app, org.organizationId);
  // The write landed (with its countPending) and the process died before settling it.
  await a.db
    .collection('applicants')
    .updateOne(
      { _id: applicant._id },
      { $set: { 'survey.status': 'declined', wotcStatus: 'not_qualified', countPending: true } },
    );
  const admin = await signedIn(a.app, org.admin);
  const summary = (await admin.get('/api/applicants/summary')).json();
  expect(summary).toMatchObject({
    total: 1,
    surveyStatus: { declined: 1, not_sent: 0 },
    wotcStatus: { not_qualified: 1, pending: 0 },
  });
  await expectCountsRight(a.app, organizationId);
});

test('applicants stored before the counts existed are counted, then kept', async () => {
  const org = await createOrganization(a.app);
  const organizationId = new Types.ObjectId(org.organizationId);
  const registered = [];
  for (const email of ['one@example.com', null, 'three@example.com'])
    registered.push((await registerTestApplicant(a.app, org.organizationId, { email })).applicant);
  // As stored before this version: no counted state, no counters.
  await a.db
    .collection('applicants')
    .updateMany({ organizationId }, { $unset: { counted: '', countPending: '' } });
  await a.db.collection('applicant_counts').deleteMany({ organizationId });

  const admin = await signedIn(a.app, org.admin);
  const before = (await admin.get('/api/applicants/summary')).json();
  expect(before).toMatchObject({ total: 3, surveyStatus: { missing_email: 1 } });
  // That read started counting them in the background; a second preparer (another instance) may
  // run beside it: each adds what it marked just after marking it, so wait for the sums to agree.
  await prepareCounts(a.app.mongo, organizationId);
  await waitFor('the counters to agree with the applicants', async () => {
    const counters = await readCounts(a.app.mongo, organizationId);
    const grouped = await groupedCounts(a.app.mongo, organizationId);
    const sorted = (counts: Record<string, number>) =>
      JSON.stringify(Object.entries(nonZero(counts)).sort());
    return counters.ready && sorted(counters.n) === sorted(grouped);
  });
  await expectCountsRight(a.app, organizationId);

  await declineSurvey(a.app, org.organizationId, registered[0]!._id.toHexString());
  await expectCountsRight(a.app, organizationId);
  const after = (await admin.get('/api/applicants/summary')).json();
  expect(after).toMatchObject({ total: 3, surveyStatus: { declined: 1, missing_email: 1 } });
});
