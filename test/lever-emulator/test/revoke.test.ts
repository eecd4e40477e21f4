import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { authorizeWithHttp } from './helpers/consent.ts';
import { TEST_CLIENT, TEST_REDIRECT_URI, startEmulator } from './helpers/emulator.ts';

let env: Awaited<ReturnType<typeof startEmulator>>;
beforeAll(async () => {
  env = await startEmulator();
});
beforeEach(() => env.emulator.reset());
afterAll(() => env.close());

/** Connect through the real authorize/consent/token endpoints (plain form posts). */
async function connect() {
  const url = new URL(`${env.baseUrl}/authorize`);
  url.search = new URLSearchParams({
    client_id: TEST_CLIENT.clientId,
    redirect_uri: TEST_REDIRECT_URI,
    response_type: 'code',
    state: oauth.generateRandomState(),
    audience: `${env.baseUrl}/v1/`,
    scope: 'offline_access opportunities:write:admin webhooks:write:admin',
  }).toString();
  const callback = await authorizeWithHttp(url.toString(), { email: 'sam.super@acme.example' });
  return tokenRequest({
    grant_type: 'authorization_code',
    code: callback.searchParams.get('code')!,
    redirect_uri: TEST_REDIRECT_URI,
  });
}

const tokenRequest = (fields: Record<string, string>) => env.tokenRequest(fields);

async function revokeAll() {
  const grants = await env.call('GET', '/_emulator/grants');
  for (const grant of grants.body.data)
    await env.call('POST', `/_emulator/grants/${grant.id}/revoke`);
}

describe('Revoke access', () => {
  test('refresh → 403 invalid_grant and API calls → 401', async () => {
    const { body: tokens } = await connect();
    expect((await env.call('GET', '/v1/opportunities', tokens.access_token)).status).toBe(200);
    await revokeAll();
    const refresh = await tokenRequest({
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    });
    expect(refresh).toEqual({
      status: 403,
      body: { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' },
    });
    const api = await env.call('GET', '/v1/opportunities', tokens.access_token);
    expect(api).toEqual({
      status: 401,
      headers: expect.anything(),
      body: { code: 'Unauthorized', message: 'Access token revoked' },
    });
  });

  test('switch: access tokens keep working until exp; app webhooks can be deleted with the grant', async () => {
    await env.call('PATCH', '/_emulator/switches', undefined, {
      revokedAccessTokens: 'at-expiry',
      revokeDeletesAppWebhooks: true,
      invalidGrantStatus: 400,
    });
    const { body: tokens } = await connect();
    await env.call('POST', '/v1/webhooks', tokens.access_token, {
      url: 'https://app.example.com/hook',
      event: 'applicationCreated',
    });
    await revokeAll();
    expect((await env.call('GET', '/v1/opportunities', tokens.access_token)).status).toBe(200);
    expect(env.emulator.state.webhooks.size).toBe(0);
    expect(
      (await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token }))
        .status,
    ).toBe(400);
    env.emulator.clock.advance(3600_000);
    expect((await env.call('GET', '/v1/opportunities', tokens.access_token)).status).toBe(401);
  });
});
