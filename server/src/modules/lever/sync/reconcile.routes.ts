import type { FastifyInstance } from 'fastify';
import { ErrorCode } from '@eligo/shared/errors';
import { hireRoutes } from '@eligo/shared/routes/hires';
import { AppError } from '../../../lib/app-error.ts';
import { registerRoute } from '../../../lib/route.ts';
import { scoped } from '../../../lib/tenancy/tenant-repository.ts';
import { requireAuth } from '../../../plugins/auth.ts';
import { leverIntegrationModel } from '../integration.model.ts';
import { requestReconcile } from './reconcile-queue.ts';
import { canReconcile, RECONCILE_SCOPE } from './reconcile-state.ts';

/** "Look for hires now" on the Lever tile (admins): queues the reconcile, answers 202. */
export default async function reconcileRoutes(app: FastifyInstance): Promise<void> {
  registerRoute(app, hireRoutes.reconcile, {
    handler: async (request) => {
      const auth = requireAuth(request);
      const integration = await scoped(
        leverIntegrationModel(app.mongo),
        auth.organization._id,
      ).findById(request.params.integrationId);
      if (!integration) throw AppError.notFound('This integration does not exist');
      if (integration.status === 'disconnected') {
        throw new AppError(
          ErrorCode.IntegrationDisconnected,
          'Lever access was revoked or has expired. Reconnect Lever first.',
        );
      }
      if (!canReconcile(integration)) {
        throw new AppError(
          ErrorCode.Conflict,
          `Lever did not grant ${RECONCILE_SCOPE}, which tells which candidates were hired: reconnect Lever (and accept every permission) to look for hires.`,
        );
      }
      return requestReconcile(app, integration);
    },
  });
}
