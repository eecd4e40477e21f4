import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    scheduler: { every(name: string, intervalMs: number, task: () => Promise<unknown>): void };
  }
}

/**
 * In-process periodic tasks (Lever health checks, the inbox sweep, survey reminders; what expires
 * is deleted by TTL indexes instead). Each run is awaited before the next is scheduled, failures
 * are logged, and everything stops when the app closes.
 */
export default fp(
  async (app) => {
    const timers = new Set<NodeJS.Timeout>();
    let closing = false;
    app.decorate('scheduler', {
      every(name: string, intervalMs: number, task: () => Promise<unknown>) {
        const schedule = () => {
          if (closing) return;
          const timer = setTimeout(async () => {
            timers.delete(timer);
            try {
              const result = await task();
              app.log.debug({ task: name, result }, 'periodic task done');
            } catch (error) {
              app.log.error({ err: error, task: name }, 'periodic task failed');
            }
            schedule();
          }, intervalMs);
          timer.unref();
          timers.add(timer);
        };
        schedule();
      },
    });
    app.addHook('onClose', async () => {
      closing = true;
      for (const timer of timers) clearTimeout(timer);
    });
  },
  { name: 'scheduler' },
);
