import type { FastifyInstance } from 'fastify';
import { jobRoutes } from '@eligo/shared/routes';
import { JOB_KINDS } from '@eligo/shared/schemas/jobs';
import { registerRoute } from '../../lib/route.ts';
import { requireAuth } from '../../plugins/auth.ts';

/**
 * Dead background work of the caller's organization, per kind (emails, Lever applications, Lever
 * tags), and "Retry all" of one kind (docs/jobs.md). Admins only; each retry is logged with who
 * asked and how many jobs it queued again.
 */
export default async function jobsModule(app: FastifyInstance): Promise<void> {
  registerRoute(app, jobRoutes.deadWork, {
    handler: async (request) => {
      const auth = requireAuth(request);
      const counts = await app.jobs.deadCounts(auth.organization._id);
      return { items: JOB_KINDS.map((kind) => ({ kind, count: counts[kind] ?? 0 })) };
    },
  });

  registerRoute(app, jobRoutes.retryDeadWork, {
    handler: async (request) => {
      const auth = requireAuth(request);
      const { kind } = request.body;
      const retried = await app.jobs.retryAll(kind, auth.organization._id);
      request.log.info(
        { kind, retried, userId: auth.user._id, organizationId: auth.organization._id },
        'an admin retried all dead jobs of a kind',
      );
      return { kind, retried };
    },
  });
}
