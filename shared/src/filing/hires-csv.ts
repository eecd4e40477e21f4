import type { HireField } from './hire.ts';

/**
 * The hires CSV (`POST /api/hires/import`, docs/filing.md §2, file rules in docs/csv-imports.md):
 * its header, in order. Parsing is the server's (lib/csv-import); this keeps the server, the web's
 * upload screen (a template to download) and the docs on the same columns.
 */
export const HIRES_CSV_HEADER = [
  'employee',
  'offered_on',
  'hired_on',
  'started_on',
  'position',
  'starting_wage',
  'state',
] as const;
export type HiresCsvColumn = (typeof HIRES_CSV_HEADER)[number];

/** The hire field each value column fills (`employee` names the applicant instead). */
export const HIRES_CSV_FIELDS: Readonly<Record<Exclude<HiresCsvColumn, 'employee'>, HireField>> = {
  offered_on: 'offeredOn',
  hired_on: 'hiredOn',
  started_on: 'startedOn',
  position: 'position',
  starting_wage: 'startingWage',
  state: 'employedInState',
};
