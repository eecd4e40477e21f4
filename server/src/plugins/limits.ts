import fp from 'fastify-plugin';
import { attemptLimiter, type AttemptLimiter } from '../lib/limits/attempt-limiter.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Exact attempt counters shared by every API instance (sign-in, password checks). */
    attempts: AttemptLimiter;
  }
}

export default fp(
  async (app) => {
    app.decorate('attempts', attemptLimiter(app.mongo));
  },
  { name: 'limits', dependencies: ['mongo'] },
);
