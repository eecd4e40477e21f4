import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@eligo/shared/http';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createOrganization, type TestOrganization } from '../support/factories.ts';
import { httpsRequest, startTlsProxy, type TlsProxy } from '../support/tls-proxy.ts';

/**
 * Cookies under an https PUBLIC_URL (issue 26 item 5), proven the way production runs: a browser
 * speaks TLS to a load balancer, which forwards plain HTTP with `X-Forwarded-Proto: https`
 * (TRUST_PROXY=true). The session and trusted-device cookies are `Secure`, `__Host-` prefixed,
 * `Path=/` and without `Domain`; the old, unprefixed name is not honoured there (people sign in
 * once more: README "Accounts and security notes").
 */
let proxy: TlsProxy;
let t: TestApp;
let org: TestOrganization;

beforeAll(async () => {
  proxy = await startTlsProxy();
  t = await createTestApp(import.meta.filename, {
    env: { PUBLIC_URL: proxy.url, TRUST_PROXY: 'true' },
  });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  proxy.target = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  org = await createOrganization(t.app);
});
afterAll(async () => {
  await t?.close();
  await proxy?.close();
});

/** `name=value; Attr; Attr=x` → its parts, attribute names lower-cased. */
function parseSetCookie(header: string) {
  const [pair, ...attributes] = header.split(';').map((part) => part.trim());
  const [name, ...value] = pair!.split('=');
  const attrs = new Map(
    attributes.map((attribute) => {
      const [key, ...rest] = attribute.split('=');
      return [key!.toLowerCase(), rest.join('=')] as const;
    }),
  );
  return { name: name!, value: value.join('='), attrs };
}

const browserHeaders = () => ({
  [CSRF_HEADER]: CSRF_HEADER_VALUE,
  origin: proxy.url,
  'sec-fetch-site': 'same-origin',
});

async function signIn() {
  const res = await httpsRequest(proxy, 'POST', '/api/auth/login', {
    headers: browserHeaders(),
    body: { email: org.admin.email, password: org.admin.password },
  });
  expect(res.status).toBe(200);
  return (res.headers['set-cookie'] ?? []).map(parseSetCookie);
}

describe('cookies behind a TLS-terminating proxy', () => {
  test('sign-in sets __Host- cookies: Secure, HttpOnly, Path=/, no Domain', async () => {
    const cookies = await signIn();
    expect(cookies.map((c) => c.name).sort()).toEqual([
      '__Host-eligo_device',
      '__Host-eligo_session',
    ]);
    for (const cookie of cookies) {
      expect(cookie.attrs.has('secure')).toBe(true);
      expect(cookie.attrs.has('httponly')).toBe(true);
      expect(cookie.attrs.get('path')).toBe('/');
      expect(cookie.attrs.has('domain')).toBe(false);
    }
    const session = cookies.find((c) => c.name === '__Host-eligo_session')!;
    expect(session.attrs.get('samesite')).toBe('Lax');
    expect(cookies.find((c) => c.name === '__Host-eligo_device')!.attrs.get('samesite')).toBe(
      'Strict',
    );
  });

  test('the session cookie works through the proxy; HSTS comes with it; sign-out clears it as a browser needs', async () => {
    const session = (await signIn()).find((c) => c.name === '__Host-eligo_session')!;
    const cookie = `__Host-eligo_session=${session.value}`;
    const me = await httpsRequest(proxy, 'GET', '/api/auth/me', { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(JSON.parse(me.body).user.email).toBe(org.admin.email);
    expect(me.headers['strict-transport-security']).toMatch(/max-age=\d+/);

    const out = await httpsRequest(proxy, 'POST', '/api/auth/logout', {
      headers: { ...browserHeaders(), cookie },
    });
    expect(out.status).toBe(204);
    // A browser drops a __Host- cookie only when the clearing Set-Cookie is Secure with Path=/.
    const cleared = (out.headers['set-cookie'] ?? []).map(parseSetCookie);
    expect(cleared).toHaveLength(1);
    expect(cleared[0]).toMatchObject({ name: '__Host-eligo_session', value: '' });
    expect(cleared[0]!.attrs.has('secure')).toBe(true);
    expect(cleared[0]!.attrs.get('path')).toBe('/');
    const after = await httpsRequest(proxy, 'GET', '/api/auth/me', { headers: { cookie } });
    expect(after.status).toBe(401);
  });

  test('the old, unprefixed cookie name is not a session under https (sign in again)', async () => {
    const session = (await signIn()).find((c) => c.name === '__Host-eligo_session')!;
    const me = await httpsRequest(proxy, 'GET', '/api/auth/me', {
      headers: { cookie: `eligo_session=${session.value}` },
    });
    expect(me.status).toBe(401);
  });
});
