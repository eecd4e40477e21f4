import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { apiClient } from '../support/http.ts';
import { createApplicantWithSurveyLink, createOrganization } from '../support/factories.ts';
import { surveyPath } from '../support/survey.ts';
import { withinOneWindow } from '../support/wait.ts';

/** The survey's limits are counted in the database, shared by every instance (README "Shared state"). */
const env = { SURVEY_RATE_LIMIT_PER_MINUTE: '3', SURVEY_SUBMIT_RATE_LIMIT_PER_MINUTE: '2' };
let t: TestApp;
/** A second API instance on the same database. */
let other: TestApp;
let organizationId: string;

beforeAll(async () => {
  t = await createTestApp(import.meta.filename, { env });
  other = await createTestApp(import.meta.filename, { env, databaseOf: t });
  ({ organizationId } = await createOrganization(t.app));
});
afterAll(async () => {
  await other?.close();
  await t?.close();
});
// Each test counts within one minute window of the limiter.
beforeEach(() => withinOneWindow(60_000, 15_000));

function expectRateLimited(res: {
  statusCode: number;
  headers: Record<string, unknown>;
  json(): unknown;
}) {
  expect(res.statusCode).toBe(429);
  expect(res.json()).toEqual({
    statusCode: 429,
    code: 'RATE_LIMITED',
    message: expect.stringMatching(/too many requests/i),
  });
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
}

describe('per-IP rate limits on the survey', () => {
  test('the 4th request to a survey route in a minute from one IP gets 429; another IP does not', async () => {
    const { token } = await createApplicantWithSurveyLink(t.app, organizationId);
    const a = apiClient(t.app, { ip: '203.0.113.1' });
    for (let i = 0; i < 3; i++) {
      expect((await a.get(surveyPath(token))).statusCode).toBe(200);
      const save = await a.put(surveyPath(token, 'answers'), { step: 1, answers: {} });
      expect(save.statusCode).toBe(204);
    }
    expectRateLimited(await a.get(surveyPath(token)));
    expectRateLimited(await a.put(surveyPath(token, 'answers'), { step: 1, answers: {} }));

    const b = apiClient(t.app, { ip: '203.0.113.2' });
    expect((await b.get(surveyPath(token))).statusCode).toBe(200);
  });

  test('guessing tokens is limited too', async () => {
    const guesser = apiClient(t.app, { ip: '203.0.113.3' });
    for (let i = 0; i < 3; i++) {
      const res = await guesser.get(surveyPath(randomBytes(32).toString('base64url')));
      expect(res.statusCode).toBe(404);
    }
    expectRateLimited(await guesser.get(surveyPath(randomBytes(32).toString('base64url'))));
    expectRateLimited(await guesser.get(surveyPath('malformed')));
  });

  test('submitting and declining have their own, tighter limit; a limited link still works later', async () => {
    const links = await Promise.all(
      [1, 2, 3].map(() => createApplicantWithSurveyLink(t.app, organizationId)),
    );
    const c = apiClient(t.app, { ip: '203.0.113.4' });
    expect((await c.post(surveyPath(links[0]!.token, 'decline'))).statusCode).toBe(200);
    expect((await c.post(surveyPath(links[1]!.token, 'decline'))).statusCode).toBe(200);
    expectRateLimited(await c.post(surveyPath(links[2]!.token, 'decline')));

    const d = apiClient(t.app, { ip: '203.0.113.5' });
    expect((await d.post(surveyPath(links[2]!.token, 'decline'))).statusCode).toBe(200);
  });
});

describe('two API instances on one database', () => {
  test('share the per-IP count: requests alternating between them get 3 answers, then 429 on both', async () => {
    const { token } = await createApplicantWithSurveyLink(t.app, organizationId);
    const onA = apiClient(t.app, { ip: '203.0.113.10' });
    const onB = apiClient(other.app, { ip: '203.0.113.10' });
    expect((await onA.get(surveyPath(token))).statusCode).toBe(200);
    expect((await onB.get(surveyPath(token))).statusCode).toBe(200);
    expect((await onA.get(surveyPath(token))).statusCode).toBe(200);
    expectRateLimited(await onB.get(surveyPath(token)));
    expectRateLimited(await onA.get(surveyPath(token)));
  });

  test('exactly: 20 parallel submits from one IP across both instances, 2 get through', async () => {
    const links = await Promise.all(
      Array.from({ length: 20 }, () => createApplicantWithSurveyLink(t.app, organizationId)),
    );
    const responses = await Promise.all(
      links.map(({ token }, i) =>
        apiClient(i % 2 ? other.app : t.app, { ip: '203.0.113.11' }).post(
          surveyPath(token, 'decline'),
        ),
      ),
    );
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(2);
    expect(statuses.filter((s) => s === 429)).toHaveLength(18);
  });
});
