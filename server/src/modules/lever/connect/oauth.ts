import oauth2, { type OAuth2Namespace } from '@fastify/oauth2';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hashToken, randomToken } from '../../../lib/tokens.ts';
import { scoped } from '../../../lib/tenancy/tenant-repository.ts';
import { requireAuth } from '../../../plugins/auth.ts';
import type { LeverConfig } from '../../../plugins/config.ts';
import { leverLeases } from '../lease.model.ts';
import { leverOAuthStateModel } from './oauth-state.model.ts';
import { REQUESTED_SCOPES } from './scopes.ts';
import { toTokenSet, type LeverTokenSet } from '../client/token-endpoint.ts';

const STATE_TTL_MS = 10 * 60_000;
export const CALLBACK_PATH = '/api/integrations/lever/callback';

declare module 'fastify' {
  interface FastifyInstance {
    leverOAuth2: OAuth2Namespace;
  }
}

/** Why a `state` was refused: none of these may lead to storing anything. */
export class InvalidStateError extends Error {
  constructor() {
    super('Invalid state');
    this.name = 'InvalidStateError';
  }
}

export interface LeverOAuth {
  /** Lever's authorize URL for this admin (a fresh single-use state bound to their session). */
  authorizeUrl(request: FastifyRequest, reply: FastifyReply): Promise<string>;
  /** Checks and uses up the callback's state; throws InvalidStateError if it is not this session's. */
  consumeState(request: FastifyRequest): Promise<void>;
  /** Checks the state, then exchanges the code (authorization-code grant). */
  exchangeCode(request: FastifyRequest, reply: FastifyReply): Promise<LeverTokenSet>;
}

/** `https://auth.lever.co` (+ optional path) → simple-oauth2's host and paths. */
function authEndpoints(config: LeverConfig) {
  const url = new URL(config.authUrl);
  const prefix = url.pathname.replace(/\/+$/, '');
  return {
    authorizeHost: url.origin,
    authorizePath: `${prefix}/authorize`,
    tokenHost: url.origin,
    tokenPath: `${prefix}/oauth/token`,
  };
}

/**
 * The authorization-code flow with @fastify/oauth2 (lever-api.md §1.3–1.5): `audience` and our
 * scopes on the authorize URL, the client secret in the token request body. The `state` is not the
 * plugin's cookie: it is stored (hashed) in the database, bound to the admin's session, and used
 * once — any API instance can take the callback, and a state from another session, another
 * organization or an earlier attempt is refused.
 */
export async function registerLeverOAuth(
  app: FastifyInstance,
  config: LeverConfig,
): Promise<LeverOAuth> {
  const States = leverOAuthStateModel(app.mongo);
  const sessionHash = (request: FastifyRequest) => hashToken(requireAuth(request).sessionToken);

  async function consumeState(request: FastifyRequest): Promise<void> {
    const auth = requireAuth(request);
    const state = (request.query as { state?: unknown }).state;
    if (typeof state !== 'string' || state === '') throw new InvalidStateError();
    const id = hashToken(state);
    const stored = await scoped(States, auth.organization._id).findOne({ _id: id });
    if (
      !stored ||
      !stored.userId.equals(auth.user._id) ||
      stored.sessionHash !== sessionHash(request) ||
      stored.expiresAt.getTime() <= Date.now()
    ) {
      throw new InvalidStateError();
    }
    if (!(await leverLeases(app.mongo).claimOnce(`oauth-state:${id}`, stored.expiresAt))) {
      throw new InvalidStateError();
    }
    await scoped(States, auth.organization._id).deleteOne({ _id: id });
  }

  await app.register(oauth2, {
    name: 'leverOAuth2',
    scope: [...REQUESTED_SCOPES],
    credentials: {
      client: { id: config.clientId, secret: config.clientSecret },
      auth: authEndpoints(config),
      options: { authorizationMethod: 'body' },
    },
    callbackUri: `${app.config.publicUrl}${CALLBACK_PATH}`,
    callbackUriParams: { audience: config.audience },
    async generateStateFunction(request: FastifyRequest) {
      const auth = requireAuth(request);
      const state = randomToken();
      await scoped(States, auth.organization._id).create({
        _id: hashToken(state),
        userId: auth.user._id,
        sessionHash: sessionHash(request),
        expiresAt: new Date(Date.now() + STATE_TTL_MS),
      });
      return state;
    },
    async checkStateFunction(request: FastifyRequest) {
      await consumeState(request);
      return true;
    },
  });

  return {
    authorizeUrl: (request, reply) => app.leverOAuth2.generateAuthorizationUri(request, reply),
    consumeState,
    async exchangeCode(request, reply) {
      const result = await app.leverOAuth2.getAccessTokenFromAuthorizationCodeFlow(request, reply);
      return toTokenSet(result.token as unknown as Record<string, unknown>);
    },
  };
}
