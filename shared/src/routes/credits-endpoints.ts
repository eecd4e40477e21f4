import { routeRefs } from '../route-table.ts';
import type { creditRoutes } from './credits.ts';

/** Method and path of the credit routes, with no schema (the web app calls them through refs). */
export const creditEndpoints = {
  importPayroll: { method: 'POST', path: '/api/payroll/import' },
  ledger: { method: 'GET', path: '/api/credits' },
  form5884: { method: 'GET', path: '/api/credits/form-5884' },
  setTermination: { method: 'PUT', path: '/api/credits/hires/:applicantId/termination' },
} as const;

export const creditRefs = routeRefs<typeof creditRoutes>(creditEndpoints);
