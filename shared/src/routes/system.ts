import { defineRoute } from '../route-table.ts';
import { healthSchema, readySchema } from '../schemas/health.ts';

export const systemRoutes = {
  health: defineRoute({
    method: 'GET',
    path: '/api/health',
    summary: 'Liveness: the process is up',
    access: 'public',
    tags: ['system'],
    response: healthSchema,
  }),
  ready: defineRoute({
    method: 'GET',
    path: '/api/ready',
    summary: 'Readiness: the database answers a ping',
    access: 'public',
    tags: ['system'],
    response: readySchema,
  }),
};
