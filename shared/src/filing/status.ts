import { ErrorCode } from '../errors.ts';
import { compareIsoDates } from '../wotc/dates.ts';
import type { FilingStatus } from '../schemas/filing-status.ts';
import type { SetFilingStatusBody } from '../schemas/filing.ts';
import { isSubmittedLate } from './deadline.ts';

/**
 * What became of the request at the state (docs/filing.md §5): `not_submitted`, then `submitted`
 * (date, method, the state's reference), then the state's determination: `certified` (target
 * group, certification number), `denied` (reason; appealable) or `held` (the program is not
 * authorized for this start date, so the state keeps the request without deciding).
 */

export const FILING_STATES = ['not_submitted', 'submitted', 'certified', 'denied', 'held'] as const;
export type FilingState = (typeof FILING_STATES)[number];

/** The states an admin records (`POST /api/applicants/:applicantId/filing`). */
export const RECORDED_FILING_STATES = ['submitted', 'certified', 'denied', 'held'] as const;
export type RecordedFilingState = (typeof RECORDED_FILING_STATES)[number];

export const FILING_METHODS = ['portal', 'mail', 'fax', 'email'] as const;
export type FilingMethod = (typeof FILING_METHODS)[number];

export const FILING_STATE_LABELS: Record<FilingState, string> = {
  not_submitted: 'Not submitted',
  submitted: 'Submitted',
  certified: 'Certified',
  denied: 'Denied',
  held: 'Held by the state',
};

export const FILING_METHOD_LABELS: Record<FilingMethod, string> = {
  portal: 'State portal',
  mail: 'Mail',
  fax: 'Fax',
  email: 'Email',
};

/** The status of a hire nothing has been recorded for. */
export const NOT_SUBMITTED: FilingStatus = {
  state: 'not_submitted',
  submission: null,
  determination: null,
};

/**
 * Allowed moves. `submitted → submitted` corrects the date, method or reference (the timeline keeps
 * both). A hold ends in a determination once the program is authorized again. A denial can become
 * a certification when an appeal succeeds. A certification is final.
 */
export const FILING_TRANSITIONS: Readonly<Record<FilingState, readonly RecordedFilingState[]>> = {
  not_submitted: ['submitted'],
  submitted: ['submitted', 'certified', 'denied', 'held'],
  held: ['certified', 'denied'],
  denied: ['certified'],
  certified: [],
};

type DetailField = 'method' | 'reference' | 'targetGroup' | 'certificationNumber' | 'reason';

/** For each recorded state, the body fields it needs and the ones it may carry. */
export const FILING_STATE_FIELDS: Readonly<
  Record<
    RecordedFilingState,
    { required: readonly DetailField[]; optional: readonly DetailField[] }
  >
> = {
  submitted: { required: ['method'], optional: ['reference'] },
  certified: { required: ['targetGroup'], optional: ['certificationNumber'] },
  denied: { required: ['reason'], optional: [] },
  held: { required: [], optional: ['reason'] },
};

const DETAIL_FIELDS: readonly DetailField[] = [
  'method',
  'reference',
  'targetGroup',
  'certificationNumber',
  'reason',
];

export interface FilingProblem {
  /** JSON-pointer-like, as in the API's error details (`/body/on`). */
  path: string;
  message: string;
}

export type FilingCheck =
  | { ok: true }
  | {
      ok: false;
      code:
        | typeof ErrorCode.HireDatesMissing
        | typeof ErrorCode.FilingTransitionInvalid
        | typeof ErrorCode.ValidationFailed;
      message: string;
      problems: FilingProblem[];
    };

export function canTransition(from: FilingState, to: RecordedFilingState): boolean {
  return FILING_TRANSITIONS[from].includes(to);
}

function transitionRefusal(from: FilingState, to: RecordedFilingState): string {
  if (from === 'certified') return 'The state certified this hire: a certification is final.';
  if (from === 'not_submitted') {
    return `Nothing was submitted yet: record the submission before it can be ${FILING_STATE_LABELS[to].toLowerCase()}.`;
  }
  return `A filing that is ${FILING_STATE_LABELS[from].toLowerCase()} cannot become ${FILING_STATE_LABELS[to].toLowerCase()}.`;
}

function dateProblems(
  current: FilingStatus,
  body: SetFilingStatusBody,
  startedOn: string,
  today: string | undefined,
): FilingProblem[] {
  const problems: FilingProblem[] = [];
  const at = (message: string) => problems.push({ path: '/body/on', message });
  if (compareIsoDates(body.on, startedOn) < 0) at(`is before the start date (${startedOn})`);
  if (today !== undefined && compareIsoDates(body.on, today) > 0) at(`is after today (${today})`);
  // A determination follows what it answers; a corrected submission only needs to follow the start.
  if (body.status !== 'submitted') {
    const { determination, submission } = current;
    if (determination && compareIsoDates(body.on, determination.on) < 0) {
      at(
        `is before the ${FILING_STATE_LABELS[determination.state].toLowerCase()} date (${determination.on})`,
      );
    } else if (submission && compareIsoDates(body.on, submission.on) < 0) {
      at(`is before the submission date (${submission.on})`);
    }
  }
  return problems;
}

/**
 * Whether `body` may be recorded on a hire whose status is `current` and who started on
 * `startedOn` (`today`, when given, refuses dates in the future). The code says which answer the
 * API gives: `HIRE_DATES_MISSING` (no confirmed start: there is no deadline to be on time for),
 * `FILING_TRANSITION_INVALID` (e.g. certifying what was never submitted), `VALIDATION_FAILED`
 * (a field the state needs is missing, a field belongs to another state, a date out of order).
 */
export function checkFilingTransition(
  current: FilingStatus,
  body: SetFilingStatusBody,
  startedOn: string | null,
  today?: string,
): FilingCheck {
  if (startedOn === null) {
    return {
      ok: false,
      code: ErrorCode.HireDatesMissing,
      message: 'Confirm the start date before recording what the state did with the filing.',
      problems: [{ path: '/hire/startedOn', message: 'is not known yet' }],
    };
  }
  const to = body.status;
  if (!canTransition(current.state, to)) {
    const message = transitionRefusal(current.state, to);
    return {
      ok: false,
      code: ErrorCode.FilingTransitionInvalid,
      message,
      problems: [{ path: '/body/status', message }],
    };
  }
  const { required, optional } = FILING_STATE_FIELDS[to];
  const problems: FilingProblem[] = [];
  for (const field of DETAIL_FIELDS) {
    const given = body[field] !== undefined;
    if (required.includes(field) && !given) {
      problems.push({ path: `/body/${field}`, message: `is required for ${to}` });
    } else if (given && !required.includes(field) && !optional.includes(field)) {
      problems.push({ path: `/body/${field}`, message: `does not belong to ${to}` });
    }
  }
  problems.push(...dateProblems(current, body, startedOn, today));
  if (problems.length === 0) return { ok: true };
  return {
    ok: false,
    code: ErrorCode.ValidationFailed,
    message: `The ${to} record is not complete or not consistent.`,
    problems,
  };
}

/** The status after recording `body` (call `checkFilingTransition` first). */
export function applyFilingTransition(
  current: FilingStatus,
  body: SetFilingStatusBody,
  startedOn: string,
): FilingStatus {
  if (body.status === 'submitted') {
    return {
      state: 'submitted',
      submission: {
        on: body.on,
        method: body.method!,
        reference: body.reference ?? null,
        late: isSubmittedLate(body.on, startedOn),
      },
      determination: null,
    };
  }
  return {
    state: body.status,
    submission: current.submission,
    determination: {
      state: body.status,
      on: body.on,
      targetGroup: body.targetGroup ?? null,
      certificationNumber: body.certificationNumber ?? null,
      reason: body.reason ?? null,
    },
  };
}
