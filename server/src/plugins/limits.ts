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
    const attempts = attemptLimiter(app.mongo);
    app.decorate('attempts', attempts);
    app.scheduler.every('delete-expired-attempt-slots', 10 * 60_000, () =>
      attempts.deleteExpired(),
    );
  },
  { name: 'limits', dependencies: ['mongo', 'scheduler'] },
);
