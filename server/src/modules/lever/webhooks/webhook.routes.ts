import type { FastifyInstance, FastifyRequest } from 'fastify';
import { webhookRoutes } from '@eligo/shared/routes';
import { registerRoute } from '../../../lib/route.ts';
import { webhookReceiver } from './webhook-receiver.ts';

/** Lever's deliveries are a few hundred bytes; anything much larger is not Lever. */
export const WEBHOOK_BODY_LIMIT = 16 * 1024;

const rawBodies = new WeakMap<FastifyRequest, string>();

/**
 * Lever's webhook receiver, an encapsulated public plugin: no session, no CSRF check (the
 * signature is the proof), JSON only with its own small body limit (other types → 415, larger →
 * 413, malformed or `__proto__` → 400), and a per-integration rate limit.
 *
 * The rate limit is counted per API instance, on purpose: it bounds the work one webhook URL can
 * cause each instance (it is a capacity guard, not a quota), and sharing it through the database
 * would add a write to every delivery. Lever's own traffic stays far below it; over it, Lever is
 * answered 429 and retries.
 */
export default async function webhookModule(app: FastifyInstance): Promise<void> {
  const receiver = webhookReceiver(app);
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: WEBHOOK_BODY_LIMIT },
    (request, body, done) => {
      rawBodies.set(request, body as string);
      parseJson(request, body as string, done);
    },
  );

  const options = {
    bodyLimit: WEBHOOK_BODY_LIMIT,
    config: {
      csrf: false,
      rateLimit: {
        max: app.config.leverSettings.webhookRateLimitPerMinute,
        timeWindow: 60_000,
        // Per integration, whichever of its webhook URLs is called.
        keyGenerator: (request: FastifyRequest) =>
          `lever-webhook:${(request.params as { integrationId?: string }).integrationId ?? ''}`,
      },
    },
  };
  registerRoute(app, webhookRoutes.lever, {
    ...options,
    handler: async (request) =>
      receiver.receive(
        request.params.integrationId,
        null,
        request.body,
        rawBodies.get(request) ?? '',
      ),
  });
  registerRoute(app, webhookRoutes.leverHook, {
    ...options,
    handler: async (request) =>
      receiver.receive(
        request.params.integrationId,
        request.params.hookKey,
        request.body,
        rawBodies.get(request) ?? '',
      ),
  });
}
