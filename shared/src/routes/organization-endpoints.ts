import { routeRefs } from '../route-table.ts';
import type { organizationRoutes } from './organization.ts';

/**
 * Method and path of the organization's routes, with no schema (see `applicant-endpoints.ts` for
 * why): the route table (`organization.ts`) is built from these, the web app calls the refs.
 */
export const organizationEndpoints = {
  getSettings: { method: 'GET', path: '/api/organization/settings' },
  updateSettings: { method: 'PATCH', path: '/api/organization/settings' },
} as const;

export const organizationRefs = routeRefs<typeof organizationRoutes>(organizationEndpoints);
