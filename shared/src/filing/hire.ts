import { compareIsoDates, isIsoDate } from '../wotc/dates.ts';
import type {
  ApplicantHire,
  HireProvenance,
  HireSource,
  HireValues,
  ScreenedAfterOffer,
} from '../schemas/hire.ts';

/**
 * The hire's rules (docs/filing.md §2): its dates' order, who may overwrite whose value, and the
 * screened-after-offer check. Pure: the server, the CSV import and the web form share them.
 */

export const HIRE_SOURCES = ['lever_webhook', 'lever_reconcile', 'admin', 'csv'] as const;

/** Values a person gave (an admin on the applicant page, or a CSV upload): "confirmed". */
export const CONFIRMING_SOURCES: readonly HireSource[] = ['admin', 'csv'];

export const HIRE_FIELDS = [
  'offeredOn',
  'hiredOn',
  'anticipatedStartOn',
  'startedOn',
  'position',
  'startingWage',
  'employedInState',
] as const;
export type HireField = (typeof HIRE_FIELDS)[number];

export const HIRE_FIELD_LABELS: Record<HireField, string> = {
  offeredOn: 'Offer date',
  hiredOn: 'Hire date',
  anticipatedStartOn: 'Anticipated start date',
  startedOn: 'Start date',
  position: 'Position',
  startingWage: 'Starting wage',
  employedInState: 'State of employment',
};

/** A value refused, with the field it belongs to (the CSV import maps it to its column). */
export interface HireProblem {
  field: HireField;
  message: string;
}

type HireDates = Partial<Pick<HireValues, 'offeredOn' | 'hiredOn' | 'startedOn'>>;

/**
 * The dates' own checks: each a real calendar day, the hire not before the offer, the start not
 * before the hire (nor before the offer when the hire date is unknown). Same-day is fine.
 * `[]` when nothing is wrong; unknown (`null`) dates are never a problem here.
 */
export function hireDateProblems(hire: HireDates): HireProblem[] {
  const problems: HireProblem[] = [];
  const known: HireDates = {};
  for (const field of ['offeredOn', 'hiredOn', 'startedOn'] as const) {
    const value = hire[field];
    if (value === null || value === undefined) continue;
    if (isIsoDate(value)) known[field] = value;
    else
      problems.push({
        field,
        message: `${HIRE_FIELD_LABELS[field]} is not a real date (YYYY-MM-DD).`,
      });
  }
  const { offeredOn, hiredOn, startedOn } = known;
  if (offeredOn && hiredOn && compareIsoDates(hiredOn, offeredOn) < 0) {
    problems.push({
      field: 'hiredOn',
      message: `The hire date (${hiredOn}) is before the offer date (${offeredOn}).`,
    });
  }
  if (startedOn && hiredOn && compareIsoDates(startedOn, hiredOn) < 0) {
    problems.push({
      field: 'startedOn',
      message: `The start date (${startedOn}) is before the hire date (${hiredOn}).`,
    });
  }
  if (startedOn && !hiredOn && offeredOn && compareIsoDates(startedOn, offeredOn) < 0) {
    problems.push({
      field: 'startedOn',
      message: `The start date (${startedOn}) is before the offer date (${offeredOn}).`,
    });
  }
  return problems;
}

/** `hireDateProblems` plus the wage: dollars and whole cents, not negative. */
export function hireProblems(hire: Partial<HireValues>): HireProblem[] {
  const problems = hireDateProblems(hire);
  const wage = hire.startingWage;
  if (wage !== null && wage !== undefined) {
    const cents = wage * 100;
    if (!Number.isFinite(wage) || wage < 0 || Math.abs(cents - Math.round(cents)) > 1e-6) {
      problems.push({
        field: 'startingWage',
        message: 'The starting wage is an amount in dollars and cents, e.g. 17.25.',
      });
    }
  }
  return problems;
}

/**
 * Flags a survey signed after the job offer, or after the hire when no offer date is known
 * (signing on the offer day itself is in time). `null` when in time or when the dates needed are
 * not known yet. `signedOn` is the signing day in the organization's time zone (`dayIn`).
 */
export function screenedAfterOffer(dates: {
  signedOn: string | null;
  offeredOn: string | null;
  hiredOn: string | null;
}): ScreenedAfterOffer | null {
  const { signedOn, offeredOn, hiredOn } = dates;
  if (signedOn === null) return null;
  const comparedWith = offeredOn !== null ? 'offeredOn' : hiredOn !== null ? 'hiredOn' : null;
  if (comparedWith === null) return null;
  if (compareIsoDates(signedOn, dates[comparedWith]!) <= 0) return null;
  return { signedOn, offeredOn, hiredOn, comparedWith };
}

/** New values for a hire: a key left out (`undefined`) keeps its value, `null` clears it. */
export type HireInput = Partial<HireValues>;

export interface HireMerge {
  hire: ApplicantHire;
  /** Fields whose value changed. */
  changed: HireField[];
  /** Fields a person re-entered with Lever's value: now confirmed, value unchanged. */
  confirmed: HireField[];
  /** Changed fields that held a person's value: `PUT …/hire` asks for a reason for these. */
  overwritesConfirmed: HireField[];
}

/** Every field unknown: the values and the provenance of a hire nothing is known about yet. */
function nothingKnown<T>(): T {
  return Object.fromEntries(HIRE_FIELDS.map((field) => [field, null])) as T;
}

/**
 * Applies `input` from `source` to a hire (`before`, or none yet). Lever never overwrites nor clears
 * what a person gave, and never clears anything (its `null` means "not known"). A person's value
 * replaces anything, and a person re-entering Lever's value confirms it (its provenance becomes
 * theirs; a person's value re-entered stays as it was). Nothing changed when `changed` and
 * `confirmed` are both empty, so the same CSV uploaded twice changes nothing the second time.
 */
export function mergeHire(
  before: ApplicantHire | null,
  input: HireInput,
  source: HireSource,
): HireMerge {
  const byPerson = CONFIRMING_SOURCES.includes(source);
  const hire: ApplicantHire = before
    ? { ...before, provenance: { ...before.provenance } }
    : { ...nothingKnown<HireValues>(), source, provenance: nothingKnown<HireProvenance>() };
  const result: HireMerge = { hire, changed: [], confirmed: [], overwritesConfirmed: [] };
  for (const field of HIRE_FIELDS) {
    const value = input[field];
    if (value === undefined) continue;
    const setBy = hire.provenance[field];
    const heldByPerson = setBy !== null && CONFIRMING_SOURCES.includes(setBy);
    if (!byPerson && (value === null || heldByPerson)) continue;
    if (value === hire[field]) {
      if (byPerson && value !== null && !heldByPerson) {
        hire.provenance[field] = source;
        result.confirmed.push(field);
      }
      continue;
    }
    if (heldByPerson && hire[field] !== null) result.overwritesConfirmed.push(field);
    (hire as Record<HireField, unknown>)[field] = value;
    hire.provenance[field] = value === null ? null : source;
    result.changed.push(field);
  }
  return result;
}
