import type { FastifyInstance } from 'fastify';
import { ErrorCode } from '@eligo/shared/errors';
import { systemRoutes } from '@eligo/shared/routes';
import { AppError } from '../../lib/app-error.ts';
import { registerRoute } from '../../lib/route.ts';
import { pingDatabase } from '../../plugins/mongo.ts';

export default async function systemModule(app: FastifyInstance): Promise<void> {
  registerRoute(app, systemRoutes.health, {
    handler: async () => ({ status: 'ok' as const }),
  });

  registerRoute(app, systemRoutes.ready, {
    handler: async () => {
      if (!(await pingDatabase(app.mongo))) {
        throw new AppError(ErrorCode.ServiceUnavailable, 'The database is not reachable');
      }
      return { status: 'ready' as const, database: 'up' as const };
    },
  });
}
