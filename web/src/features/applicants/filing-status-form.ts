import {
  FILING_METHODS,
  FILING_STATE_FIELDS,
  FILING_TRANSITIONS,
  checkFilingTransition,
  type FilingMethod,
  type RecordedFilingState,
} from '@eligo/shared/filing';
import type { SetFilingStatusBody } from '@eligo/shared/schemas/filing';
import type { FilingStatus } from '@eligo/shared/schemas/filing-status';
import { DOL_CODES, type DolCode } from '@eligo/shared/wotc';
import { usDateToIso } from '../survey/survey-form.ts';
import { withUsDates } from './hire-form.ts';

/**
 * The applicant page's "Record what the state did" form (docs/filing.md §5): the moves allowed
 * from the current status, the fields each needs (the shared table the API checks with), and the
 * body of `POST /api/applicants/:applicantId/filing`. Dates are typed as US dates.
 */

export interface FilingStatusFormValues {
  status: RecordedFilingState | '';
  on: string;
  method: FilingMethod | '';
  reference: string;
  targetGroup: DolCode | '';
  certificationNumber: string;
  reason: string;
}
export type FilingStatusField = keyof FilingStatusFormValues;

export function emptyFilingStatusForm(current: FilingStatus): FilingStatusFormValues {
  const next = FILING_TRANSITIONS[current.state];
  return {
    status: next.length === 1 ? next[0]! : '',
    on: '',
    method: '',
    reference: '',
    targetGroup: '',
    certificationNumber: '',
    reason: '',
  };
}

/** The statuses the form offers from `current` (none once certified). */
export function nextStatuses(current: FilingStatus): readonly RecordedFilingState[] {
  return FILING_TRANSITIONS[current.state];
}

type DetailField = 'method' | 'reference' | 'targetGroup' | 'certificationNumber' | 'reason';

/** Whether the form shows `field` for the chosen status (required or optional for it). */
export function showsField(status: RecordedFilingState | '', field: DetailField): boolean {
  if (!status) return false;
  const { required, optional } = FILING_STATE_FIELDS[status];
  return required.includes(field) || optional.includes(field);
}

export const FILING_FIELD_PROBLEMS: Record<FilingStatusField, string> = {
  status: 'Choose what happened.',
  on: 'Enter the day it happened as MM/DD/YYYY, not before the start date nor after today.',
  method: 'Choose how the forms were sent.',
  reference: 'Enter the state’s reference, or leave it empty.',
  targetGroup: 'Choose the target group the state certified.',
  certificationNumber: 'Enter the certification number, or leave it empty.',
  reason: 'Say why, in a few words (the state’s reason).',
};

export type FilingStatusCheck =
  | { ok: true; body: SetFilingStatusBody }
  | { ok: false; problems: Partial<Record<FilingStatusField, string>> };

/**
 * The body to send, or the fields to fix: what the API would refuse is said here first (the same
 * shared check), so the admin fixes it before sending.
 */
export function toFilingStatusBody(
  form: FilingStatusFormValues,
  current: FilingStatus,
  startedOn: string | null,
  /** Today in the organization's zone, when known (the server refuses later days either way). */
  today?: string,
): FilingStatusCheck {
  if (!form.status) return { ok: false, problems: { status: FILING_FIELD_PROBLEMS.status } };
  const status = form.status;
  const text = (value: string) => (value.trim() ? value.trim() : undefined);
  const candidate = {
    status,
    on: usDateToIso(form.on) ?? '',
    method: showsField(status, 'method') && form.method ? form.method : undefined,
    reference: showsField(status, 'reference') ? text(form.reference) : undefined,
    targetGroup:
      showsField(status, 'targetGroup') && form.targetGroup ? form.targetGroup : undefined,
    certificationNumber: showsField(status, 'certificationNumber')
      ? text(form.certificationNumber)
      : undefined,
    reason: showsField(status, 'reason') ? text(form.reason) : undefined,
  };
  const body = Object.fromEntries(
    Object.entries(candidate).filter(([, value]) => value !== undefined),
  ) as SetFilingStatusBody;
  const problems: Partial<Record<FilingStatusField, string>> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(body.on)) problems.on = FILING_FIELD_PROBLEMS.on;
  if (body.reason !== undefined && body.reason.length < 3) {
    problems.reason = FILING_FIELD_PROBLEMS.reason;
  }
  if (Object.keys(problems).length === 0) {
    const check = checkFilingTransition(current, body, startedOn, today);
    if (!check.ok) {
      for (const problem of check.problems) {
        const key = problem.path.replace(/^\/body\//, '') as FilingStatusField;
        if (key === 'on') problems.on = withUsDates(`The date ${problem.message}.`);
        else if (key !== 'status' && key in FILING_FIELD_PROBLEMS) {
          problems[key] = FILING_FIELD_PROBLEMS[key];
        } else problems.status = check.message;
      }
    }
  }
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, body };
}

export const METHOD_CHOICES = FILING_METHODS;
export const TARGET_GROUP_CHOICES = DOL_CODES;
