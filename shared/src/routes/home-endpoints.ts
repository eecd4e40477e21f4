import { routeRefs } from '../route-table.ts';
import type { homeRoutes } from './home.ts';

/** Method and path of the home's routes, with no schema (see `applicant-endpoints.ts` for why). */
export const homeEndpoints = {
  todo: { method: 'GET', path: '/api/home/todo' },
  credit: { method: 'GET', path: '/api/home/credit' },
} as const;

export const homeRefs = routeRefs<typeof homeRoutes>(homeEndpoints);
