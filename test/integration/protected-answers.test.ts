import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ApiClient } from '../support/http.ts';
import {
  createOrganization,
  createUser,
  registerTestApplicant,
  signedIn,
  type TestOrganization,
} from '../support/factories.ts';
import { answerSurvey } from '../support/applicants.ts';
import { orgTestApp, type OrgTestApp } from '../support/org-app.ts';
import { canary, canaryAnswers } from '../support/survey.ts';

/**
 * Least privilege (issue 26 item 3): the applicant page leaves out the date of birth, the address
 * and the answers that reveal protected facts, for everyone; admins view them on purpose, members
 * only when the organization allows it, and every view is audited like the SSN reveal.
 */
let t: OrgTestApp;
let org: TestOrganization;
let admin: ApiClient;
let member: ApiClient;

beforeAll(async () => {
  t = await orgTestApp(import.meta.filename, {
    env: { SURVEY_SUBMIT_RATE_LIMIT_PER_MINUTE: '10000' },
  });
  ({ org, admin } = t);
  member = await signedIn(t.app, await createUser(t.app, org.organizationId, { role: 'member' }));
});
afterAll(() => t?.close());

async function answeredApplicant(organizationId = org.organizationId) {
  const { applicant } = await registerTestApplicant(t.app, organizationId, { name: 'Ada Byron' });
  const id = applicant._id.toHexString();
  await answerSurvey(t.app, organizationId, id, canaryAnswers());
  return id;
}

/** An ISO day as the page writes it (MM/DD/YYYY). */
const usDate = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;

const viewsOf = (applicantId: string) =>
  t.db
    .collection('audit_records')
    .find({ action: 'protected_answers_viewed', 'target.id': applicantId })
    .toArray();

/** The organization's setting, as an admin sets it in Data Settings. */
async function membersMay(allowed: boolean) {
  const res = await admin.patch('/api/organization/settings', {
    membersSeeProtectedAnswers: allowed,
  });
  expect(res.statusCode).toBe(200);
  expect(res.json().membersSeeProtectedAnswers).toBe(allowed);
}

describe('the applicant page', () => {
  test('nobody gets date of birth, address or protected facts with the page', async () => {
    const id = await answeredApplicant();
    for (const [client, canView] of [
      [admin, true],
      [member, false],
    ] as const) {
      const res = await client.get(`/api/applicants/${id}`);
      expect(res.statusCode).toBe(200);
      const page = res.json();
      for (const secret of [canary.dob, canary.street, canary.recipient, canary.felonyDate]) {
        expect(res.body).not.toContain(secret);
      }
      for (const key of ['dob', 'street', 'zip', 'q_felony', 'q_snap', 'q_vet_disability']) {
        expect(page.answers).not.toHaveProperty(key);
      }
      // What a member needs to follow the applicant is still there.
      expect(page.answers).toMatchObject({ first_name: expect.any(String), ssn: '***-**-5946' });
      expect(page.wotcStatus).toBe('pre_qualified');
      expect(page.targetGroups).toEqual(['B-a', 'C', 'G']);
      expect(page.eligibility.matches.map((m: { reason: string }) => m.reason)).toEqual([
        'Qualified veteran receiving SNAP',
        expect.stringMatching(/felon/i),
        expect.any(String),
      ]);
      expect(page.protectedAnswers.canView).toBe(canView);
      expect(page.protectedAnswers.hidden).toEqual(
        expect.arrayContaining(['dob', 'street', 'q_felony', 'felony_conviction_date', 'q_snap']),
      );
    }
    expect(await viewsOf(id)).toHaveLength(0);
  });
});

describe('viewing the protected answers', () => {
  test('an admin, with a reason: the answers, one audit record and a timeline entry', async () => {
    const id = await answeredApplicant();
    const res = await admin.post(`/api/applicants/${id}/protected-answers/view`, {
      reason: 'Checking the felony dates for the 8850',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const { answers, reasons } = res.json();
    // The result's own reasons that quote the answers come with them (the page names groups).
    expect(reasons).toEqual(
      // Dates as people write them in the US (MM/DD/YYYY).
      expect.arrayContaining([
        { code: 'C', reason: expect.stringContaining(usDate(canary.felonyDate)) },
      ]),
    );
    expect(answers).toMatchObject({
      dob: canary.dob,
      street: canary.street,
      q_felony: 'yes',
      felony_conviction_date: canary.felonyDate,
      q_snap_recipient: canary.recipient,
    });
    expect(answers).not.toHaveProperty('first_name');
    expect(answers).not.toHaveProperty('ssn');
    const [record, ...more] = await viewsOf(id);
    expect(more).toHaveLength(0);
    expect(record).toMatchObject({
      actor: { role: 'admin' },
      reason: 'Checking the felony dates for the 8850',
      target: { type: 'applicant', id },
    });
    expect(record!.fields).toEqual(expect.arrayContaining(['dob', 'street', 'q_felony']));
    const timeline = (await admin.get(`/api/applicants/${id}`)).json().timeline;
    expect(timeline.at(-1)).toMatchObject({
      type: 'protected_answers_viewed',
      data: { reason: 'Checking the felony dates for the 8850' },
    });
    // The audit log lists it for admins.
    const log = (await admin.get('/api/audit-records')).json();
    expect(log.items.map((r: { action: string }) => r.action)).toContain(
      'protected_answers_viewed',
    );
  });

  test('a member: 403 and nothing audited, until an admin allows it; then audited too', async () => {
    const id = await answeredApplicant();
    const url = `/api/applicants/${id}/protected-answers/view`;
    const refused = await member.post(url, { reason: 'Curious' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toMatch(/Only admins can view these answers/);
    expect(refused.body).not.toContain(canary.dob);
    expect(await viewsOf(id)).toHaveLength(0);

    await membersMay(true);
    try {
      expect((await member.get(`/api/applicants/${id}`)).json().protectedAnswers.canView).toBe(
        true,
      );
      const res = await member.post(url, { reason: 'Following up the hire' });
      expect(res.statusCode).toBe(200);
      expect(res.json().answers.dob).toBe(canary.dob);
      expect(await viewsOf(id)).toMatchObject([
        { actor: { role: 'member' }, reason: 'Following up the hire' },
      ]);
    } finally {
      await membersMay(false);
    }
    expect((await member.post(url, { reason: 'Again' })).statusCode).toBe(403);
  });

  test('400 without a reason, 409 without answers, 404 for another organization', async () => {
    const id = await answeredApplicant();
    for (const body of [{}, { reason: '' }, { reason: 'ab' }, { reason: 'x\u0000y z' }]) {
      const res = await admin.post(`/api/applicants/${id}/protected-answers/view`, body);
      expect(res.statusCode).toBe(400);
    }
    const { applicant: unanswered } = await registerTestApplicant(t.app, org.organizationId);
    const none = await admin.post(`/api/applicants/${unanswered._id}/protected-answers/view`, {
      reason: 'Checking',
    });
    expect(none.statusCode).toBe(409);
    const foreign = await createOrganization(t.app);
    const theirs = await answeredApplicant(foreign.organizationId);
    const elsewhere = await admin.post(`/api/applicants/${theirs}/protected-answers/view`, {
      reason: 'Checking',
    });
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.body).not.toContain(canary.dob);
    expect(await viewsOf(id)).toHaveLength(0);
    expect(
      await t.db.collection('audit_records').countDocuments({
        organizationId: new Types.ObjectId(foreign.organizationId),
      }),
    ).toBe(0);
  });
});
