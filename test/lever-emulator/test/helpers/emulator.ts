import { authorizeWithHttp } from '../../src/http-consent.ts';
import { type EmulatorOptions, createEmulator } from '../../src/index.ts';

export const TEST_REDIRECT_URI = 'http://127.0.0.1:3999/callback';
export const TEST_CLIENT = {
  clientId: 'test-client',
  clientSecret: 'test-secret',
  redirectUris: [TEST_REDIRECT_URI],
  name: 'Eligo WOTC (test)',
};

/** A listening emulator on a free port with fast retries, plus small HTTP helpers. */
export async function startEmulator(options: EmulatorOptions = {}) {
  const emulator = createEmulator({ client: TEST_CLIENT, retryDelayScale: 0.001, ...options });
  const baseUrl = await emulator.listen(0);

  async function call(method: string, path: string, token?: string, body?: unknown) {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? JSON.parse(text) : null,
    };
  }

  /** Mint a token through the control API (no OAuth dance). */
  async function token(scope?: string, environment?: 'production' | 'sandbox') {
    const response = await call('POST', '/_emulator/tokens', undefined, { scope, environment });
    return response.body.access_token as string;
  }

  /** POST /oauth/token as the test client (client_secret_post). */
  async function tokenRequest(fields: Record<string, string>) {
    const response = await fetch(`${baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: TEST_CLIENT.clientId,
        client_secret: TEST_CLIENT.clientSecret,
        ...fields,
      }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, string> };
  }

  /** Lever's authorize URL for the test client, asking for `scope`. */
  function authorizeUrl(scope: string, state = 'state-1'): string {
    const url = new URL(`${baseUrl}/authorize`);
    url.search = new URLSearchParams({
      client_id: TEST_CLIENT.clientId,
      redirect_uri: TEST_REDIRECT_URI,
      response_type: 'code',
      state,
      audience: `${baseUrl}/v1/`,
      scope,
    }).toString();
    return url.toString();
  }

  /** Sam (Super Admin) consents over plain HTTP; returns the authorization code of the callback. */
  async function codeFor(scope: string): Promise<string> {
    const callback = await authorizeWithHttp(authorizeUrl(scope), {
      email: 'sam.super@acme.example',
    });
    return callback.searchParams.get('code')!;
  }

  async function newOpportunity(fields: Record<string, unknown> = {}) {
    const response = await call('POST', '/_emulator/opportunities', undefined, {
      name: 'Dana Rivera',
      email: 'dana.rivera@example.net',
      postingId: 'c4d5e6f7-0a1b-4c2d-9e3f-405162738495',
      ...fields,
    });
    return response.body as {
      data: { id: string; contact: { id: string } };
      applicationId: string | null;
      contactId: string;
    };
  }

  return {
    emulator,
    baseUrl,
    call,
    token,
    tokenRequest,
    authorizeUrl,
    codeFor,
    newOpportunity,
    close: () => emulator.close(),
  };
}
