import {
  HIRE_FIELD_LABELS,
  hireProblems,
  mergeHire,
  type EmployerState,
  type HireField,
} from '@eligo/shared/filing';
import type { ApplicantHire, HireSource } from '@eligo/shared/schemas/hire';
import type { PutHireBody } from '@eligo/shared/schemas/hires';
import { isIsoDate } from '@eligo/shared/wotc/dates';
import { isoToUsDate, usDateToIso } from '../survey/survey-form.ts';

/**
 * The Hire form of the applicant page (docs/filing.md §2) as the text people type: dates as
 * MM/DD/YYYY (as the survey takes them), the wage as dollars. `toHireBody` turns it into
 * `PUT …/hire`'s body, or says in words what is wrong with each field.
 */
export type EditableHireField = Exclude<HireField, 'anticipatedStartOn'>;
export type HireForm = Record<EditableHireField, string> & { reason: string };
export type HireFormKey = EditableHireField | 'reason';

const DATE_FIELDS = ['offeredOn', 'hiredOn', 'startedOn'] as const;

/** Who set a value, in words: Lever or a person. */
export const SOURCE_WORDS: Record<HireSource, string> = {
  lever_webhook: 'from Lever',
  lever_reconcile: 'from Lever',
  admin: 'entered by a person',
  csv: 'from a person’s CSV upload',
};

/** What to do about a field the server refused with a schema's words. */
export const HIRE_FIELD_PROBLEMS: Record<HireFormKey, string> = {
  offeredOn: 'Enter a real date as MM/DD/YYYY.',
  hiredOn: 'Enter a real date as MM/DD/YYYY.',
  startedOn: 'Enter a real date as MM/DD/YYYY.',
  position: 'Enter the position, at most 200 characters.',
  startingWage: 'Enter the wage in dollars and cents, e.g. 17.25.',
  employedInState: 'Choose the state from the list.',
  reason: 'Say why, in 3 to 500 characters.',
};

export function toHireForm(hire: ApplicantHire | null | undefined): HireForm {
  return {
    offeredOn: isoToUsDate(hire?.offeredOn ?? ''),
    hiredOn: isoToUsDate(hire?.hiredOn ?? ''),
    startedOn: isoToUsDate(hire?.startedOn ?? ''),
    position: hire?.position ?? '',
    startingWage:
      hire?.startingWage === null || hire?.startingWage === undefined
        ? ''
        : hire.startingWage.toFixed(2),
    employedInState: hire?.employedInState ?? '',
    reason: '',
  };
}

/** `2026-03-09` in a sentence of the shared rules → `03/09/2026`, as the form shows dates. */
export const withUsDates = (text: string) =>
  text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (iso) => isoToUsDate(iso));

type HireValuesBody = Omit<PutHireBody, 'reason'>;

function parseWage(text: string): number | null | undefined {
  const cleaned = text.replace(/[$,\s]/g, '');
  if (cleaned === '') return null;
  const wage = Number(cleaned);
  return /^\d+(\.\d+)?$/.test(cleaned) && Number.isFinite(wage) ? wage : undefined;
}

export type HireFormCheck =
  | { ok: true; body: PutHireBody; overwritesConfirmed: HireField[] }
  | { ok: false; problems: Partial<Record<HireFormKey, string>>; overwritesConfirmed: HireField[] };

/**
 * Reads the form: each field's shape, then the shared rules (dates in order, whole cents), then
 * whether a value a person confirmed changes — which needs a reason.
 */
export function toHireBody(
  form: HireForm,
  before: ApplicantHire | null | undefined,
): HireFormCheck {
  const problems: Partial<Record<HireFormKey, string>> = {};
  const dates = {} as Record<(typeof DATE_FIELDS)[number], string | null>;
  for (const field of DATE_FIELDS) {
    const iso = usDateToIso(form[field]) ?? null;
    if (iso !== null && !isIsoDate(iso)) problems[field] = HIRE_FIELD_PROBLEMS[field];
    dates[field] = iso;
  }
  const wage = parseWage(form.startingWage);
  if (wage === undefined) problems.startingWage = HIRE_FIELD_PROBLEMS.startingWage;
  const values: HireValuesBody = {
    ...dates,
    position: form.position.trim() || null,
    startingWage: wage ?? null,
    employedInState: (form.employedInState || null) as EmployerState | null,
  };
  for (const problem of hireProblems(values)) {
    problems[problem.field as EditableHireField] ??= withUsDates(problem.message);
  }
  const { overwritesConfirmed } = mergeHire(before ?? null, values, 'admin');
  const reason = form.reason.trim();
  if (overwritesConfirmed.length > 0 && reason.length < 3) {
    problems.reason = `You are changing ${overwritesConfirmed
      .map((field) => HIRE_FIELD_LABELS[field].toLowerCase())
      .join(', ')}, which a person confirmed: say why (at least 3 characters).`;
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems, overwritesConfirmed };
  return {
    ok: true,
    body: overwritesConfirmed.length > 0 ? { ...values, reason } : values,
    overwritesConfirmed,
  };
}
