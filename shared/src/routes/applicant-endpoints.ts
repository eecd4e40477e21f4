import { routeRefs } from '../route-table.ts';
import type { applicantRoutes } from './applicants.ts';

/**
 * Method and path of the dashboard's routes, with no schema: the route table (`applicants.ts`) is
 * built from these and the web app calls them through the refs below. Admin screens then build no
 * schema, so shared code they have in common with the survey keeps no TypeBox in the survey's
 * download. The organization's and the audit log's are in their own files beside this one.
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
  viewProtectedAnswers: {
    method: 'POST',
    path: '/api/applicants/:applicantId/protected-answers/view',
  },
  exportCsv: { method: 'POST', path: '/api/applicants/export' },
} as const;

export const applicantRefs = routeRefs<typeof applicantRoutes>(applicantEndpoints);
