import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { authorizeWithHttp } from './helpers/consent.ts';
import { TEST_CLIENT, TEST_REDIRECT_URI, startEmulator } from './helpers/emulator.ts';

const SCOPE = 'offline_access opportunities:write:admin postings:read:admin webhooks:write:admin';
const sam = { email: 'sam.super@acme.example' };
const DAY = 86_400_000;

let env: Awaited<ReturnType<typeof startEmulator>>;
let as: oauth.AuthorizationServer;
const client: oauth.Client = { client_id: TEST_CLIENT.clientId };
const clientAuth = oauth.ClientSecretPost(TEST_CLIENT.clientSecret);
const insecure = { [oauth.allowInsecureRequests]: true };

function authorizeUrl(
  overrides: Record<string, string | null> = {},
  state = oauth.generateRandomState(),
) {
  const url = new URL(`${env.baseUrl}/authorize`);
  const params: Record<string, string | null> = {
    client_id: TEST_CLIENT.clientId,
    redirect_uri: TEST_REDIRECT_URI,
    response_type: 'code',
    state,
    audience: `${env.baseUrl}/v1/`,
    scope: SCOPE,
    ...overrides,
  };
  for (const [key, value] of Object.entries(params))
    if (value !== null) url.searchParams.set(key, value);
  return url.toString();
}

/** The whole dance with a standard OAuth client: authorize → login → consent → code → tokens. */
async function connect(user = sam) {
  const state = oauth.generateRandomState();
  const callback = await authorizeWithHttp(authorizeUrl({}, state), user);
  const params = oauth.validateAuthResponse(as, client, callback, state);
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    client,
    clientAuth,
    params,
    TEST_REDIRECT_URI,
    oauth.nopkce,
    insecure,
  );
  return oauth.processAuthorizationCodeResponse(as, client, response);
}

async function refreshWith(token: string) {
  const response = await oauth.refreshTokenGrantRequest(as, client, clientAuth, token, insecure);
  return oauth.processRefreshTokenResponse(as, client, response);
}

async function tokenError(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(oauth.ResponseBodyError);
  const { status, error: code, cause } = error as oauth.ResponseBodyError;
  return { status, code, body: cause };
}

const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

beforeAll(async () => {
  env = await startEmulator();
  const issuer = new URL(`${env.baseUrl}/`);
  as = await oauth.processDiscoveryResponse(
    issuer,
    await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...insecure }),
  );
});
beforeEach(() => env.emulator.reset());
afterAll(() => env.close());

describe('authorization-code flow with oauth4webapi', () => {
  test('issues a Lever-shaped JWT and a rotating refresh token', async () => {
    const tokens = await connect();
    expect(tokens).toMatchObject({ token_type: 'bearer', scope: SCOPE, expires_in: 3600 });
    expect(tokens.refresh_token).toMatch(/^v1\./);
    const claims = claimsOf(tokens.access_token);
    expect(claims).toMatchObject({
      iss: `${env.baseUrl}/`,
      aud: `${env.baseUrl}/v1/`,
      azp: TEST_CLIENT.clientId,
      scope: SCOPE,
      'https://oauth.lever.co/userId': 'e2a9c0b7-1d34-4f6b-8e55-7a0c3b2d9f10',
      'https://oauth.lever.co/accountId': env.emulator.state.account.id,
      'https://oauth.lever.co/clientId': TEST_CLIENT.clientId,
    });
    expect(claims.exp).toBe((claims.iat as number) + 3600);
    const header = JSON.parse(
      Buffer.from(tokens.access_token.split('.')[0]!, 'base64url').toString(),
    );
    expect(header).toMatchObject({ alg: 'HS512', v: '2.0' });
    expect((await env.call('GET', '/v1/opportunities', tokens.access_token)).status).toBe(200);

    const first = await refreshWith(tokens.refresh_token!);
    expect(first.refresh_token).toBeDefined();
    expect(first.refresh_token).not.toBe(tokens.refresh_token);
    const second = await refreshWith(first.refresh_token!);
    expect((await env.call('GET', '/v1/opportunities', second.access_token)).status).toBe(200);

    // Re-using a rotated refresh token is refused and (Auth0 reuse detection) kills the family.
    const reuse = await tokenError(refreshWith(tokens.refresh_token!));
    expect(reuse).toMatchObject({ status: 403, code: 'invalid_grant' });
    expect(reuse.body).toEqual({
      error: 'invalid_grant',
      error_description: 'Unknown or invalid refresh token.',
    });
    expect((await tokenError(refreshWith(second.refresh_token!))).code).toBe('invalid_grant');
  });

  test('the authorization code is single use and short-lived', async () => {
    const state = oauth.generateRandomState();
    const params = oauth.validateAuthResponse(
      as,
      client,
      await authorizeWithHttp(authorizeUrl({}, state), sam),
      state,
    );
    const exchange = () =>
      oauth
        .authorizationCodeGrantRequest(
          as,
          client,
          clientAuth,
          params,
          TEST_REDIRECT_URI,
          oauth.nopkce,
          insecure,
        )
        .then((r) => oauth.processAuthorizationCodeResponse(as, client, r));
    await exchange();
    expect((await tokenError(exchange())).code).toBe('invalid_grant');

    const state2 = oauth.generateRandomState();
    const params2 = oauth.validateAuthResponse(
      as,
      client,
      await authorizeWithHttp(authorizeUrl({}, state2), sam),
      state2,
    );
    env.emulator.clock.advance(601_000);
    const late = await tokenError(
      oauth
        .authorizationCodeGrantRequest(
          as,
          client,
          clientAuth,
          params2,
          TEST_REDIRECT_URI,
          oauth.nopkce,
          insecure,
        )
        .then((r) => oauth.processAuthorizationCodeResponse(as, client, r)),
    );
    expect(late.code).toBe('invalid_grant');
  });

  test('access tokens expire after an hour; refresh tokens after 90 idle days or a year', async () => {
    const tokens = await connect();
    env.emulator.clock.advance(3600_000);
    const expired = await env.call('GET', '/v1/opportunities', tokens.access_token);
    expect(expired).toMatchObject({
      status: 401,
      body: { code: 'Unauthorized', message: 'Access token expired' },
    });

    let refreshToken = tokens.refresh_token!;
    for (let i = 0; i < 4; i += 1) {
      env.emulator.clock.advance(89 * DAY);
      refreshToken = (await refreshWith(refreshToken)).refresh_token!;
    }
    env.emulator.clock.advance(10 * DAY); // 366 days after consent, 10 days after last use
    expect((await tokenError(refreshWith(refreshToken))).code).toBe('invalid_grant');

    const other = await connect();
    env.emulator.clock.advance(91 * DAY);
    expect((await tokenError(refreshWith(other.refresh_token!))).code).toBe('invalid_grant');
  });
});

describe('authorize refusals', () => {
  test.each([
    ['Admin', 'alex.admin@acme.example'],
    ['Team Member', 'terry.team@acme.example'],
  ])('a %s gets through consent but is refused at the end', async (_role, email) => {
    const callback = await authorizeWithHttp(authorizeUrl({}, 'st8'), { email });
    expect(Object.fromEntries(callback.searchParams)).toEqual({
      state: 'st8',
      error: 'access_denied',
      error_description: 'only_super_admins_can_authorize_integrations',
    });
    expect(env.emulator.state.grants.size).toBe(0);
  });

  test('Deny redirects with access_denied', async () => {
    const callback = await authorizeWithHttp(authorizeUrl({}, 'st9'), sam, 'deny');
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('error_description')).toBe(
      'user_did_not_authorize_the_request',
    );
    expect(callback.searchParams.get('state')).toBe('st9');
  });

  test('unknown client and unregistered redirect_uri get an error page, not a redirect', async () => {
    const cases: Record<string, string>[] = [
      { client_id: 'nope' },
      { redirect_uri: `${TEST_REDIRECT_URI}/other` },
    ];
    for (const overrides of cases) {
      const response = await fetch(authorizeUrl(overrides), { redirect: 'manual' });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('text/html');
    }
  });

  test.each([
    [{ response_type: 'token' }, 'unsupported_response_type'],
    [{ state: null }, 'invalid_request'],
    [{ scope: null }, 'invalid_request'],
    [{ audience: 'https://api.lever.co/v1/' }, 'access_denied'],
  ])('bad parameters %j redirect back with %s', async (overrides, error) => {
    const response = await fetch(authorizeUrl(overrides), { redirect: 'manual' });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location')!);
    expect(location.origin + location.pathname).toBe(TEST_REDIRECT_URI);
    expect(location.searchParams.get('error')).toBe(error);
  });

  test('without audience the grant carries only offline_access', async () => {
    const state = oauth.generateRandomState();
    const callback = await authorizeWithHttp(authorizeUrl({ audience: null }, state), sam);
    const params = oauth.validateAuthResponse(as, client, callback, state);
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      clientAuth,
      params,
      TEST_REDIRECT_URI,
      oauth.nopkce,
      insecure,
    );
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, response);
    expect(tokens.scope).toBe('offline_access');
    expect((await env.call('GET', '/v1/opportunities', tokens.access_token)).status).toBe(403);
  });
});

describe('token endpoint error bodies', () => {
  const post = (fields: Record<string, string>) =>
    fetch(`${env.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    }).then(async (r) => ({ status: r.status, body: await r.json() }));
  const creds = { client_id: TEST_CLIENT.clientId, client_secret: TEST_CLIENT.clientSecret };

  test.each([
    [
      { ...creds, client_secret: 'an-api-key', grant_type: 'refresh_token', refresh_token: 'x' },
      401,
      'invalid_client',
    ],
    [{ ...creds }, 400, 'invalid_request'],
    [{ ...creds, grant_type: 'password' }, 400, 'unsupported_grant_type'],
    [{ ...creds, grant_type: 'authorization_code' }, 400, 'invalid_request'],
    [{ ...creds, grant_type: 'authorization_code', code: 'bogus' }, 403, 'invalid_grant'],
    [{ ...creds, grant_type: 'refresh_token', refresh_token: 'v1.bogus' }, 403, 'invalid_grant'],
  ])('%j → %i %s', async (fields, status, error) => {
    const response = await post(fields);
    expect(response.status).toBe(status);
    expect(response.body).toEqual({ error, error_description: expect.any(String) });
  });
});
