import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { outboxSent } from '../support/wait.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@eligo/shared/http';
import { createTestApp, type TestApp } from '../support/app.ts';
import { apiClient } from '../support/http.ts';
import { createOrganization, signedIn } from '../support/factories.ts';

/** A raw HTTP request with exactly the headers given (a browser on a rebound name sends these). */
async function send(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> | undefined; text: string }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: {
          ...headers,
          ...(payload ? { 'content-type': 'application/json' } : {}),
          ...(payload ? { 'content-length': String(Buffer.byteLength(payload)) } : {}),
        },
        setHost: false,
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => {
          let json: Record<string, unknown> | undefined;
          try {
            json = JSON.parse(text) as Record<string, unknown>;
          } catch {
            json = undefined;
          }
          resolve({ status: response.statusCode ?? 0, json, text });
        });
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

describe('DNS rebinding against a local install (dev mailbox on)', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    // What `pnpm start` runs: production mode, PUBLIC_URL on localhost, mail kept in the outbox.
    t = await createTestApp(import.meta.filename, {
      env: {
        NODE_ENV: 'production',
        PORT: '3000',
        PUBLIC_URL: 'http://localhost:3000',
        DEV_MAILBOX: 'true',
      },
    });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    port = (t.app.server.address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  test('a page on a rebound domain cannot read the mailbox nor use an invitation link', async () => {
    const org = await createOrganization(t.app);
    const admin = await signedIn(t.app, org.admin);
    expect(
      (await admin.post('/api/users', { email: 'victim@example.com', name: 'V', role: 'admin' }))
        .statusCode,
    ).toBe(201);
    // The real user on this machine sees the invitation in the dev mailbox (once the outbox sent it).
    await outboxSent(t.db);
    const mailbox = await apiClient(t.app).get('/api/dev/mailbox?to=victim@example.com');
    const token = /#token=([A-Za-z0-9_-]+)/.exec(mailbox.json().items[0].text as string)![1]!;

    // evil.example rebound to 127.0.0.1: the browser sends its own name as Host and Origin.
    const rebound = { host: `rebind.evil.example:3000`, origin: 'http://rebind.evil.example:3000' };
    const page = await send(port, 'GET', '/', rebound);
    const read = await send(port, 'GET', '/api/dev/mailbox', rebound);
    const takeOver = await send(
      port,
      'POST',
      '/api/auth/set-password',
      { ...rebound, [CSRF_HEADER]: CSRF_HEADER_VALUE },
      { token, password: 'attacker passphrase' },
    );
    for (const res of [page, read, takeOver]) {
      expect(res.status).toBe(421);
      expect(res.json).toEqual({
        statusCode: 421,
        code: 'HOST_NOT_ALLOWED',
        message: expect.any(String),
      });
      expect(res.text).not.toContain('token=');
    }
    const victim = await t.db
      .collection('users')
      .findOne({ emailNormalized: 'victim@example.com' });
    expect(victim).toMatchObject({ status: 'invited', passwordHash: null });
  });

  test('the install itself still answers on localhost, 127.0.0.1 and [::1] at its port', async () => {
    const answers: Record<string, number> = {};
    for (const host of ['localhost:3000', '127.0.0.1:3000', '[::1]:3000', '127.0.0.1:3999'])
      answers[host] = (await send(port, 'GET', '/api/auth/signup-status', { host })).status;
    expect(answers).toEqual({
      'localhost:3000': 200,
      '127.0.0.1:3000': 200,
      '[::1]:3000': 200,
      '127.0.0.1:3999': 421,
    });
  });
});

describe('Host and Origin checks behind a public URL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(import.meta.filename, {
      env: {
        PUBLIC_URL: 'https://eligo.example.com',
        ALLOWED_HOSTS: 'eligo-internal.example.net:8443',
        TRUST_PROXY: 'true',
      },
    });
  });
  afterAll(() => t.close());

  test.each([
    ['eligo.example.com', 200],
    ['ELIGO.example.com:443', 200],
    ['eligo-internal.example.net:8443', 200],
    ['localhost:3000', 421],
    ['127.0.0.1', 421],
    ['eligo.example.com.evil.example', 421],
    ['eligo.example.com:8080', 421],
  ])('Host %s → %i', async (host, status) => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/auth/signup-status',
      headers: { host },
    });
    expect(res.statusCode).toBe(status);
    if (status === 421) expect(res.json().code).toBe('HOST_NOT_ALLOWED');
  });

  test('behind a trusted proxy, the forwarded host is the one checked', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/auth/signup-status',
      headers: { host: 'eligo.example.com', 'x-forwarded-host': 'rebind.evil.example' },
    });
    expect(res.statusCode).toBe(421);
  });

  test('Origin must be PUBLIC_URL’s origin, even when it matches an allowed Host', async () => {
    const org = await createOrganization(t.app);
    const admin = await signedIn(t.app, org.admin);
    const viaInternal = await admin.request(
      'PATCH',
      '/api/account/profile',
      { name: 'Changed Through Another Host' },
      {
        host: 'eligo-internal.example.net:8443',
        'x-forwarded-proto': 'https',
        origin: 'https://eligo-internal.example.net:8443',
      },
    );
    expect(viaInternal.statusCode).toBe(403);
    expect(viaInternal.json().code).toBe('CSRF_REJECTED');
    const fromApp = await admin.request(
      'PATCH',
      '/api/account/profile',
      { name: 'Changed In The App' },
      { origin: 'https://eligo.example.com' },
    );
    expect(fromApp.statusCode).toBe(200);
  });
});
