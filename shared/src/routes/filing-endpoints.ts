import { routeRefs } from '../route-table.ts';
import type { accountPreferenceRoutes } from './account-preferences.ts';
import type { filingRoutes } from './filing.ts';
import type { hireRoutes } from './hires.ts';

/**
 * Method and path of the hire and filing routes, with no schema (as in applicant-endpoints.ts): the
 * route tables are built from these and the web app calls them through the refs below, so its
 * screens build no TypeBox schema.
 */
export const hireEndpoints = {
  put: { method: 'PUT', path: '/api/applicants/:applicantId/hire' },
  importCsv: { method: 'POST', path: '/api/hires/import' },
  reconcile: { method: 'POST', path: '/api/integrations/:integrationId/reconcile' },
} as const;

export const filingEndpoints = {
  summary: { method: 'GET', path: '/api/filing/summary' },
  list: { method: 'GET', path: '/api/filing' },
  setStatus: { method: 'POST', path: '/api/applicants/:applicantId/filing' },
  sign: { method: 'POST', path: '/api/filing/sign' },
  packet: { method: 'POST', path: '/api/filing/packets' },
  form8850: { method: 'GET', path: '/api/applicants/:applicantId/forms/8850.pdf' },
  form9061: { method: 'GET', path: '/api/applicants/:applicantId/forms/9061.pdf' },
  importDeterminations: { method: 'POST', path: '/api/filing/determinations/import' },
} as const;

export const accountPreferenceEndpoints = {
  get: { method: 'GET', path: '/api/account/preferences' },
  update: { method: 'PATCH', path: '/api/account/preferences' },
} as const;

export const hireRefs = routeRefs<typeof hireRoutes>(hireEndpoints);
export const filingRefs = routeRefs<typeof filingRoutes>(filingEndpoints);
export const accountPreferenceRefs = routeRefs<typeof accountPreferenceRoutes>(
  accountPreferenceEndpoints,
);
