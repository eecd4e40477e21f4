import { defineRoute } from '../route-table.ts';
import {
  deadWorkSchema,
  retryDeadWorkBodySchema,
  retryDeadWorkResultSchema,
} from '../schemas/jobs.ts';
import { jobEndpoints } from './jobs-endpoints.ts';

/**
 * Background work that died (docs/jobs.md): how much per kind, for the admin home's to-do list,
 * and "Retry all" of one kind. Dead work also comes back on its own once its dependency (the mail
 * server, Lever) answers again; these routes are for an admin who does not want to wait.
 */
export const jobRoutes = {
  deadWork: defineRoute({
    ...jobEndpoints.deadWork,
    summary: "How many of the organization's background jobs are dead, per kind",
    access: 'admin',
    tags: ['jobs'],
    response: deadWorkSchema,
  }),
  retryDeadWork: defineRoute({
    ...jobEndpoints.retryDeadWork,
    summary: "Retry all of the organization's dead jobs of one kind",
    access: 'admin',
    tags: ['jobs'],
    body: retryDeadWorkBodySchema,
    response: retryDeadWorkResultSchema,
  }),
};
