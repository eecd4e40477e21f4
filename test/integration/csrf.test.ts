import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CSRF_HEADER } from '@eligo/shared/http';
import { apiClient, type ApiClient } from '../support/http.ts';
import { exampleOf, operationsOf } from '../support/openapi.ts';
import { orgTestApp, type OrgTestApp } from '../support/org-app.ts';

let t: OrgTestApp;
let admin: ApiClient;
beforeAll(async () => {
  t = await orgTestApp(import.meta.filename, {
    env: { PUBLIC_URL: 'https://eligo.example.com' },
  });
  // Behind HTTPS the cookie is __Host- prefixed; the test client keeps whatever the server sets.
  admin = t.admin;
  expect([...admin.cookies.keys()].sort()).toEqual(['__Host-eligo_device', '__Host-eligo_session']);
});
afterAll(() => t?.close());

describe('CSRF defence', () => {
  const forged: Array<[string, Record<string, string>]> = [
    ['no custom header', { [CSRF_HEADER]: '' }],
    ['a foreign Origin', { origin: 'https://evil.example' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site (a sibling subdomain)', { 'sec-fetch-site': 'same-site' }],
  ];

  test.each(forged)(
    'a state-changing request with %s is refused and changes nothing',
    async (_why, headers) => {
      const res = await admin.request(
        'PATCH',
        '/api/account/profile',
        { name: 'Forged Name' },
        headers,
      );
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ statusCode: 403, code: 'CSRF_REJECTED' });
      expect((await admin.get('/api/auth/me')).json().user.name).not.toBe('Forged Name');
    },
  );

  test('the same request from the app itself goes through', async () => {
    const res = await admin.request(
      'PATCH',
      '/api/account/profile',
      { name: 'Real Name' },
      {
        origin: 'https://eligo.example.com',
        'sec-fetch-site': 'same-origin',
      },
    );
    expect(res.statusCode).toBe(200);
  });

  test('login is protected too (no login CSRF)', async () => {
    const res = await apiClient(t.app).request(
      'POST',
      '/api/auth/login',
      { email: 'a@example.com', password: 'whatever' },
      { origin: 'https://evil.example' },
    );
    expect(res.statusCode).toBe(403);
  });

  test('reads are not affected', async () => {
    const res = await admin.request('GET', '/api/auth/me', undefined, {
      [CSRF_HEADER]: '',
      'sec-fetch-site': 'cross-site',
    });
    expect(res.statusCode).toBe(200);
  });

  /** Called by other servers, never by a browser: their signature is the proof, not the origin. */
  const serverToServer = new Set([
    'POST /api/webhooks/lever/{integrationId}',
    'POST /api/webhooks/lever/{integrationId}/{hookKey}',
  ]);

  test('server-to-server routes are public, and judged by their signature rather than by origin', async () => {
    const doc = (await admin.get('/api/docs/json')).json();
    const listed = operationsOf(doc).filter((op) => serverToServer.has(`${op.method} ${op.path}`));
    expect(listed.map((op) => op.isPublic)).toEqual([true, true]);
    const res = await admin.request(
      'POST',
      '/api/webhooks/lever/unknown-integration',
      { token: 't', triggeredAt: 1, signature: 's', event: 'applicationCreated', data: {} },
      { 'x-requested-with': '', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    );
    expect(res.statusCode).toBe(404);
  });

  test('every state-changing route in the OpenAPI document refuses a forged request', async () => {
    const doc = (await admin.get('/api/docs/json')).json();
    const unsafe = operationsOf(doc).filter(
      (op) => op.method !== 'GET' && !serverToServer.has(`${op.method} ${op.path}`),
    );
    expect(unsafe.length).toBeGreaterThanOrEqual(8);
    expect(unsafe.map((op) => `${op.method} ${op.path}`)).toEqual(
      expect.arrayContaining([
        'PUT /api/applicants/{applicantId}/hire',
        'POST /api/hires/import',
        'PATCH /api/account/preferences',
        'PATCH /api/organization/settings',
        // Issue 20: signing, status, packets, determinations.
        'POST /api/filing/sign',
        'POST /api/filing/packets',
        'POST /api/applicants/{applicantId}/filing',
        'POST /api/filing/determinations/import',
        'POST /api/payroll/import',
        'PUT /api/credits/hires/{applicantId}/termination',
      ]),
    );
    for (const op of unsafe) {
      const url = op.path.replace(/\{[^}]+\}/g, '0123456789abcdef01234567');
      const res = await admin.request(
        op.method as 'POST',
        url,
        exampleOf(op.requestBody, '0123456789abcdef01234567') ?? {},
        {
          [CSRF_HEADER]: '',
          origin: 'https://evil.example',
        },
      );
      expect({
        route: `${op.method} ${op.path}`,
        status: res.statusCode,
        code: res.json().code,
      }).toEqual({
        route: `${op.method} ${op.path}`,
        status: 403,
        code: 'CSRF_REJECTED',
      });
    }
  });
});
