import type { LeverConfig } from '../../../plugins/config.ts';
import { LeverApiError, parseRetryAfter } from './lever.errors.ts';
import { leverTokenClaims } from './token-claims.ts';

export interface LeverTokenSet {
  accessToken: string;
  /** Lever returns a new one on every refresh (rotation); keep using the newest. */
  refreshToken: string | null;
  expiresInSeconds: number;
  scopes: string[];
}

/** The token endpoint said the grant is dead (revoked, expired, reused): only a reconnect helps. */
export class InvalidGrantError extends Error {
  constructor(readonly description: string) {
    super(`Lever refused the refresh token: ${description}`);
    this.name = 'InvalidGrantError';
  }
}

/**
 * Parses a token response (lever-api.md §1.5); throws when it lacks an access token. Lever
 * documents `scope` (what was granted); should a response leave it out, the access token's own
 * `scope` claim says the same (§1.8), so a connect is not refused for a missing field.
 */
export function toTokenSet(body: Record<string, unknown>): LeverTokenSet {
  if (typeof body.access_token !== 'string') throw new Error('Lever sent no access token');
  const scopes =
    typeof body.scope === 'string'
      ? body.scope.split(/\s+/).filter(Boolean)
      : (leverTokenClaims(body.access_token).scopes ?? []);
  return {
    accessToken: body.access_token,
    refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : null,
    expiresInSeconds: typeof body.expires_in === 'number' ? body.expires_in : 3600,
    scopes,
  };
}

/**
 * The refresh grant (lever-api.md §1.7), a form POST with the client credentials in the body.
 * (The authorization-code grant goes through @fastify/oauth2 in oauth.ts; refreshes also run from
 * background jobs, outside that plugin's context.)
 */
export async function refreshGrant(
  config: LeverConfig,
  refreshToken: string,
): Promise<LeverTokenSet> {
  let response: Response;
  try {
    response = await fetch(`${config.authUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: config.clientId,
        client_secret: config.clientSecret,
        refresh_token: refreshToken,
      }).toString(),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    throw new LeverApiError(null, null, error instanceof Error ? error.message : String(error));
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) return toTokenSet(body);
  const error = typeof body.error === 'string' ? body.error : null;
  const description = typeof body.error_description === 'string' ? body.error_description : null;
  // Auth0 answers invalid_grant with 403, plain OAuth with 400 (lever-api.md §1.11).
  if (error === 'invalid_grant') throw new InvalidGrantError(description ?? error);
  throw new LeverApiError(
    response.status,
    error,
    description,
    parseRetryAfter(response.headers.get('retry-after')),
  );
}
