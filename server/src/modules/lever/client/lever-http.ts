import { LeverApiError } from './lever.errors.ts';

const REQUEST_TIMEOUT_MS = 15_000;
/** More hops than any data-center redirect needs; a loop is cut here. */
const MAX_REDIRECTS = 3;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export interface LeverRequest {
  method: string;
  url: URL;
  token: string;
  body?: unknown;
  signal?: AbortSignal;
}

export interface LeverResponse {
  response: Response;
  /** The host Lever redirected the call to (null: answered where it was sent). */
  redirectedTo: string | null;
}

/** `api.lever.co` matches itself; `*.lever.co` matches any host under `lever.co`. */
export function isLeverHost(hostname: string, patterns: readonly string[]): boolean {
  const host = hostname.toLowerCase();
  return patterns.some((pattern) =>
    pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern,
  );
}

/**
 * One call to Lever's Data API, following redirects by hand (lever-api.md §2.9). Lever says calls
 * for an account in another data center "are redirected automatically"; a standard client follows
 * a redirect to another host without `Authorization`, which Lever answers 401 — and a 401 means
 * "revoked" to the token store. Here the token is re-attached only when the new host is one of
 * Lever's (`LEVER_API_HOSTS`) over HTTPS (or plain HTTP when the API itself is, as in tests);
 * elsewhere the request goes without it. `beforeEach` runs before every hop (the request budget).
 */
export async function sendToLever(
  request: LeverRequest,
  leverHosts: readonly string[],
  beforeEach: () => Promise<void>,
): Promise<LeverResponse> {
  const origin = request.url;
  let url = request.url;
  let method = request.method;
  let body = request.body;
  for (let hop = 0; ; hop += 1) {
    await beforeEach();
    const withToken =
      hop === 0 ||
      (isLeverHost(url.hostname, leverHosts) &&
        (url.protocol === 'https:' || origin.protocol === url.protocol));
    const response = await fetchOnce(url, method, body, withToken ? request.token : null, request);
    const location = response.headers.get('location');
    if (!REDIRECTS.has(response.status) || !location) {
      return { response, redirectedTo: hop === 0 ? null : url.host };
    }
    await response.body?.cancel();
    if (hop >= MAX_REDIRECTS) {
      throw new LeverApiError(
        response.status,
        null,
        `Lever redirected more than ${MAX_REDIRECTS} times`,
      );
    }
    url = new URL(location, url);
    // As fetch does: 303 (and 301/302 after a POST) continue as a GET without the body.
    if (response.status === 303 || ([301, 302].includes(response.status) && method === 'POST')) {
      method = 'GET';
      body = undefined;
    }
  }
}

async function fetchOnce(
  url: URL,
  method: string,
  body: unknown,
  token: string | null,
  { signal }: LeverRequest,
): Promise<Response> {
  try {
    return await fetch(url, {
      method,
      redirect: 'manual',
      headers: {
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: signal
        ? AbortSignal.any([signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)])
        : AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    throw new LeverApiError(null, null, error instanceof Error ? error.message : String(error));
  }
}
