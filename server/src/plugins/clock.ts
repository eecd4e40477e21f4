import fp from 'fastify-plugin';

/** What time it is. Deadlines, Filing buckets and the daily digest ask this, never `new Date()`. */
export interface Clock {
  now(): Date;
}

/** The real time: what production runs on. */
export const systemClock: Clock = { now: () => new Date() };

declare module 'fastify' {
  interface FastifyInstance {
    /** The application's clock (`createApp(config, { clock })` replaces it, e.g. in tests). */
    clock: Clock;
  }
}

/**
 * Decorates `app.clock`. Tests inject a clock they move forward, so "28 days later" and "08:00 in
 * Chicago" are reached without waiting or touching the system clock (docs/filing.md §3).
 */
export default fp(
  async (app, opts: { clock?: Clock }) => {
    app.decorate('clock', opts.clock ?? systemClock);
  },
  { name: 'clock' },
);
