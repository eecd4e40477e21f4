import { routeRefs } from '../route-table.ts';
import type { auditRoutes } from './audit.ts';

/**
 * Method and path of the audit log's routes, with no schema (see `applicant-endpoints.ts` for
 * why): the route table (`audit.ts`) is built from these, the web app calls the refs.
 */
export const auditEndpoints = {
  list: { method: 'GET', path: '/api/audit-records' },
} as const;

export const auditRefs = routeRefs<typeof auditRoutes>(auditEndpoints);
