import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { apiClient, type ApiClient } from '../support/http.ts';
import { createApplicantWithSurveyLink, type TestOrganization } from '../support/factories.ts';
import { orgTestApp, type OrgTestApp } from '../support/org-app.ts';
import { allNoAnswers, signature, surveyPath } from '../support/survey.ts';

let t: OrgTestApp;
let org: TestOrganization;
let admin: ApiClient;
beforeAll(async () => {
  t = await orgTestApp(import.meta.filename, {
    env: { LOGIN_MAX_ATTEMPTS_PER_IP: '4' },
    adminIp: '10.20.0.1',
  });
  ({ org, admin } = t);
});
afterAll(() => t?.close());

describe('closed sign-up tells nothing about who has an account', () => {
  test('an existing email and a new one get the same answer', async () => {
    const body = { organizationName: 'Copycat', name: 'Someone', password: 'a long passphrase' };
    const existing = await apiClient(t.app, { ip: '10.21.0.1' }).post('/api/auth/signup', {
      ...body,
      email: org.admin.email,
    });
    const fresh = await apiClient(t.app, { ip: '10.21.0.2' }).post('/api/auth/signup', {
      ...body,
      email: 'never-seen@example.com',
    });
    expect(existing.statusCode).toBe(403);
    expect(existing.body).toBe(fresh.body);
    expect(existing.json().code).toBe('SIGNUP_CLOSED');
  });

  test('sign-up attempts from one address are limited', async () => {
    const client = apiClient(t.app, { ip: '10.21.9.9' });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await client.post('/api/auth/signup', {
        organizationName: 'Probe',
        name: 'Probe',
        email: `probe${i}@example.com`,
        password: 'a long passphrase',
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([403, 403, 403, 403, 429]);
  });
});

describe('blank text is a 400 with the field, never a 500', () => {
  const blank = '  \t ';
  test.each([
    ['sign-up name', '/api/auth/signup', 'POST', '/body/name'],
    ['sign-up organization', '/api/auth/signup', 'POST', '/body/organizationName'],
    ['profile name', '/api/account/profile', 'PATCH', '/body/name'],
    ['invitee name', '/api/users', 'POST', '/body/name'],
  ])('%s', async (_what, url, method, path) => {
    const field = path.split('/').pop()!;
    const bodies: Record<string, Record<string, unknown>> = {
      '/api/auth/signup': {
        organizationName: 'Org',
        name: 'Name',
        email: 'blank@example.com',
        password: 'a long passphrase',
      },
      '/api/account/profile': { name: 'Name' },
      '/api/users': { email: 'blank-invite@example.com', name: 'Name', role: 'member' },
    };
    const res = await admin.request(method as 'POST', url, { ...bodies[url], [field]: blank });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().details).toContainEqual({
      path,
      message: 'Fill in this field.',
      rule: 'blank',
    });
  });
});

describe('request bodies are JSON with the declared types (no coercion)', () => {
  test.each([
    ['"true" for the perjury consent', { ...signature, agreed: 'true' }],
    ['1 for the perjury consent', { ...signature, agreed: 1 }],
  ])('%s is refused and nothing is submitted', async (_what, badSignature) => {
    const { token, applicantId } = await createApplicantWithSurveyLink(t.app, org.organizationId);
    const res = await apiClient(t.app).post(surveyPath(token, 'submit'), {
      answers: allNoAnswers(),
      signature: badSignature,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: { path: string }) => d.path)).toContain(
      '/body/signature/agreed',
    );
    expect(
      await t.db
        .collection('survey_submissions')
        .countDocuments({ _id: new Types.ObjectId(applicantId) }),
    ).toBe(0);
  });

  test('"1" for the step number is refused', async () => {
    const { token } = await createApplicantWithSurveyLink(t.app, org.organizationId);
    const res = await apiClient(t.app).put(surveyPath(token, 'answers'), {
      step: '1',
      answers: {},
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: { path: string }) => d.path)).toContain('/body/step');
  });
});

describe('every answer, even from Node’s HTTP parser, is in the shared error shape', () => {
  let port: number;
  beforeAll(async () => {
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    port = (t.app.server.address() as AddressInfo).port;
  });

  /** Writes raw bytes to the server and returns the status line's code and the body. */
  async function raw(request: string): Promise<{ status: number; body: unknown; head: string }> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: '127.0.0.1', port }, () => socket.write(request));
      let data = '';
      socket.on('data', (chunk: Buffer) => (data += chunk.toString()));
      socket.on('error', reject);
      socket.on('close', () => {
        const [head, body] = data.split('\r\n\r\n');
        resolve({
          status: Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1]),
          head: head ?? '',
          body: JSON.parse(body ?? 'null') as unknown,
        });
      });
    });
  }

  test('oversized headers → 431', async () => {
    const res = await raw(
      `GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(res.status).toBe(431);
    expect(res.body).toEqual({
      statusCode: 431,
      code: 'HEADERS_TOO_LARGE',
      message: expect.any(String),
    });
  });

  test.each([
    ['a bad method', 'GE\u0001T /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n'],
    ['a malformed request line', 'GET /api/health HTTP/9.9.9\r\nHost: localhost\r\n\r\n'],
    ['a malformed header', 'GET /api/health HTTP/1.1\r\nHost: localhost\r\nBad Header\r\n\r\n'],
  ])('%s → 400', async (_what, request) => {
    const res = await raw(request);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ statusCode: 400, code: 'BAD_REQUEST', message: expect.any(String) });
    expect(res.head.toLowerCase()).toContain('content-type: application/json');
  });
});

describe('security headers', () => {
  test('Permissions-Policy turns off the powerful features the app never uses', async () => {
    const res = await apiClient(t.app).get('/api/health');
    expect(res.headers['permissions-policy']).toMatch(/camera=\(\)/);
    expect(res.headers['permissions-policy']).toMatch(/geolocation=\(\)/);
  });

  test('HSTS only over HTTPS', async () => {
    const plain = await apiClient(t.app).get('/api/health');
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const behindTls = await createTestApp(import.meta.filename, {
      env: { PUBLIC_URL: 'https://eligo.example.com', TRUST_PROXY: 'true' },
    });
    try {
      const res = await apiClient(behindTls.app).request('GET', '/api/health', undefined, {
        'x-forwarded-proto': 'https',
      });
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    } finally {
      await behindTls.close();
    }
  });
});
