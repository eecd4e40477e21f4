import { authorizeWithHttp, seedUsers } from '@eligo/lever-emulator';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@eligo/shared/http';

/**
 * A browser-like client of a server in another process (the built server), over real HTTP: JSON
 * bodies, the anti-CSRF header and a cookie jar. No vitest here: the tsx benchmarks use it too.
 */
export interface RemoteClient {
  baseUrl: string;
  /** The `cookie` header the jar would send now. */
  cookie(): string;
  /** Does not follow redirects: a 302 is returned as is. */
  request(method: string, path: string, body?: unknown): Promise<Response>;
}

export function remoteClient(baseUrl: string): RemoteClient {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  return {
    baseUrl,
    cookie,
    async request(method, path, body) {
      const response = await fetch(new URL(path, baseUrl), {
        method,
        redirect: 'manual',
        headers: {
          [CSRF_HEADER]: CSRF_HEADER_VALUE,
          ...(jar.size ? { cookie: cookie() } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      for (const line of response.headers.getSetCookie()) {
        const [pair = '', ...attributes] = line.split(';');
        const at = pair.indexOf('=');
        const name = pair.slice(0, at).trim();
        const value = pair.slice(at + 1).trim();
        const gone = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
        if (value === '' || gone) jar.delete(name);
        else jar.set(name, value);
      }
      return response;
    },
  };
}

/** Signs up a new organization on the server at `baseUrl`; returns its signed-in admin. */
export async function signUpRemotely(
  baseUrl: string,
  who = { organizationName: 'Bench Inc', name: 'Bench Admin', email: 'bench@example.com' },
): Promise<RemoteClient> {
  const admin = remoteClient(baseUrl);
  const response = await admin.request('POST', '/api/auth/signup', {
    ...who,
    password: 'a long enough bench passphrase',
  });
  if (response.status !== 201) throw new Error(`sign-up failed: ${response.status}`);
  // The first organization of a database signs in at once; with ALLOW_SIGNUP the address must be
  // confirmed by mail first (issue 26), which this helper does not do: give it a fresh database.
  if (!admin.cookie())
    throw new Error('sign-up set no session cookie (ALLOW_SIGNUP, or not the first organization?)');
  return admin;
}

/**
 * Connects the admin's organization to the Lever emulator the server is configured with, by the
 * whole OAuth dance over HTTP as the emulator's Super Admin; returns the `?lever=` outcome.
 */
export async function connectLeverRemotely(admin: RemoteClient): Promise<string> {
  const superAdmin = seedUsers.find((u) => u.accessRole === 'super admin')!;
  const start = await admin.request('GET', '/api/integrations/lever/connect');
  const authorizeUrl = start.headers.get('location');
  if (start.status !== 302 || !authorizeUrl)
    throw new Error(`connect answered ${start.status}, not a redirect to Lever`);
  const callback = await authorizeWithHttp(authorizeUrl, {
    email: superAdmin.email,
    password: superAdmin.password,
  });
  const back = await admin.request('GET', callback.pathname + callback.search);
  const location = back.headers.get('location');
  if (back.status !== 302 || !location) throw new Error(`callback answered ${back.status}`);
  return new URL(location, admin.baseUrl).searchParams.get('lever') ?? '';
}
