import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { apiClient } from '../support/http.ts';
import { createApplicantWithSurveyLink, createOrganization } from '../support/factories.ts';
import { canary, canaryAnswers, signature, surveyPath } from '../support/survey.ts';

let t: TestApp;
const tokens: string[] = [];
const responses: string[] = [];

const secrets = (): string[] => [...Object.values(canary), ...tokens];

/**
 * Three applicants go through the survey with canary values (SSN, birth date, conviction date,
 * free-text answers): one submits, one leaves a saved draft, one saves and then declines.
 */
beforeAll(async () => {
  t = await createTestApp(import.meta.filename, {
    env: { SURVEY_RATE_LIMIT_PER_MINUTE: '10000', SURVEY_SUBMIT_RATE_LIMIT_PER_MINUTE: '10000' },
  });
  const { organizationId } = await createOrganization(t.app);
  const client = apiClient(t.app);
  const answers = canaryAnswers();
  const step1 = Object.fromEntries(
    Object.entries(answers).filter(([id]) => !id.startsWith('q_') && !id.startsWith('felony')),
  );
  const record = (res: { statusCode: number; body: string }, expected: number) => {
    expect(res.statusCode).toBe(expected);
    responses.push(res.body);
  };

  for (const outcome of ['submit', 'draft', 'decline'] as const) {
    const { token } = await createApplicantWithSurveyLink(t.app, organizationId);
    tokens.push(token);
    record(await client.get(surveyPath(token)), 200);
    record(await client.put(surveyPath(token, 'answers'), { step: 2, answers: step1 }), 204);
    record(
      await client.put(surveyPath(token, 'answers'), { step: 3, answers, language: 'es' }),
      204,
    );
    record(await client.get(surveyPath(token)), 200);
    // A rejected save: the error must not echo the values either.
    record(
      await client.put(surveyPath(token, 'answers'), {
        step: 3,
        answers: { ...answers, zip: canary.ssnDigits, dob: '2999-01-01' },
      }),
      400,
    );
    if (outcome === 'submit') {
      record(await client.post(surveyPath(token, 'submit'), { answers, signature }), 201);
      record(await client.post(surveyPath(token, 'submit'), { answers, signature }), 404);
    } else if (outcome === 'decline') {
      record(await client.post(surveyPath(token, 'decline')), 200);
    }
  }
});
afterAll(() => t?.close());

describe('nothing sensitive in plain text', () => {
  test('a raw scan of every collection finds no canary SSN, birth date, answer text or link token', async () => {
    const collections = (await t.db.db!.listCollections().toArray()).map((c) => c.name);
    expect(collections).toEqual(
      expect.arrayContaining(['applicants', 'survey_submissions', 'data_keys']),
    );
    let documents = 0;
    for (const name of collections) {
      const docs = await t.db.collection(name).find({}).toArray();
      documents += docs.length;
      const text = JSON.stringify(docs);
      for (const secret of secrets()) {
        expect(text, `${secret} in ${name}`).not.toContain(secret);
      }
    }
    // The scan is not vacuous: the encrypted submission and draft are there.
    const submitted = await t.db.collection('survey_submissions').findOne({ outcome: 'submitted' });
    expect(submitted?.answers).toMatch(/^v1:1:/);
    const inProgress = await t.db
      .collection('applicants')
      .findOne({ 'survey.status': 'in_progress' });
    expect(inProgress?.draft.ciphertext).toMatch(/^v1:1:/);
    expect(documents).toBeGreaterThan(5);
  });

  test('the captured logs hold none of them, yet record every survey request', async () => {
    const text = JSON.stringify(t.logs);
    for (const secret of secrets()) expect(text, secret).not.toContain(secret);
    const urls = t.logs.map((line) => (line.req as { url?: string } | undefined)?.url);
    expect(urls).toContain('/api/survey/[token]/submit');
    expect(urls).toContain('/api/survey/[token]/answers');
  });

  test('API responses never echo the SSN, not even when the draft is read back', () => {
    const text = responses.join('\n');
    expect(text).not.toContain(canary.ssn);
    expect(text).not.toContain(canary.ssnDigits);
  });
});
