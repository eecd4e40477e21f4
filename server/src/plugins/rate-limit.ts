import rateLimit from '@fastify/rate-limit';
import type { onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../lib/app-error.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Requests per client IP and window for this route, counted in the database by `app.attempts`
     * (the slot reservations of the sign-in limits): every API instance shares the count, and
     * parallel requests cannot slip past it. For limits that protect something (guessing links).
     */
    sharedRateLimit?: { max: number; windowMs: number };
  }
}

const TOO_MANY = 'Too many requests. Please wait a minute and try again.';

/**
 * Two kinds of per-route request limits, both off unless a route opts in; over either, 429 in the
 * shared error body with `Retry-After` (README "Shared state"):
 *
 * - `config.sharedRateLimit`: counted in the database, shared by every instance (the survey).
 * - `config.rateLimit` (`@fastify/rate-limit`): counted in this process's memory, so each instance
 *   counts on its own. For capacity guards where a shared count would only add a database write
 *   per request (the county lists, Lever's webhook).
 */
export default fp(
  async (app) => {
    app.addHook('onRoute', (route) => {
      const limit = route.config?.sharedRateLimit;
      if (!limit) return;
      const name = `${[route.method].flat().join(',')} ${route.url}`;
      const countRequest: onRequestHookHandler = async (request) => {
        const reservation = await app.attempts.reserve(`rate:${name}:${request.ip}`, limit);
        if (!reservation.ok) throw AppError.rateLimited(TOO_MANY, reservation.retryAfterSeconds);
      };
      route.onRequest = [...[route.onRequest ?? []].flat(), countRequest];
    });

    await app.register(rateLimit, {
      global: false,
      addHeadersOnExceeding: {
        'x-ratelimit-limit': false,
        'x-ratelimit-remaining': false,
        'x-ratelimit-reset': false,
      },
      addHeaders: {
        'x-ratelimit-limit': false,
        'x-ratelimit-remaining': false,
        'x-ratelimit-reset': false,
        'retry-after': true,
      },
      errorResponseBuilder: (_request, context) =>
        AppError.rateLimited(TOO_MANY, context.ttl / 1000),
    });
  },
  { name: 'rate-limit', dependencies: ['errors', 'limits'] },
);
