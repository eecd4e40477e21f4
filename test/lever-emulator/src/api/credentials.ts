import type { FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../context.ts';
import { fingerprint } from '../ids.ts';
import { verifyJwt } from '../oauth/jwt.ts';
import { leverScopes } from '../oauth/scopes.ts';
import { LeverError } from './errors.ts';

/** Who is calling /v1: an OAuth access token or a customer API key. */
export interface Credential {
  tokenId: string;
  kind: 'oauth' | 'apiKey';
  scopes: string[];
  clientId: string | null;
  grantId: string | null;
  userId: string | null;
}

const unauthorized = (message: string) => new LeverError(401, message);

function fromApiKey(ctx: EmulatorContext, header: string): Credential {
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const key = colon === -1 ? decoded : decoded.slice(0, colon);
  const apiKey = [...ctx.state.apiKeys.values()].find((k) => k.key === key && !k.revokedAt);
  if (!apiKey) throw unauthorized('Invalid API key');
  return {
    tokenId: fingerprint(apiKey.key),
    kind: 'apiKey',
    // Keys carry every permission; confidential access only if chosen at creation.
    scopes: leverScopes.filter(
      (s) => s !== 'confidential:access:admin' || apiKey.confidentialAccess,
    ),
    clientId: null,
    grantId: null,
    userId: null,
  };
}

function fromBearer(ctx: EmulatorContext, token: string): Credential {
  const check = verifyJwt(ctx.options.environment, token);
  if (!check.ok && check.reason === 'foreign-key') {
    throw new LeverError(403, 'Unable to find a signing key that matches');
  }
  const record = ctx.state.accessTokens.get(token);
  if (!check.ok || !record) throw unauthorized('Invalid access token');
  if (record.expiresAt !== null && record.expiresAt <= ctx.clock.now()) {
    throw unauthorized('Access token expired');
  }
  const grant = record.grantId ? ctx.state.grants.get(record.grantId) : undefined;
  if (grant?.revokedAt && ctx.state.switches.revokedAccessTokens === 'immediate') {
    throw unauthorized('Access token revoked');
  }
  return {
    tokenId: fingerprint(token),
    kind: 'oauth',
    scopes: record.scopes,
    clientId: record.clientId,
    grantId: record.grantId,
    userId: record.userId,
  };
}

/** Lever: `Authorization: Bearer <jwt>` for OAuth, HTTP Basic `key:` for API keys. */
export function authenticate(ctx: EmulatorContext, request: FastifyRequest): Credential {
  const header = request.headers.authorization;
  if (!header) throw unauthorized('No credentials provided');
  if (header.startsWith('Bearer ')) return fromBearer(ctx, header.slice(7).trim());
  if (header.startsWith('Basic ')) return fromApiKey(ctx, header);
  throw unauthorized('Unsupported authorization scheme');
}
