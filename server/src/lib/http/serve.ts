import closeWithGrace from 'close-with-grace';
import type { FastifyInstance } from 'fastify';

/**
 * Listens, and on SIGTERM/SIGINT (or an uncaught error) closes gracefully: Fastify stops accepting
 * connections and answers 503 to requests still arriving on open ones, in-flight requests finish,
 * running jobs are drained (`app.jobs`, at most JOBS_DRAIN_TIMEOUT_MS, then released to other
 * instances), the periodic tasks stop and the database connection closes; then exit 0. A close
 * longer than `shutdownGraceMs` exits 1.
 */
export async function serve(
  app: FastifyInstance,
  { host, port, shutdownGraceMs }: { host: string; port: number; shutdownGraceMs: number },
): Promise<void> {
  closeWithGrace(
    {
      delay: shutdownGraceMs,
      logger: {
        error: (message: unknown) => app.log.error({ detail: message }, 'forced shutdown'),
      },
    },
    async ({ signal, err }) => {
      if (err) app.log.error({ err }, 'closing after an uncaught error');
      else app.log.info({ signal }, 'closing');
      await app.close();
      app.log.info('closed');
    },
  );
  await app.listen({ host, port });
}
