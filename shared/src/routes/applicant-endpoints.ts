import { routeRefs } from '../route-table.ts';
import type { applicantRoutes } from './applicants.ts';
import type { auditRoutes } from './audit.ts';
import type { organizationRoutes } from './organization.ts';

/**
 * Method and path of the dashboard's routes, with no schema: the route tables are built from these
 * and the web app calls them through the refs below. Admin screens then build no schema, so shared
 * code they have in common with the survey keeps no TypeBox in the survey's download.
 */
export const applicantEndpoints = {
  list: { method: 'GET', path: '/api/applicants' },
  summary: { method: 'GET', path: '/api/applicants/summary' },
  get: { method: 'GET', path: '/api/applicants/:applicantId' },
  setEmail: { method: 'POST', path: '/api/applicants/:applicantId/email' },
  resendSurvey: { method: 'POST', path: '/api/applicants/:applicantId/survey/resend' },
  overrideWotcStatus: { method: 'POST', path: '/api/applicants/:applicantId/wotc-status' },
  retryTagSync: { method: 'POST', path: '/api/applicants/:applicantId/tag-sync/retry' },
  revealSsn: { method: 'POST', path: '/api/applicants/:applicantId/ssn/reveal' },
  exportCsv: { method: 'POST', path: '/api/applicants/export' },
} as const;

export const organizationEndpoints = {
  getSettings: { method: 'GET', path: '/api/organization/settings' },
  updateSettings: { method: 'PATCH', path: '/api/organization/settings' },
} as const;

export const auditEndpoints = {
  list: { method: 'GET', path: '/api/audit-records' },
} as const;

export const applicantRefs = routeRefs<typeof applicantRoutes>(applicantEndpoints);
export const organizationRefs = routeRefs<typeof organizationRoutes>(organizationEndpoints);
export const auditRefs = routeRefs<typeof auditRoutes>(auditEndpoints);
