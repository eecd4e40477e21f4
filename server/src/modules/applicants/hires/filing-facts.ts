import {
  HIRE_FIELDS,
  NOT_SUBMITTED,
  dayIn,
  filingDueOn,
  filingMissing,
  screenedAfterOffer,
} from '@eligo/shared/filing';
import type { ApplicantHire, HireValues } from '@eligo/shared/schemas/hire';
import type { Applicant } from '../applicant.model.ts';
import type {
  FilingPhase,
  SignedHireValues,
  StoredEmployerSignature,
  StoredFilingFacts,
  StoredHire,
} from './hire.model.ts';

/**
 * The filing facts stored beside the hire (hire.model.ts): everything a hire's Filing bucket
 * depends on except "today" and the employer profile's completeness, which the Filing queries add
 * at read time (docs/filing.md §7). One function, called on every write of an input, so what is
 * stored is always what `describeFiling` would say.
 */

/** The inputs of the facts, as read from the applicant. */
export type FilingInputs = Pick<Applicant, 'hire' | 'survey' | 'wotcStatus' | 'filing'>;

/** The hire's values (what the filing rules read), without its bookkeeping. */
export function hireValuesOf(hire: Pick<StoredHire, keyof HireValues>): HireValues {
  return Object.fromEntries(HIRE_FIELDS.map((field) => [field, hire[field] ?? null])) as HireValues;
}

/** The API's `hire`: values, how Eligo learned of it, and who set each value. */
export function toHireDto(hire: StoredHire): ApplicantHire {
  return {
    ...hireValuesOf(hire),
    source: hire.source,
    provenance: Object.fromEntries(
      HIRE_FIELDS.map((field) => [field, hire.provenance?.[field] ?? null]),
    ) as ApplicantHire['provenance'],
  };
}

const SIGNED_FIELDS = [
  'offeredOn',
  'hiredOn',
  'startedOn',
  'position',
  'startingWage',
  'employedInState',
] as const satisfies ReadonlyArray<keyof SignedHireValues>;

/** What an employer's signature of this hire covers: the values the two forms print of it. */
export function signedHireValues(hire: Pick<StoredHire, keyof HireValues>): SignedHireValues {
  return Object.fromEntries(
    SIGNED_FIELDS.map((field) => [field, hire[field] ?? null]),
  ) as SignedHireValues;
}

/**
 * The employer's signature, while it still covers the hire: a date, the position, the wage or the
 * state changed since makes the forms say something the employer did not sign, so it must be
 * signed again (docs/forms.md §8).
 */
export function currentEmployerSignature(
  applicant: Pick<Applicant, 'hire' | 'filing'>,
): StoredEmployerSignature | null {
  const signature = applicant.filing?.employerSignature;
  if (!signature?.covers || !applicant.hire) return null;
  const now = signedHireValues(applicant.hire);
  return SIGNED_FIELDS.every((field) => (signature.covers[field] ?? null) === now[field])
    ? signature
    : null;
}

/** When the applicant signed the survey (the 8850 page-1 signature), or null while unsigned. */
export function applicantSignedAt(applicant: Pick<Applicant, 'survey'>): Date | null {
  return applicant.survey.status === 'submitted' ? (applicant.survey.submittedAt ?? null) : null;
}

/** The facts of an applicant's filing; `null` without a hire (nothing to file). */
export function filingFactsOf(applicant: FilingInputs, timeZone: string): StoredFilingFacts | null {
  const { hire } = applicant;
  if (!hire) return null;
  const values = hireValuesOf(hire);
  const signedAt = applicantSignedAt(applicant);
  const screened = screenedAfterOffer({
    signedOn: signedAt ? dayIn(timeZone, signedAt) : null,
    offeredOn: values.offeredOn,
    hiredOn: values.hiredOn,
  });
  const missing = filingMissing({
    hire: values,
    applicantSigned: signedAt !== null,
    employerSigned: currentEmployerSignature(applicant) !== null,
    screenedAfterOffer: screened,
  });
  const state = applicant.filing?.status?.state ?? NOT_SUBMITTED.state;
  let phase: FilingPhase | null;
  // Nothing to file for someone who does not qualify (docs/filing.md §4); an override brings back.
  if (applicant.wotcStatus === 'not_qualified') phase = null;
  else if (state !== 'not_submitted') phase = 'filed';
  else phase = values.startedOn ? 'open' : 'needs_start_date';
  const start = values.startedOn ?? values.anticipatedStartOn;
  return {
    phase,
    complete: missing.length === 0,
    screenedAfterOffer: screened !== null,
    sortOn: start ? filingDueOn(start) : '',
  };
}

export function sameFacts(
  a: StoredFilingFacts | null,
  b: Partial<StoredFilingFacts> | null,
): boolean {
  return (
    a !== null &&
    b !== null &&
    a.phase === (b.phase ?? null) &&
    a.complete === b.complete &&
    a.screenedAfterOffer === b.screenedAfterOffer &&
    a.sortOn === b.sortOn
  );
}

/** `$set` of the facts, creating the filing (status `not_submitted`) when there is none yet. */
export function factsUpdate(
  applicant: Pick<Applicant, 'filing'>,
  facts: StoredFilingFacts,
): Record<string, unknown> {
  if (!applicant.filing) {
    return { filing: { status: NOT_SUBMITTED, employerSignature: null, ...facts } };
  }
  return Object.fromEntries(Object.entries(facts).map(([key, value]) => [`filing.${key}`, value]));
}

/**
 * The filter that makes a write of the hire or its facts a compare-and-set: it matches only while
 * every input the facts were computed from is still what was read. Another instance's write in
 * between (the same hire from Lever, the survey being signed, an override) makes it match nothing,
 * and the writer reads again.
 */
export function unchangedInputs(applicant: FilingInputs): Record<string, unknown> {
  return {
    ...(applicant.hire ? { 'hire.version': applicant.hire.version } : { hire: null }),
    'survey.status': applicant.survey.status,
    'survey.submittedAt': applicant.survey.submittedAt ?? null,
    wotcStatus: applicant.wotcStatus,
    'filing.status.state': applicant.filing?.status?.state ?? null,
    'filing.employerSignature.signedAt': applicant.filing?.employerSignature?.signedAt ?? null,
  };
}
