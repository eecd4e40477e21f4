import type { FastifyInstance } from 'fastify';
import { ErrorCode } from '@eligo/shared/errors';
import { systemRoutes } from '@eligo/shared/routes';
import { AppError } from '../../lib/app-error.ts';
import { registerRoute } from '../../lib/route.ts';
import { pingDatabase } from '../../plugins/mongo.ts';

export default async function systemModule(app: FastifyInstance): Promise<void> {
  // Load balancers and the launcher probe these by IP address: they answer any Host (and say
  // nothing but "up").
  const probe = { anyHost: true };
  registerRoute(app, systemRoutes.health, {
    config: probe,
    handler: async () => ({ status: 'ok' as const }),
  });

  registerRoute(app, systemRoutes.ready, {
    config: probe,
    handler: async () => {
      if (!(await pingDatabase(app.mongo))) {
        throw new AppError(ErrorCode.ServiceUnavailable, 'The database is not reachable');
      }
      return { status: 'ready' as const, database: 'up' as const };
    },
  });
}
