import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inviteApplicant } from '@eligo/server/modules/survey/index';
import type { ApiClient } from '../support/http.ts';
import {
  createUser,
  registerTestApplicant,
  signedIn,
  type TestOrganization,
} from '../support/factories.ts';
import { answerSurvey } from '../support/applicants.ts';
import { orgTestApp, type OrgTestApp } from '../support/org-app.ts';
import type { TestSmtpServer } from '../support/smtp.ts';

/** My Account › Data Settings: the Lever tag prefix and the survey email language. */
let smtp: TestSmtpServer;
let t: OrgTestApp;
let org: TestOrganization;
let admin: ApiClient;

beforeAll(async () => {
  t = await orgTestApp(import.meta.filename, {
    env: { SURVEY_SUBMIT_RATE_LIMIT_PER_MINUTE: '1000' },
  });
  ({ smtp, org, admin } = t);
});
afterAll(() => t?.close());

describe('organization settings', () => {
  test('defaults: prefix Eligo, English emails', async () => {
    const res = await admin.get('/api/organization/settings');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ tagPrefix: 'Eligo', surveyLanguage: 'en' });
  });

  test('an admin changes them; new tags and new invitations follow', async () => {
    const res = await admin.patch('/api/organization/settings', {
      tagPrefix: 'Acme HR',
      surveyLanguage: 'es',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ tagPrefix: 'Acme HR', surveyLanguage: 'es' });
    expect((await admin.get('/api/organization/settings')).json().tagPrefix).toBe('Acme HR');

    const { applicant } = await registerTestApplicant(t.app, org.organizationId);
    await inviteApplicant(t.app, applicant);
    expect((await smtp.waitForMail(applicant.email)).subject).toContain('le pide completar');
    await answerSurvey(t.app, org.organizationId, applicant._id.toHexString());
    const page = (await admin.get(`/api/applicants/${applicant._id}`)).json();
    expect(page.tagSync.tag).toBe('Acme HR-WOTC:Not Qualified');
    await admin.patch('/api/organization/settings', { tagPrefix: 'Eligo', surveyLanguage: 'en' });
  });

  test.each([
    [{ tagPrefix: 'Eligo:' }, '/body/tagPrefix'],
    [{ tagPrefix: ' Eligo' }, '/body/tagPrefix'],
    [{ tagPrefix: 'Eligo-' }, '/body/tagPrefix'],
    [{ tagPrefix: '' }, '/body/tagPrefix'],
    [{ tagPrefix: 'x'.repeat(41) }, '/body/tagPrefix'],
    [{ tagPrefix: 'Tab\there' }, '/body/tagPrefix'],
    [{ surveyLanguage: 'fr' }, '/body/surveyLanguage'],
    [{}, '/body'],
  ])('%j → 400 and nothing changes', async (body, path) => {
    const res = await admin.patch('/api/organization/settings', body);
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().details)).toContain(path);
    expect((await admin.get('/api/organization/settings')).json()).toMatchObject({
      tagPrefix: 'Eligo',
      surveyLanguage: 'en',
    });
  });

  test('accented and spaced prefixes are fine', async () => {
    const res = await admin.patch('/api/organization/settings', { tagPrefix: "Compañía O'Neil" });
    expect(res.statusCode).toBe(200);
    await admin.patch('/api/organization/settings', { tagPrefix: 'Eligo' });
  });

  test('members can neither read nor change them (403)', async () => {
    const member = await signedIn(
      t.app,
      await createUser(t.app, org.organizationId, { role: 'member' }),
    );
    expect((await member.get('/api/organization/settings')).statusCode).toBe(403);
    expect(
      (await member.patch('/api/organization/settings', { tagPrefix: 'Member' })).statusCode,
    ).toBe(403);
  });
});
