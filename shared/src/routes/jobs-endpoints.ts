import { routeRefs } from '../route-table.ts';
import type { jobRoutes } from './jobs.ts';

/** Method and path of the dead-work routes, with no schema (the web app calls them through refs). */
export const jobEndpoints = {
  deadWork: { method: 'GET', path: '/api/jobs/dead' },
  retryDeadWork: { method: 'POST', path: '/api/jobs/retry' },
} as const;

export const jobRefs = routeRefs<typeof jobRoutes>(jobEndpoints);
