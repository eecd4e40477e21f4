import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { TEST_REDIRECT_URI, startEmulator } from './helpers/emulator.ts';

const SCOPE = 'offline_access opportunities:write:admin webhooks:write:admin';

let env: Awaited<ReturnType<typeof startEmulator>>;

beforeAll(async () => {
  env = await startEmulator();
});
beforeEach(() => env.emulator.reset());
afterAll(() => env.close());

const setSwitches = (body: Record<string, unknown>) =>
  env.call('PATCH', '/_emulator/switches', undefined, body);

/** The scope claim of Lever's JWT access token (decoded, not verified). */
const jwtScope = (jwt: string): string =>
  (JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as { scope: string })
    .scope;

describe('tokenResponseScope', () => {
  test('present (default): the token response lists the granted scope', async () => {
    const exchanged = await env.tokenRequest({
      grant_type: 'authorization_code',
      code: await env.codeFor(SCOPE),
      redirect_uri: TEST_REDIRECT_URI,
    });
    expect(exchanged.status).toBe(200);
    expect(exchanged.body.scope).toBe(SCOPE);
  });

  test('omitted: neither the code exchange nor a refresh carries scope; the JWT still does', async () => {
    await setSwitches({ tokenResponseScope: 'omitted' });
    const exchanged = await env.tokenRequest({
      grant_type: 'authorization_code',
      code: await env.codeFor(SCOPE),
      redirect_uri: TEST_REDIRECT_URI,
    });
    expect(exchanged.status).toBe(200);
    expect(Object.keys(exchanged.body).sort()).toEqual(
      ['access_token', 'expires_in', 'refresh_token', 'token_type'].sort(),
    );
    expect(jwtScope(exchanged.body.access_token!)).toBe(SCOPE);
    const refreshed = await env.tokenRequest({
      grant_type: 'refresh_token',
      refresh_token: exchanged.body.refresh_token!,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).not.toHaveProperty('scope');
    expect(jwtScope(refreshed.body.access_token!)).toBe(SCOPE);
  });
});

describe('regionRedirect', () => {
  const port = () => new URL(env.baseUrl).port;

  test('every /v1 call answers 307 to the same path and query on the other host name', async () => {
    const token = await env.token('opportunities:read:admin webhooks:write:admin');
    const opp = await env.newOpportunity();
    await setSwitches({ regionRedirect: true });
    const headers = { authorization: `Bearer ${token}` };
    const path = `/v1/opportunities/${opp.data.id}?expand=applications`;
    const redirected = await fetch(`${env.baseUrl}${path}`, { headers, redirect: 'manual' });
    expect(redirected.status).toBe(307);
    expect(redirected.headers.get('location')).toBe(`http://localhost:${port()}${path}`);
    const post = await fetch(`${env.baseUrl}/v1/webhooks`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ url: 'https://x.example/h', event: 'applicationCreated' }),
      redirect: 'manual',
    });
    expect(post.status).toBe(307);
    expect((await env.call('GET', '/_emulator/webhooks')).body.data).toEqual([]);

    // At the other host the same call is served, when the client sends the token again.
    const there = await fetch(`http://localhost:${port()}${path}`, { headers });
    expect(there.status).toBe(200);
    expect(((await there.json()) as { data: { id: string } }).data.id).toBe(opp.data.id);
  });

  test('a standard client follows the redirect without Authorization and gets 401', async () => {
    const token = await env.token('opportunities:read:admin');
    await setSwitches({ regionRedirect: true });
    const followed = await fetch(`${env.baseUrl}/v1/opportunities`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(followed.status).toBe(401);
    expect(followed.url).toBe(`http://localhost:${port()}/v1/opportunities`);
    expect(await followed.json()).toEqual({
      code: 'Unauthorized',
      message: 'No credentials provided',
    });
    const log = (await env.call('GET', '/_emulator/requests')).body.data;
    expect(log.map((r: { status: number }) => r.status)).toEqual([307]);
    await setSwitches({ regionRedirect: false });
    const home = await fetch(`${env.baseUrl}/v1/opportunities`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(home.status).toBe(200);
  });
});
