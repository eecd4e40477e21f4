import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EmulatorContext } from '../context.ts';
import { fingerprint } from '../ids.ts';
import { hasScope } from '../oauth/scopes.ts';
import { type Credential, authenticate } from './credentials.ts';
import { LeverError, registerLeverErrors } from './errors.ts';
import { registerArchiveReasonRoutes } from './archive-reasons.routes.ts';
import { registerOfferRoutes } from './offers.routes.ts';
import { registerOpportunityRoutes } from './opportunities.routes.ts';
import { registerReferenceRoutes } from './reference.routes.ts';
import { regionRedirectLocation } from './region.ts';
import { registerWebhookRoutes } from './webhooks.routes.ts';
import { countCall, logRequest, takeToken } from './traffic.ts';

declare module 'fastify' {
  interface FastifyRequest {
    credential: Credential | null;
  }
  interface FastifyContextConfig {
    /** Scope a /v1 route needs (a `write` grant covers `read`). */
    scope?: string;
  }
}

/** Applies the next matching injected fault: a forced status, or a delay before normal handling. */
async function applyFault(ctx: EmulatorContext, path: string, reply: FastifyReply): Promise<void> {
  const fault = ctx.state.faults.find((f) => f.remaining > 0 && path.startsWith(f.pathPrefix));
  if (!fault) return;
  fault.remaining -= 1;
  if (fault.remaining === 0) ctx.state.faults.splice(ctx.state.faults.indexOf(fault), 1);
  if (fault.kind === 'delay') {
    await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    return;
  }
  if (fault.retryAfterSeconds !== null)
    reply.header('Retry-After', String(fault.retryAfterSeconds));
  throw new LeverError(fault.status, `Injected fault: HTTP ${fault.status}`);
}

/** The Data API under /v1: auth → rate limit → faults → scope check → handler, errors in Lever's shape. */
export async function leverApi(
  app: FastifyInstance,
  opts: { ctx: EmulatorContext },
): Promise<void> {
  const { ctx } = opts;
  registerLeverErrors(app);
  app.decorateRequest('credential', null);

  app.addHook('onRequest', async (request, reply) => {
    const elsewhere = regionRedirectLocation(ctx, request);
    if (elsewhere) {
      // Who was redirected still shows in the counters and the request log.
      try {
        request.credential = authenticate(ctx, request);
      } catch {
        // an invalid credential is redirected all the same
      }
      return reply.redirect(elsewhere, 307);
    }
    const credential = authenticate(ctx, request);
    request.credential = credential;
    if (!takeToken(ctx, credential.tokenId)) {
      const retryAfter = ctx.state.switches.retryAfterSeconds;
      if (retryAfter !== null) reply.header('Retry-After', String(retryAfter));
      throw new LeverError(429, 'Rate limit exceeded');
    }
    await applyFault(ctx, request.url.replace(/^\/v1/, ''), reply);
  });

  app.addHook('preHandler', async (request) => {
    const needed = request.routeOptions.config.scope;
    if (needed && request.credential && !hasScope(request.credential.scopes, needed)) {
      throw new LeverError(403, `Missing required scope: ${needed}`);
    }
  });

  app.addHook('onResponse', async (request, reply) => {
    const header = request.headers.authorization;
    const credential =
      request.credential ??
      (header
        ? { tokenId: fingerprint(header.replace(/^\w+ /, '')), kind: 'invalid' as const }
        : null);
    if (!credential) return;
    countCall(ctx, credential, reply.statusCode);
    logRequest(ctx, {
      method: request.method,
      path: request.url.replace(/^\/v1/, ''),
      status: reply.statusCode,
      tokenId: credential.tokenId,
      body: request.method === 'GET' ? null : (request.body ?? null),
    });
  });

  registerOpportunityRoutes(app, ctx);
  registerOfferRoutes(app, ctx);
  registerArchiveReasonRoutes(app, ctx);
  registerReferenceRoutes(app, ctx);
  registerWebhookRoutes(app, ctx);
}
