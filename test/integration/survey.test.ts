import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RULES_VERSION, evaluateEligibility } from '@eligo/shared/wotc';
import { readEligibility } from '@eligo/server/modules/applicants/index';
import { applicantModel } from '@eligo/server/modules/applicants/index';
import { issueSurveyLink } from '@eligo/server/modules/survey/survey-link.service';
import { hashToken } from '@eligo/server/lib/tokens';
import { createTestApp, type TestApp } from '../support/app.ts';
import { apiClient, type ApiClient } from '../support/http.ts';
import {
  createApplicantWithSurveyLink,
  createOrganization,
  type TestOrganization,
} from '../support/factories.ts';
import { bornYearsAgo, daysAgo } from '../support/dates.ts';
import { allNoAnswers, signature, surveyPath, today, without } from '../support/survey.ts';

let t: TestApp;
let org: TestOrganization;
let client: ApiClient;

const INVALID_LINK = {
  statusCode: 404,
  code: 'SURVEY_LINK_INVALID',
  message: 'This survey link is no longer valid',
};

beforeAll(async () => {
  // Rate limits have their own suite; here one client makes many calls.
  t = await createTestApp(import.meta.filename, {
    env: { SURVEY_RATE_LIMIT_PER_MINUTE: '10000', SURVEY_SUBMIT_RATE_LIMIT_PER_MINUTE: '10000' },
  });
  org = await createOrganization(t.app, { name: 'Acme Widgets' });
  client = apiClient(t.app);
});
afterAll(() => t?.close());

async function rawApplicant(id: string) {
  return t.db.collection('applicants').findOne({ _id: new Types.ObjectId(id) });
}

describe('survey links', () => {
  test('a link is 32 random bytes in the URL; only its SHA-256 is stored; it lasts SURVEY_LINK_TTL_DAYS', async () => {
    const { applicantId, token, url } = await createApplicantWithSurveyLink(
      t.app,
      org.organizationId,
    );
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(url).toBe(`${t.config.publicUrl}/survey/${token}`);
    const stored = await rawApplicant(applicantId);
    expect(stored?.survey.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored?.survey.status).toBe('sent');
    const ttl = stored!.survey.expiresAt.getTime() - stored!.survey.sentAt.getTime();
    expect(ttl).toBe(30 * 86_400_000);
  });

  test('re-issuing a link revokes the previous one and keeps the saved progress', async () => {
    const first = await createApplicantWithSurveyLink(t.app, org.organizationId);
    await client.put(surveyPath(first.token, 'answers'), {
      step: 2,
      answers: { first_name: 'Ada', zip: '62701' },
    });
    const second = await issueSurveyLink(
      t.app,
      new Types.ObjectId(org.organizationId),
      new Types.ObjectId(first.applicantId),
    );
    expect((await client.get(surveyPath(first.token))).json()).toEqual(INVALID_LINK);
    const reopened = await client.get(surveyPath(second.token));
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json().draft).toMatchObject({ step: 2, answers: { zip: '62701' } });
  });

  test('a link cannot be issued again once the survey is answered', async () => {
    const { applicantId, token } = await createApplicantWithSurveyLink(t.app, org.organizationId);
    expect((await client.post(surveyPath(token, 'decline'))).statusCode).toBe(200);
    await expect(
      issueSurveyLink(
        t.app,
        new Types.ObjectId(org.organizationId),
        new Types.ObjectId(applicantId),
      ),
    ).rejects.toMatchObject({
      statusCode: 409,
    });
  });
});

describe('opening a survey', () => {
  test('answers the organization, greeting, language, state and no draft; marks it opened', async () => {
    const { applicantId, token } = await createApplicantWithSurveyLink(t.app, org.organizationId, {
      firstName: 'María',
      lastName: 'Núñez',
      email: 'maria@example.com',
      language: 'es',
      state: 'TX',
    });
    const res = await client.get(surveyPath(token));
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({
      organizationName: 'Acme Widgets',
      applicant: { firstName: 'María', lastName: 'Núñez', email: 'maria@example.com', state: 'TX' },
      language: 'es',
      asOf: today(),
      draft: null,
    });
    const stored = await rawApplicant(applicantId);
    expect(stored?.survey.status).toBe('opened');
    expect(stored?.survey.openedAt).toBeInstanceOf(Date);
  });
});

describe('save and resume', () => {
  test('a saved step comes back on the next visit, without the SSN, and is encrypted at rest', async () => {
    const { applicantId, token } = await createApplicantWithSurveyLink(t.app, org.organizationId);
    const dob = bornYearsAgo(26);
    const step1 = {
      first_name: 'Ada',
      last_name: 'Lovelace',
      ssn: '123-45-6789',
      zip: '62701',
      age_band: 'under_40',
      dob,
    } as const;
    const save = await client.put(surveyPath(token, 'answers'), { step: 2, answers: step1 });
    expect(save.statusCode).toBe(204);

    const resumed = (await client.get(surveyPath(token))).json();
    expect(resumed.draft).toMatchObject({
      step: 2,
      answers: without(step1, 'ssn'),
      ssnSaved: true,
    });
    expect(resumed.draft.answers).not.toHaveProperty('ssn');

    const stored = await rawApplicant(applicantId);
    expect(stored?.survey.status).toBe('in_progress');
    expect(stored?.survey.lastSavedAt).toBeInstanceOf(Date);
    expect(stored?.draft.step).toBe(2);
    expect(stored?.draft.ciphertext).toMatch(/^v1:1:/);
    const raw = JSON.stringify(stored);
    for (const secret of ['123-45-6789', '123456789', dob, '62701', 'under_40']) {
      expect(raw).not.toContain(secret);
    }
  });

  test('saving again without the SSN keeps the saved one; "declined" replaces it and comes back', async () => {
    const { token } = await createApplicantWithSurveyLink(t.app, org.organizationId);
    await client.put(surveyPath(token, 'answers'), {
      step: 1,
      answers: { ssn: '123-45-6789' },
    });
    await client.put(surveyPath(token, 'answers'), { step: 2, answers: { first_name: 'Ada' } });
    expect((await client.get(surveyPath(token))).json().draft).toMatchObject({
      ssnSaved: true,
      answers: { first_name: 'Ada' },
    });

    await client.put(surveyPath(token, 'answers'), { step: 2, answers: { ssn: 'declined' } });
    expect((await client.get(surveyPath(token))).json().draft).toMatchObject({
      ssnSaved: false,
      answers: { ssn: 'declined' },
    });
  });

  test('answers to questions that no longer apply are dropped', async () => {
    const { token } = await createApplicantWithSurveyLink(t.app, org.organizationId);
    await client.put(surveyPath(token, 'answers'), {
      step: 2,
      answers: { q_veteran: 'no', q_vet_snap: 'yes', age_band: '40_plus', dob: '1999-01-01' },
    });
    const { answers } = (await client.get(surveyPath(token))).json().draft;
    expect(answers).toEqual({ q_veteran: 'no', age_band: '40_plus' });
  });

  test('switching language is remembered for the next visit', async () => {
    const { token } = await createApplicantWithSurveyLink(t.app, org.organizationId);
    expect((await client.get(surveyPath(token))).json().language).toBe('en');
    await client.put(surveyPath(token, 'answers'), { step: 1, answers: {}, language: 'es' });
    expect((await client.get(surveyPath(token))).json().language).toBe('es');
  });

  test('a Spanish browser opens it in Spanish until the applicant picks a language', async () => {
    const { token } = await createApplicantWithSurveyLink(t.app, org.organizationId);
    const open = async (acceptLanguage: string) =>
      (
        await client.request('GET', surveyPath(token), undefined, {
          'accept-language': acceptLanguage,
        })
      ).json().language;
    expect(await open('es-US,es;q=0.9,en;q=0.8')).toBe('es');
    expect(await open('fr-FR')).toBe('en');
    await client.put(surveyPath(token, 'answers'), { step: 1, answers: {}, language: 'en' });
    expect(await open('es-US,es;q=0.9')).toBe('en');
  });

  test('saving needs the anti-CSRF header like every state-changing API call', async () => {
    const { token } = await createApplicantWithSurveyLink(t.app, org.organizationId);
    const res = await t.app.inject({
      method: 'PUT',
      url: surveyPath(token, 'answers'),
      payload: { step: 1, answers: {} },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('validation', () => {
  test('bad answers get 400 with the path of each field, and the saved draft stays as it was', async () => {
    const { token } = await createApplicantWithSurveyLink(t.app, org.organizationId);
    await client.put(surveyPath(token, 'answers'), {
      step: 2,
      answers: { first_name: 'Ada', zip: '62701' },
    });
    const before = (await client.get(surveyPath(token))).json().draft;

    const res = await client.put(surveyPath(token, 'answers'), {
      step: 2,
      answers: { first_name: 'Ada', zip: '6270', ssn: '000-12-3456', q_veteran: 'maybe' },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    const paths = body.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining(['/body/answers/zip', '/body/answers/ssn', '/body/answers/q_veteran']),
    );
    expect(JSON.stringify(body)).not.toContain('000-12-3456');

    expect((await client.get(surveyPath(token))).json().draft).toEqual(before);
  });

  test.each([
    [{ nope: 'x' }, '/body/answers/nope'],
    // Born tomorrow, and 60 years old while saying "under 40".
    [{ age_band: 'under_40', dob: daysAgo(-1) }, '/body/answers/dob'],
    [{ age_band: 'under_40', dob: bornYearsAgo(60) }, '/body/answers/dob'],
    [
      { worked_here_before: 'yes', worked_here_last_date: '2023-02-29' },
      '/body/answers/worked_here_last_date',
    ],
  ])('draft %o → 400 at %s', async (answers, path) => {
    const { token } = await createApplicantWithSurveyLink(t.app, org.organizationId);
    const res = await client.put(surveyPath(token, 'answers'), { step: 1, answers });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: { path: string }) => d.path)).toContain(path);
  });

  test('an incomplete submission gets 400 with every missing answer, and nothing is submitted', async () => {
    const { applicantId, token } = await createApplicantWithSurveyLink(t.app, org.organizationId);
    const answers = without(allNoAnswers({ age_band: 'under_40' }), 'q_veteran', 'q_ltur');
    const res = await client.post(surveyPath(token, 'submit'), { answers, signature });
    expect(res.statusCode).toBe(400);
    // Under 40 without a birth date: the date is required, and SNAP (ages 18–39) is asked.
    expect(res.json().details.map((d: { path: string }) => d.path)).toEqual([
      '/body/answers/dob',
      '/body/answers/q_ltur',
      '/body/answers/q_snap',
      '/body/answers/q_veteran',
    ]);
    expect(
      await t.db
        .collection('survey_submissions')
        .countDocuments({ _id: new Types.ObjectId(applicantId) }),
    ).toBe(0);
    expect((await rawApplicant(applicantId))?.survey.status).toBe('sent');
    expect((await client.get(surveyPath(token))).statusCode).toBe(200);
  });

  test('the typed name must match the name given, and the consent box must be ticked', async () => {
    const { token } = await createApplicantWithSurveyLink(t.app, org.organizationId);
    const wrongName = await client.post(surveyPath(token, 'submit'), {
      answers: allNoAnswers(),
      signature: { fullName: 'Grace Hopper', agreed: true },
    });
    expect(wrongName.statusCode).toBe(400);
    expect(wrongName.json().details).toEqual([
      {
        path: '/body/signature/fullName',
        message: 'Type the first and last name given in step 1.',
        rule: 'signature_mismatch',
      },
    ]);
    const noConsent = await client.post(surveyPath(token, 'submit'), {
      answers: allNoAnswers(),
      signature: { fullName: 'Ada Lovelace', agreed: false },
    });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().details.map((d: { path: string }) => d.path)).toContain(
      '/body/signature/agreed',
    );
  });
});

describe('submitting', () => {
  test('stores the encrypted answers and the signature, evaluates, and says only "thank you"', async () => {
    const { applicantId, token } = await createApplicantWithSurveyLink(t.app, org.organizationId);
    const answers = allNoAnswers({ q_ssi: 'yes', q_ssi_last_month: today().slice(0, 7) });
    const res = await client.request(
      'POST',
      surveyPath(token, 'submit'),
      { answers, signature },
      {
        'user-agent': 'SurveyTest/1.0',
      },
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ outcome: 'submitted', at: expect.any(String) });

    const stored = await rawApplicant(applicantId);
    expect(stored?.survey.status).toBe('submitted');
    expect(stored?.survey.submittedAt).toBeInstanceOf(Date);
    expect(stored?.draft).toBeNull();
    expect(stored?.ssnLast4).toMatch(/^v1:/);
    expect(stored?.eligibility).toMatchObject({
      status: 'pre_qualified',
      rulesVersion: RULES_VERSION,
      asOf: today(),
      maxPotentialCredit: 2400,
    });
    expect(stored?.eligibility.detail).toMatch(/^v1:/);

    const applicant = await applicantModel(t.app.mongo)
      .findOne({ _id: applicantId })
      .setOptions({ skipTenant: true });
    const result = await readEligibility(t.app, applicant!);
    const expected = evaluateEligibility({ answers, asOf: today(), signed: true });
    expect(result).toMatchObject({ ...expected, evaluatedAt: expect.any(Date) });
    expect(result?.matches.map((m) => m.code)).toEqual(['H']);
    expect(
      await t.app.crypto.decrypt(
        applicant!.organizationId,
        { collection: 'applicants', field: 'ssnLast4', documentId: applicant!._id },
        stored!.ssnLast4,
      ),
    ).toBe('6789');

    const submissions = await t.db.collection('survey_submissions').find({}).toArray();
    const mine = submissions.filter((s) => s._id.toHexString() === applicantId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      outcome: 'submitted',
      rulesVersion: RULES_VERSION,
      language: 'en',
      signature: {
        fullName: 'Ada Lovelace',
        agreed: true,
        signedOn: today(),
        ip: '127.0.0.1',
        userAgent: 'SurveyTest/1.0',
      },
    });
    const signed = await t.app.crypto.decryptJson(
      applicant!.organizationId,
      { collection: 'survey_submissions', field: 'answers', documentId: applicant!._id },
      mine[0]!.answers,
    );
    expect(signed).toEqual(answers);
  });

  test('a saved SSN is used when the submission leaves it out', async () => {
    const { applicantId, token } = await createApplicantWithSurveyLink(t.app, org.organizationId);
    await client.put(surveyPath(token, 'answers'), { step: 3, answers: { ssn: '234-56-7890' } });
    const answers = without(allNoAnswers(), 'ssn');
    const res = await client.post(surveyPath(token, 'submit'), { answers, signature });
    expect(res.statusCode).toBe(201);
    const row = await t.db
      .collection('survey_submissions')
      .findOne({ _id: new Types.ObjectId(applicantId) });
    const signed = await t.app.crypto.decryptJson<Record<string, unknown>>(
      org.organizationId,
      { collection: 'survey_submissions', field: 'answers', documentId: applicantId },
      row!.answers,
    );
    expect(signed.ssn).toBe('234-56-7890');
  });

  test('a submitted link works no more: every survey route answers the same 404', async () => {
    const { token } = await createApplicantWithSurveyLink(t.app, org.organizationId);
    expect(
      (await client.post(surveyPath(token, 'submit'), { answers: allNoAnswers(), signature }))
        .statusCode,
    ).toBe(201);
    const again = await client.post(surveyPath(token, 'submit'), {
      answers: allNoAnswers(),
      signature,
    });
    expect(again.statusCode).toBe(404);
    expect(again.json()).toEqual(INVALID_LINK);
    expect((await client.get(surveyPath(token))).json()).toEqual(INVALID_LINK);
    expect((await client.post(surveyPath(token, 'decline'))).json()).toEqual(INVALID_LINK);
  });
});

describe('declining', () => {
  test('records the decline as opted out, forgets the draft, and closes the link', async () => {
    const { applicantId, token } = await createApplicantWithSurveyLink(t.app, org.organizationId);
    await client.put(surveyPath(token, 'answers'), { step: 2, answers: { ssn: '123-45-6789' } });
    const res = await client.post(surveyPath(token, 'decline'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ outcome: 'declined', at: expect.any(String) });

    const stored = await rawApplicant(applicantId);
    expect(stored?.survey.status).toBe('declined');
    expect(stored?.survey.declinedAt).toBeInstanceOf(Date);
    expect(stored?.draft).toBeNull();
    expect(stored?.eligibility).toMatchObject({ status: 'opted_out', rulesVersion: RULES_VERSION });
    const row = await t.db
      .collection('survey_submissions')
      .findOne({ _id: new Types.ObjectId(applicantId) });
    expect(row).toMatchObject({ outcome: 'declined', answers: null, signature: null });

    expect((await client.get(surveyPath(token))).json()).toEqual(INVALID_LINK);
    const submit = await client.post(surveyPath(token, 'submit'), {
      answers: allNoAnswers(),
      signature,
    });
    expect(submit.json()).toEqual(INVALID_LINK);
  });
});

describe('links that do not work all get the same answer', () => {
  const kinds = [
    'unknown',
    'malformed',
    'too long',
    'bad encoding',
    'expired',
    'revoked',
    'submitted',
    'declined',
  ];

  async function tokenOf(kind: string): Promise<string> {
    if (kind === 'unknown') return randomBytes(32).toString('base64url');
    if (kind === 'malformed') return 'not-a-token';
    if (kind === 'too long') return 'a'.repeat(300);
    if (kind === 'bad encoding') return '%E0%A4%A';
    const { applicantId, token } = await createApplicantWithSurveyLink(t.app, org.organizationId);
    if (kind === 'expired') {
      await t.db
        .collection('applicants')
        .updateOne(
          { _id: new Types.ObjectId(applicantId) },
          { $set: { 'survey.expiresAt': new Date(Date.now() - 1000) } },
        );
    } else if (kind === 'revoked') {
      await issueSurveyLink(
        t.app,
        new Types.ObjectId(org.organizationId),
        new Types.ObjectId(applicantId),
      );
    } else if (kind === 'submitted') {
      await client.post(surveyPath(token, 'submit'), { answers: allNoAnswers(), signature });
    } else if (kind === 'declined') {
      await client.post(surveyPath(token, 'decline'));
    }
    return token;
  }

  test.each(kinds)('%s link: GET, PUT, submit and decline all answer the one 404', async (kind) => {
    const token = await tokenOf(kind);
    const responses = [
      await client.get(surveyPath(token)),
      await client.put(surveyPath(token, 'answers'), { step: 1, answers: {} }),
      // A bad body does not reveal whether the token was well-formed.
      await client.put(surveyPath(token, 'answers'), { step: 9, answers: { zip: 'x' } }),
      await client.post(surveyPath(token, 'submit'), { answers: allNoAnswers(), signature }),
      await client.post(surveyPath(token, 'decline')),
    ];
    for (const res of responses) {
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/json');
      expect(res.body).toBe(JSON.stringify(INVALID_LINK));
    }
  });

  test('the survey page itself is served for any token (the SPA shows the friendly message)', async () => {
    const res = await client.get(`/api/survey/${randomBytes(32).toString('base64url')}`);
    expect(res.json()).toEqual(INVALID_LINK);
  });
});
