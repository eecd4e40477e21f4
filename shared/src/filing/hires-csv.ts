import type { HireField } from './hire.ts';

/**
 * The hires CSV (`POST /api/hires/import`, docs/filing.md §2): its header and how its errors are
 * named. Parsing is the server's; these keep the server, the web's upload screen and the docs on
 * the same columns.
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

/**
 * The `path` of one error in a CSV's `details`: `/csv/<line>/<column>`, the line counted as a
 * spreadsheet shows it (the header is line 1), the column by its header name; `/csv/<line>` for a
 * whole line, `/csv` for the file (a wrong header, too many rows).
 */
export function csvErrorPath(line?: number, column?: string): string {
  if (line === undefined) return '/csv';
  return column === undefined ? `/csv/${line}` : `/csv/${line}/${column}`;
}
