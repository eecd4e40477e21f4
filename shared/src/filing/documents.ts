/**
 * Signing and the state packet (docs/forms.md §8–§9): limits and file layout shared by the server,
 * the Filing screen and the docs. No schema here (the web app imports it).
 */

/**
 * The most hires one signing or one packet may name. A packet of this size is ~2,000 PDFs streamed
 * in a few minutes; larger selections are refused with a 400 (split them, e.g. by state).
 */
export const FILING_BATCH_MAX = 1000;

/**
 * The determinations CSV (`POST /api/filing/determinations/import`, docs/filing.md §5): the state's
 * answers, one row per hire. `employee` is the Lever opportunity id or the email (as in the hires
 * CSV); `status` is `certified`, `denied` or `held`; `on` the day of the determination;
 * `target_group` the DOL code certified (certified only); `certification_number` (certified,
 * optional); `reason` (denied: required; held: optional).
 */
export const DETERMINATIONS_CSV_HEADER = [
  'employee',
  'status',
  'on',
  'target_group',
  'certification_number',
  'reason',
] as const;
export type DeterminationsCsvColumn = (typeof DETERMINATIONS_CSV_HEADER)[number];

/** The states a determinations row may record. */
export const DETERMINATION_STATES = ['certified', 'denied', 'held'] as const;
export type DeterminationState = (typeof DETERMINATION_STATES)[number];

/** A packet's folder for one hire: `<state>/<last name>-<applicant id>/` (file-name safe). */
export function packetFolder(state: string, lastName: string, applicantId: string): string {
  const safe = lastName
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9 .'-]+/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .slice(0, 60);
  return `${state}/${safe || 'applicant'}-${applicantId}/`;
}
