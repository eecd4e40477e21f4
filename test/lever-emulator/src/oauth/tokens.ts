import type { EmulatorContext } from '../context.ts';
import { newId, newOpaque } from '../ids.ts';
import type { AccessTokenRecord, Grant, RefreshToken } from '../state/types.ts';
import { signJwt } from './jwt.ts';

/** An error answered by /oauth/token as `{error, error_description}`. */
export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }
}

export interface TokenResponse {
  access_token: string;
  refresh_token?: string;
  token_type: 'Bearer';
  /** Absent when the `tokenResponseScope` switch is `omitted` (the JWT's `scope` claim remains). */
  scope?: string;
  expires_in: number;
}

const invalidGrant = (ctx: EmulatorContext, description: string): OAuthError =>
  new OAuthError(ctx.state.switches.invalidGrantStatus, 'invalid_grant', description);

export function mintAccessToken(
  ctx: EmulatorContext,
  fields: { clientId: string; grantId: string | null; userId: string; scopes: string[] },
  environment = ctx.options.environment,
): { token: string; record: AccessTokenRecord } {
  const iat = Math.floor(ctx.clock.now() / 1000);
  const exp = iat + ctx.options.accessTokenTtlSeconds;
  const token = signJwt(environment, {
    iss: `${ctx.baseUrl()}/`,
    sub: fields.userId,
    aud: ctx.audience(),
    iat,
    exp,
    azp: fields.clientId,
    scope: fields.scopes.join(' '),
    'https://oauth.lever.co/userId': fields.userId,
    'https://oauth.lever.co/accountId': ctx.state.account.id,
    'https://oauth.lever.co/clientId': fields.clientId,
    // Makes every token unique even when minted in the same second.
    jti: newId(),
  });
  const record: AccessTokenRecord = {
    token,
    clientId: fields.clientId,
    grantId: fields.grantId,
    apiKeyId: null,
    userId: fields.userId,
    scopes: fields.scopes,
    expiresAt: exp * 1000,
  };
  if (environment === ctx.options.environment) ctx.state.accessTokens.set(token, record);
  return { token, record };
}

function issueRefreshToken(
  ctx: EmulatorContext,
  grant: Grant,
  scopes: string[],
  family?: RefreshToken,
): string {
  const now = ctx.clock.now();
  const token = `v1.${newOpaque(48)}`;
  ctx.state.refreshTokens.set(token, {
    token,
    familyId: family?.familyId ?? newId(),
    grantId: grant.id,
    scopes,
    familyCreatedAt: family?.familyCreatedAt ?? now,
    issuedAt: now,
    rotatedAt: null,
    revokedAt: null,
  });
  return token;
}

function tokenResponse(ctx: EmulatorContext, grant: Grant, scopes: string[]): TokenResponse {
  const { token } = mintAccessToken(ctx, {
    clientId: grant.clientId,
    grantId: grant.id,
    userId: grant.userId,
    scopes,
  });
  return {
    access_token: token,
    token_type: 'Bearer',
    ...(ctx.state.switches.tokenResponseScope === 'present' ? { scope: scopes.join(' ') } : {}),
    expires_in: ctx.options.accessTokenTtlSeconds,
  };
}

export function exchangeCode(
  ctx: EmulatorContext,
  clientId: string,
  code: string,
  redirectUri: string | undefined,
): TokenResponse {
  const entry = ctx.state.codes.get(code);
  if (!entry || entry.clientId !== clientId) throw invalidGrant(ctx, 'Invalid authorization code');
  if (entry.usedAt !== null) throw invalidGrant(ctx, 'Invalid authorization code');
  entry.usedAt = ctx.clock.now();
  if (entry.expiresAt <= ctx.clock.now()) throw invalidGrant(ctx, 'Authorization code expired');
  if (redirectUri !== undefined && redirectUri !== entry.redirectUri) {
    throw invalidGrant(ctx, 'Redirect URI mismatch');
  }
  const grant = ctx.state.grants.get(entry.grantId);
  if (!grant || grant.revokedAt !== null) throw invalidGrant(ctx, 'Grant was revoked');
  const response = tokenResponse(ctx, grant, entry.scopes);
  if (entry.scopes.includes('offline_access')) {
    response.refresh_token = issueRefreshToken(ctx, grant, entry.scopes);
  }
  return response;
}

/** Rotating refresh: the presented token is spent and a new one comes back with the access token. */
export function refresh(ctx: EmulatorContext, clientId: string, token: string): TokenResponse {
  const { state, clock, options } = ctx;
  const entry = state.refreshTokens.get(token);
  const grant = entry && state.grants.get(entry.grantId);
  const unknown = 'Unknown or invalid refresh token.';
  if (!entry || !grant || grant.clientId !== clientId) throw invalidGrant(ctx, unknown);
  if (grant.revokedAt !== null || entry.revokedAt !== null) throw invalidGrant(ctx, unknown);
  const now = clock.now();
  if (entry.rotatedAt !== null) {
    if (state.switches.refreshReuseRevokesFamily) {
      for (const other of state.refreshTokens.values()) {
        if (other.familyId === entry.familyId && other.revokedAt === null) other.revokedAt = now;
      }
    }
    throw invalidGrant(ctx, unknown);
  }
  if (
    now >= entry.familyCreatedAt + options.refreshTokenAbsoluteTtlSeconds * 1000 ||
    now >= entry.issuedAt + options.refreshTokenIdleTtlSeconds * 1000
  ) {
    throw invalidGrant(ctx, 'Refresh token expired');
  }
  entry.rotatedAt = now;
  const response = tokenResponse(ctx, grant, entry.scopes);
  response.refresh_token = issueRefreshToken(ctx, grant, entry.scopes, entry);
  return response;
}

/** "Revoke access" under Authorized Apps: refresh tokens die, access tokens per the switch. */
export function revokeGrant(ctx: EmulatorContext, grantId: string): boolean {
  const grant = ctx.state.grants.get(grantId);
  if (!grant || grant.revokedAt !== null) return false;
  const now = ctx.clock.now();
  grant.revokedAt = now;
  for (const entry of ctx.state.refreshTokens.values()) {
    if (entry.grantId === grantId && entry.revokedAt === null) entry.revokedAt = now;
  }
  if (ctx.state.switches.revokeDeletesAppWebhooks) {
    for (const webhook of [...ctx.state.webhooks.values()]) {
      if (webhook.createdVia === 'api' && webhook.clientId === grant.clientId) {
        ctx.state.webhooks.delete(webhook.id);
      }
    }
  }
  return true;
}

/** A consent replaces any earlier grant of the same app on the account (one Authorized Apps row). */
export function recordGrant(
  ctx: EmulatorContext,
  clientId: string,
  userId: string,
  scopes: string[],
): Grant {
  for (const grant of ctx.state.grants.values()) {
    if (grant.clientId === clientId && grant.revokedAt === null) {
      grant.scopes = scopes;
      grant.userId = userId;
      return grant;
    }
  }
  const grant: Grant = {
    id: newId(),
    clientId,
    accountId: ctx.state.account.id,
    userId,
    scopes,
    createdAt: ctx.clock.now(),
    revokedAt: null,
  };
  ctx.state.grants.set(grant.id, grant);
  return grant;
}

export function issueCode(
  ctx: EmulatorContext,
  fields: { clientId: string; redirectUri: string; grantId: string; scopes: string[] },
): string {
  const code = newOpaque(24);
  ctx.state.codes.set(code, {
    code,
    ...fields,
    expiresAt: ctx.clock.now() + ctx.state.switches.authorizationCodeTtlSeconds * 1000,
    usedAt: null,
  });
  return code;
}
