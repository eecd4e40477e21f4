import { defineRoute } from './route-table.ts';
import { healthSchema, readySchema } from './schemas/health.ts';

export * from './route-table.ts';

/**
 * The API's route table. The server registers each entry (with its schemas) and the web client
 * derives its typed calls from the same entries. Add routes per domain, in the domain's file, and
 * list them here.
 */
export const systemRoutes = {
  health: defineRoute({
    method: 'GET',
    path: '/api/health',
    summary: 'Liveness: the process is up',
    tags: ['system'],
    response: healthSchema,
  }),
  ready: defineRoute({
    method: 'GET',
    path: '/api/ready',
    summary: 'Readiness: the database answers a ping',
    tags: ['system'],
    response: readySchema,
  }),
};
