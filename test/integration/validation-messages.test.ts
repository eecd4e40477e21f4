import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SCHEMA_WORDING, VALIDATION_RULES } from '@eligo/shared/validation-text';
import { createTestApp, type TestApp } from '../support/app.ts';
import { apiClient, type ApiClient } from '../support/http.ts';
import {
  createApplicantWithSurveyLink,
  createOrganization,
  signedIn,
  type TestOrganization,
} from '../support/factories.ts';
import { operationsOf, type JsonSchema, type OpenApiOperation } from '../support/openapi.ts';

/**
 * Every JSON body of the API (read from the OpenAPI document, so routes added later are covered)
 * sent with bad values: each refusal names its fields in sentences for people, with the rule
 * broken, and never in the schema engine's words ("must match pattern …").
 */
let t: TestApp;
let org: TestOrganization;
let admin: ApiClient;
let surveyToken: string;

beforeAll(async () => {
  t = await createTestApp(import.meta.filename, { env: { LOGIN_MAX_ATTEMPTS_PER_IP: '10000' } });
  org = await createOrganization(t.app);
  admin = await signedIn(t.app, org.admin);
  surveyToken = (await createApplicantWithSurveyLink(t.app, org.organizationId)).token;
});
afterAll(() => t.close());

/** A value each property's schema refuses: blank text, a word for a number, a number for text. */
function badValue(schema: JsonSchema): unknown {
  const variants = schema.anyOf ?? schema.oneOf;
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (variants || schema.enum || schema.const !== undefined) return 'not-one-of-them';
  if (type === 'string') return '   ';
  if (type === 'object') return 'an object was expected';
  return 'x';
}

const badBodies = (schema: JsonSchema | undefined) => [
  {},
  Object.fromEntries(Object.entries(schema?.properties ?? {}).map(([k, v]) => [k, badValue(v)])),
  { ...Object.fromEntries(Object.keys(schema?.properties ?? {}).map((k) => [k, 12])), extra: 1 },
];

function urlOf(op: OpenApiOperation): string {
  return op.path.replace('{token}', surveyToken).replace(/\{[^}]+\}/g, '0123456789abcdef01234567');
}

describe('every refusal of a request body speaks to people', () => {
  test('no detail and no message in schema wording; each detail has its rule', async () => {
    const doc = (await apiClient(t.app).get('/api/docs/json')).json();
    const operations = operationsOf(doc).filter((op) => op.requestBody);
    expect(operations.length).toBeGreaterThan(15);
    let refusals = 0;
    for (const op of operations) {
      for (const body of badBodies(op.requestBody)) {
        const client = op.isPublic ? apiClient(t.app) : admin;
        const res = await client.request(op.method as 'POST', urlOf(op), body);
        const where = `${op.method} ${op.path} ${JSON.stringify(body)}`;
        if (res.statusCode !== 400) continue;
        refusals++;
        const answer = res.json() as {
          message: string;
          details?: Array<{ path: string; message: string; rule?: string }>;
        };
        expect({ where, message: answer.message }).not.toMatchObject({
          message: expect.stringMatching(SCHEMA_WORDING),
        });
        for (const detail of answer.details ?? []) {
          expect({ where, ...detail }).toEqual({
            where,
            path: expect.any(String),
            message: expect.not.stringMatching(SCHEMA_WORDING),
            rule: expect.any(String),
            ...('limit' in detail ? { limit: expect.any(Number) } : {}),
          });
          expect(detail.message, where).toMatch(/[.!?]$/);
          if (!op.path.startsWith('/api/survey/')) {
            expect(VALIDATION_RULES, where).toContain(detail.rule);
          }
        }
      }
    }
    expect(refusals).toBeGreaterThan(30);
  });

  test.each([
    [
      'sign-up',
      '/api/auth/signup',
      { organizationName: 'Acme', name: 'Ada', email: 'ada', password: 'short' },
      {
        '/body/email': 'Enter an email address like name@example.com.',
        '/body/password': 'Use at least 8 characters.',
      },
    ],
    [
      'sign-in',
      '/api/auth/login',
      { email: '', password: '' },
      {
        '/body/email': 'Enter an email address like name@example.com.',
        '/body/password': 'Fill in this field.',
      },
    ],
  ])('%s: one sentence per field', async (_form, url, body, expected) => {
    const res = await apiClient(t.app).post(url, body);
    expect(res.statusCode).toBe(400);
    const details = res.json().details as Array<{ path: string; message: string }>;
    expect(Object.fromEntries(details.map((d) => [d.path, d.message]))).toEqual(expected);
  });
});
