import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import { AppError } from '../lib/app-error.ts';

/**
 * `@fastify/rate-limit`, off by default: routes opt in with `config.rateLimit` (e.g. the public
 * survey, per client IP). Counters live in this process's memory, so several API instances each
 * count on their own. Over the limit: 429 in the shared error body, with `Retry-After`.
 */
export default fp(
  async (app) => {
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
        AppError.rateLimited(
          'Too many requests. Please wait a minute and try again.',
          context.ttl / 1000,
        ),
    });
  },
  { name: 'rate-limit', dependencies: ['errors'] },
);
