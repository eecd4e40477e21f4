import {
  QUESTIONS,
  countyIsInState,
  isoToUsDate,
  isoToUsMonth,
  isCountyFips,
  maskSsn,
  pruneHiddenAnswers,
  ssnProblem,
  validateSubmission,
  type DraftAnswers,
  type QuestionDef,
} from '@eligo/shared/wotc';
import { signatureMatchesName, type SurveyStep } from '@eligo/shared/schemas/survey';

/**
 * Pure helpers behind the survey screens: which questions belong to a step, client-side checks
 * with the same shared rules the server runs, and the text formats people type (MM/DD/YYYY).
 */

export type Answers = Record<string, unknown>;

export const STEP_QUESTIONS: Record<1 | 2, readonly QuestionDef[]> = {
  1: QUESTIONS.filter((q) => q.step === 1),
  2: QUESTIONS.filter((q) => q.step === 2),
};

const STEP_OF = new Map<string, 1 | 2>(QUESTIONS.map((q) => [q.id, q.step === 1 ? 1 : 2]));

export function stepOf(id: string): 1 | 2 | undefined {
  return STEP_OF.get(id);
}

/** A stand-in used only while checking the form when the real SSN stays on the server. */
const SAVED_SSN_STAND_IN = '123-45-6789';

export interface FieldError {
  /** Question id (or `signature_full_name` / `signature_agreed`). */
  id: string;
  /** Validation code; the screens translate it. */
  code: string;
}

/**
 * The message code of an error as the applicant should read it: an SSN the SSA never issues says
 * why (`ssn_itin` for a number starting with 9, `ssn_area`, `ssn_group`, `ssn_serial`).
 */
export function errorCodeFor(error: FieldError, answers: Answers): string {
  if (error.id !== 'ssn' || error.code !== 'invalid_ssn' || typeof answers.ssn !== 'string') {
    return error.code;
  }
  const problem = ssnProblem(answers.ssn);
  return problem && problem !== 'shape' ? `ssn_${problem}` : error.code;
}

/** `/dob` → `dob` */
const idOf = (path: string) => path.replace(/^\//, '').split('/')[0] ?? '';

function errorsOf(answers: Answers, asOf: string, ssnSaved: boolean): FieldError[] {
  const pruned = pruneHiddenAnswers(answers as DraftAnswers, asOf);
  const candidate =
    ssnSaved && pruned.ssn === undefined ? { ...pruned, ssn: SAVED_SSN_STAND_IN } : pruned;
  return validateSubmission(candidate, asOf).errors.map((e) => ({
    id: idOf(e.path),
    code: e.code,
  }));
}

/** Errors of one step's questions, in the order they appear on screen. */
export function validateStep(
  step: 1 | 2,
  answers: Answers,
  asOf: string,
  ssnSaved: boolean,
): FieldError[] {
  const errors = errorsOf(answers, asOf, ssnSaved).filter((e) => stepOf(e.id) === step);
  const order = STEP_QUESTIONS[step].map((q) => q.id as string);
  return errors.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
}

export interface SignatureInput {
  fullName: string;
  agreed: boolean;
}

/** Everything that blocks submitting: unanswered or invalid questions first, then the signature. */
export function validateSubmit(
  answers: Answers,
  asOf: string,
  ssnSaved: boolean,
  signature: SignatureInput,
): FieldError[] {
  const errors = [
    ...validateStep(1, answers, asOf, ssnSaved),
    ...validateStep(2, answers, asOf, ssnSaved),
  ];
  if (!signature.fullName.trim())
    errors.push({ id: 'signature_full_name', code: 'signature_required' });
  else if (!signatureMatchesName(signature.fullName, answers as DraftAnswers))
    errors.push({ id: 'signature_full_name', code: 'signature_mismatch' });
  if (!signature.agreed) errors.push({ id: 'signature_agreed', code: 'consent_required' });
  return errors;
}

/**
 * The answers worth saving now: hidden ones dropped, and any that are not well-formed yet left
 * out (the form keeps them), so a save never fails on a half-typed field.
 */
export function saveableAnswers(answers: Answers, asOf: string): DraftAnswers {
  const pruned = pruneHiddenAnswers(answers as DraftAnswers, asOf) as Answers;
  const bad = new Set(
    validateSubmission(pruned, asOf)
      .errors.filter((e) => e.code !== 'required' && e.code !== 'dob_required_under_40')
      .map((e) => idOf(e.path)),
  );
  return Object.fromEntries(Object.entries(pruned).filter(([id]) => !bad.has(id))) as DraftAnswers;
}

/** Answers that stop fitting when `id` changes to `value`: a county of the previous state. */
export function staleAnswers(id: string, value: unknown, answers: Answers): string[] {
  const county = answers.county;
  if (id !== 'state' || !isCountyFips(county)) return [];
  return typeof value === 'string' && countyIsInState(county, value) ? [] : ['county'];
}

/** The step to resume at: the saved one, but never past a step that still has errors. */
export function resumeStep(
  saved: SurveyStep,
  answers: Answers,
  asOf: string,
  ssnSaved: boolean,
): SurveyStep {
  if (saved >= 2 && validateStep(1, answers, asOf, ssnSaved).length > 0) return 1;
  if (saved >= 3 && validateStep(2, answers, asOf, ssnSaved).length > 0) return 2;
  return saved;
}

// --- Text formats people type -------------------------------------------------------------

const pad = (n: string) => n.padStart(2, '0');

/**
 * What someone typed as a date → `YYYY-MM-DD` when it has the shape MM/DD/YYYY (also 3/7/1998,
 * 03-07-1998 or 03071998); otherwise the text itself, which the shared rules then flag as invalid.
 * Empty → undefined (unanswered).
 */
export function usDateToIso(text: string): string | undefined {
  const value = text.trim();
  if (!value) return undefined;
  const m =
    /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(value);
  return m ? `${m[3]}-${pad(m[1]!)}-${pad(m[2]!)}` : value;
}

/** `4/2026`, `04-2026` or `042026` → `2026-04`; otherwise the text itself. */
export function usMonthToIso(text: string): string | undefined {
  const value = text.trim();
  if (!value) return undefined;
  const m = /^(\d{1,2})[/.-](\d{4})$/.exec(value) ?? /^(\d{2})(\d{4})$/.exec(value);
  return m ? `${m[2]}-${pad(m[1]!)}` : value;
}

/** Digits as they are typed → `NNN-NN-NNNN` (at most nine digits). */
export function formatSsnInput(text: string): string {
  const digits = text.replace(/\D/g, '').slice(0, 9);
  if (digits.length > 5) return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
  if (digits.length > 3) return `${digits.slice(0, 3)}-${digits.slice(3)}`;
  return digits;
}

/** How the review step reads an SSN back: never the full number. */
export function ssnReadBack(
  value: unknown,
  ssnSaved: boolean,
): 'masked' | 'saved' | 'declined' | 'none' {
  if (value === 'declined') return 'declined';
  if (typeof value === 'string' && maskSsn(value)) return 'masked';
  return ssnSaved ? 'saved' : 'none';
}

export { isoToUsDate, isoToUsMonth, maskSsn };

/** Shown indented under the question it follows (step 2). */
export function isFollowUp(def: QuestionDef): boolean {
  return (
    def.step === 2 &&
    (def.parent !== undefined || def.id === 'q_tanf_recipient' || def.id === 'q_tanf_location')
  );
}

/** Step 1 in sections, each with a heading. */
export const ABOUT_YOU_SECTIONS = [
  { title: 'groupName', ids: ['first_name', 'middle_initial', 'last_name', 'ssn'] },
  { title: 'groupAddress', ids: ['street', 'city', 'state', 'zip', 'county'] },
  { title: 'groupContact', ids: ['phone', 'email'] },
  { title: 'groupAge', ids: ['age_band', 'dob'] },
  { title: 'groupWork', ids: ['worked_here_before', 'worked_here_last_date'] },
] as const;
