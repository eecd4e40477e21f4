import { Types } from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { SubmittedAnswers } from '@eligo/shared/wotc';
import { answerSurvey, declineSurvey } from '../support/applicants.ts';
import type { ApiClient } from '../support/http.ts';
import { startLeverTestbed, type LeverTestbed } from '../support/lever.ts';
import type { TestSmtpServer } from '../support/smtp.ts';
import { allNoAnswers, canaryAnswers } from '../support/survey.ts';
import { waitFor } from '../support/wait.ts';

/**
 * Results back to Lever (issue 10, "Tags in Lever"): after the survey is evaluated the tag
 * `<prefix>-WOTC:Pre Qualified` or `…:Not Qualified` appears on the candidate in the Lever emulator,
 * written over real HTTP by the tag job, and the applicant page says whether it got there.
 */
let bed: LeverTestbed;
let smtp: TestSmtpServer;
let admin: ApiClient;
let organizationId: string;

const PRE = 'Eligo-WOTC:Pre Qualified';
const NOT = 'Eligo-WOTC:Not Qualified';
/** A veteran on SNAP (pre-qualified) who did not say whether they worked here before. */
const needsReview = (): SubmittedAnswers => ({
  ...canaryAnswers(),
  worked_here_before: 'declined',
});

beforeAll(async () => {
  bed = await startLeverTestbed(import.meta.filename, { mail: true });
  smtp = bed.smtp!;
});
afterAll(() => bed.close());
beforeEach(async () => {
  ({ admin, organizationId } = await bed.startOver({ connect: true }));
});

/** A candidate applies in Lever and the app has registered them; returns both ids. */
async function applicant(name = 'Tess Tagger') {
  const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${new Types.ObjectId().toHexString().slice(-6)}@example.net`;
  const opportunityId = await bed.apply({ name, email });
  await smtp.waitForMail(email);
  const stored = await waitFor('the applicant', () =>
    bed.t.db.collection('applicants').findOne({ 'lever.opportunityId': opportunityId }),
  );
  return { opportunityId, applicantId: String(stored._id) };
}

const tagsInLever = async (opportunityId: string): Promise<string[]> =>
  (await bed.control('GET', `/opportunities/${opportunityId}`)).body.data.tags;

const page = async (applicantId: string) => {
  const response = await admin.get(`/api/applicants/${applicantId}`);
  expect(response.statusCode).toBe(200);
  return response.json();
};

/** Waits for the applicant's tag sync to reach `state` and returns the applicant page. */
const tagState = (applicantId: string, state: string) =>
  waitFor(`tag sync ${state}`, async () => {
    const shown = await page(applicantId);
    return shown.tagSync.state === state ? shown : null;
  });

const wotcTagsIn = (tags: string[]) => tags.filter((t) => t.includes('-WOTC:'));

/** The jobs that write this applicant's tag to Lever (queued by an evaluation or a decision). */
const tagJobsOf = (applicantId: string) =>
  bed.t.db
    .collection('jobs')
    .countDocuments({ type: 'lever.tag', 'payload.applicantId': applicantId });

describe('after the survey', () => {
  test('Pre Qualified → the tag is on the candidate in Lever, the page says synced', async () => {
    const { opportunityId, applicantId } = await applicant();
    await answerSurvey(bed.t.app, organizationId, applicantId, canaryAnswers());
    const shown = await tagState(applicantId, 'synced');
    expect(shown.tagSync).toMatchObject({ tag: PRE, syncedAt: expect.any(String), reason: null });
    expect(wotcTagsIn(await tagsInLever(opportunityId))).toEqual([PRE]);
    // The timeline entry is written just after the state (tag-sync.ts): wait for it, don't race it.
    const timeline = await waitFor('the synced entry on the timeline', async () => {
      const types = (await page(applicantId)).timeline.map((e: { type: string }) => e.type);
      return types.includes('tag_synced') ? types : null;
    });
    expect(timeline).toEqual(expect.arrayContaining(['tag_sync_requested', 'tag_synced']));
  });

  test('Not Qualified → the Not Qualified tag; an override to Pre Qualified swaps them', async () => {
    const { opportunityId, applicantId } = await applicant();
    await answerSurvey(bed.t.app, organizationId, applicantId, allNoAnswers());
    await tagState(applicantId, 'synced');
    expect(wotcTagsIn(await tagsInLever(opportunityId))).toEqual([NOT]);

    const override = await admin.post(`/api/applicants/${applicantId}/wotc-status`, {
      status: 'pre_qualified',
      reason: 'Checked the DD-214 with the applicant',
    });
    expect(override.statusCode).toBe(200);
    await waitFor('the swapped tags', async () => {
      const tags = wotcTagsIn(await tagsInLever(opportunityId));
      return tags.length === 1 && tags[0] === PRE;
    });
    expect((await tagState(applicantId, 'synced')).tagSync.tag).toBe(PRE);
  });

  test('Needs review writes nothing until an admin decides; the decision is tagged', async () => {
    const { opportunityId, applicantId } = await applicant();
    await answerSurvey(bed.t.app, organizationId, applicantId, needsReview());
    const shown = await page(applicantId);
    expect(shown).toMatchObject({ wotcStatus: 'needs_review', tagSync: { state: 'none' } });
    // Only the tag job writes to Lever, and the submit queues it before answering: none is queued.
    expect(await tagJobsOf(applicantId)).toBe(0);
    expect(wotcTagsIn(await tagsInLever(opportunityId))).toEqual([]);

    await admin.post(`/api/applicants/${applicantId}/wotc-status`, {
      status: 'not_qualified',
      reason: 'Worked here in 2019',
    });
    await tagState(applicantId, 'synced');
    expect(wotcTagsIn(await tagsInLever(opportunityId))).toEqual([NOT]);
    expect(await tagJobsOf(applicantId)).toBe(1);
  });

  test('declining the survey counts as Not Qualified', async () => {
    const { opportunityId, applicantId } = await applicant();
    await declineSurvey(bed.t.app, organizationId, applicantId);
    await tagState(applicantId, 'synced');
    expect(wotcTagsIn(await tagsInLever(opportunityId))).toEqual([NOT]);
  });

  test('the organization’s tag prefix is used', async () => {
    const settings = await admin.patch('/api/organization/settings', { tagPrefix: 'Acme HR' });
    expect(settings.statusCode).toBe(200);
    const { opportunityId, applicantId } = await applicant();
    await answerSurvey(bed.t.app, organizationId, applicantId, canaryAnswers());
    await tagState(applicantId, 'synced');
    expect(wotcTagsIn(await tagsInLever(opportunityId))).toEqual(['Acme HR-WOTC:Pre Qualified']);
  });
});

describe('when Lever fails', () => {
  test('429 and 503 are retried until the tag is written, once', async () => {
    const { opportunityId, applicantId } = await applicant();
    await bed.control('POST', '/faults', {
      status: 429,
      count: 1,
      pathPrefix: `/opportunities/${opportunityId}`,
      retryAfterSeconds: 1,
    });
    await bed.control('POST', '/faults', {
      status: 503,
      count: 1,
      pathPrefix: `/opportunities/${opportunityId}`,
    });
    await answerSurvey(bed.t.app, organizationId, applicantId, canaryAnswers());
    const shown = await tagState(applicantId, 'synced');
    const types = shown.timeline.map((e: { type: string }) => e.type);
    expect(types.filter((t: string) => t === 'tag_sync_failed').length).toBeGreaterThanOrEqual(1);
    expect(await tagsInLever(opportunityId)).toEqual([PRE]);
  });

  test('the opportunity deleted in Lever (404) → recorded as dead, not retried', async () => {
    const { opportunityId, applicantId } = await applicant();
    expect((await bed.control('DELETE', `/opportunities/${opportunityId}`)).status).toBeLessThan(
      300,
    );
    await answerSurvey(bed.t.app, organizationId, applicantId, canaryAnswers());
    const shown = await tagState(applicantId, 'dead');
    expect(shown.tagSync.reason).toMatch(/no longer exists in Lever/);
    // The applicant shows the outcome before the runner has recorded the job's end.
    const tagJob = () =>
      bed.t.db
        .collection('jobs')
        .findOne({ type: 'lever.tag', organizationId: new Types.ObjectId(organizationId) });
    await expect.poll(async () => (await tagJob())?.state).toBe('dead');
    expect(await tagJob()).toMatchObject({ state: 'dead', attempt: 1 });
  });

  test('Disconnected pauses tag syncing; Reconnect resumes it', { timeout: 60_000 }, async () => {
    const { opportunityId, applicantId } = await applicant();
    const grant = (await bed.control('GET', '/grants')).body.data[0];
    expect((await bed.control('POST', `/grants/${grant.id}/revoke`)).status).toBe(204);
    await answerSurvey(bed.t.app, organizationId, applicantId, canaryAnswers());
    const waiting = await tagState(applicantId, 'failed');
    expect(waiting.tagSync.reason).toMatch(/disconnected/i);
    expect((await bed.tile(admin)).status).toBe('disconnected');
    expect(await tagsInLever(opportunityId)).toEqual([]);

    expect(await bed.connect(admin)).toBe('reconnected');
    await tagState(applicantId, 'synced');
    expect(await tagsInLever(opportunityId)).toEqual([PRE]);
  });
});
