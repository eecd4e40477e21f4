import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { applicantPlace } from '@eligo/server/modules/applicants/index';
import { createTestApp, type TestApp } from '../support/app.ts';
import { apiClient, type ApiClient } from '../support/http.ts';
import {
  createApplicantWithSurveyLink,
  createOrganization,
  type TestOrganization,
} from '../support/factories.ts';
import { bornYearsAgo } from '../support/dates.ts';
import { allNoAnswers, signature, surveyPath } from '../support/survey.ts';

let t: TestApp;
let org: TestOrganization;
let client: ApiClient;

beforeAll(async () => {
  t = await createTestApp(import.meta.filename, {
    env: { SURVEY_RATE_LIMIT_PER_MINUTE: '10000', SURVEY_SUBMIT_RATE_LIMIT_PER_MINUTE: '10000' },
  });
  org = await createOrganization(t.app, { name: 'Acme Widgets' });
  client = apiClient(t.app);
});
afterAll(() => t?.close());

describe('GET /api/counties?state=XX', () => {
  test("a state's counties, by name, with their FIPS codes; cacheable; no session", async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/counties?state=IL' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=86400');
    const body = res.json();
    expect(body.state).toBe('IL');
    expect(body.counties).toHaveLength(102);
    expect(body.counties[0]).toEqual({ fips: '17001', name: 'Adams County' });
    expect(body.counties).toContainEqual({ fips: '17167', name: 'Sangamon County' });
  });

  test.each([
    ['VA', { fips: '51720', name: 'Norton city' }],
    ['AK', { fips: '02275', name: 'Wrangell City and Borough' }],
    ['LA', { fips: '22071', name: 'Orleans Parish' }],
  ])('%s lists its county equivalents too', async (state, county) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/counties?state=${state}` });
    expect(res.json().counties).toContainEqual(county);
  });

  test('territories and military addresses have no list (the survey offers "not listed")', async () => {
    for (const state of ['PR', 'AE']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/counties?state=${state}` });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ state, counties: [] });
    }
  });

  test.each(['/api/counties', '/api/counties?state=XX', '/api/counties?state=il'])(
    '%s is a 400 in the shared error shape',
    async (url) => {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    },
  );
});

describe('the survey stores the county as a FIPS code of the chosen state', () => {
  test.each([
    ['a county of another state', { state: 'IL', county: '01013' }],
    ['a code that is no county', { state: 'IL', county: '17999' }],
    ['free text', { state: 'IL', county: 'Sangamon' }],
  ])('saving or submitting %s is refused, naming the field', async (_what, place) => {
    const { token } = await createApplicantWithSurveyLink(t.app, org.organizationId);
    const save = await client.put(surveyPath(token, 'answers'), { step: 1, answers: place });
    expect(save.statusCode).toBe(400);
    expect(save.json().details.map((d: { path: string }) => d.path)).toContain(
      '/body/answers/county',
    );
    const submit = await client.post(surveyPath(token, 'submit'), {
      answers: allNoAnswers(place as never),
      signature,
    });
    expect(submit.statusCode).toBe(400);
  });

  test('a 25-year-old in a Rural Renewal County is pre-qualified (group D)', async () => {
    const { applicantId, token } = await createApplicantWithSurveyLink(t.app, org.organizationId, {
      state: 'AL',
    });
    const answers = allNoAnswers({
      state: 'AL',
      county: '01013',
      age_band: 'under_40',
      dob: bornYearsAgo(25),
      q_snap: 'no',
    });
    const res = await client.post(surveyPath(token, 'submit'), { answers, signature });
    expect(res.statusCode).toBe(201);
    const stored = await t.db
      .collection('applicants')
      .findOne({ _id: new Types.ObjectId(applicantId) });
    expect(stored?.eligibility.status).toBe('pre_qualified');
  });

  test('a draft saved with a free-text county opens as "not listed / not sure"', async () => {
    const { applicantId, token } = await createApplicantWithSurveyLink(t.app, org.organizationId);
    const id = new Types.ObjectId(applicantId);
    const ciphertext = await t.app.crypto.encryptJson(
      new Types.ObjectId(org.organizationId),
      applicantPlace.draft(id),
      { answers: { first_name: 'Ada', state: 'IL', county: 'Sangamon' } },
    );
    await t.db
      .collection('applicants')
      .updateOne({ _id: id }, { $set: { draft: { ciphertext, step: 2, updatedAt: new Date() } } });
    const res = await client.get(surveyPath(token));
    expect(res.statusCode).toBe(200);
    expect(res.json().draft.answers).toEqual({
      first_name: 'Ada',
      state: 'IL',
      county: 'not_listed',
    });
    // …and the applicant can carry on from it.
    const save = await client.put(surveyPath(token, 'answers'), {
      step: 2,
      answers: res.json().draft.answers,
    });
    expect(save.statusCode).toBe(204);
  });
});
