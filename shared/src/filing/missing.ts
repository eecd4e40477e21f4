import { ErrorCode } from '../errors.ts';
import type { EmployerProfileDraft } from '../schemas/employer.ts';
import type { HireValues, ScreenedAfterOffer } from '../schemas/hire.ts';
import { employerProfileMissing } from './employer.ts';

/**
 * What stops a hire's forms from being filed (docs/filing.md §4), in the order the Filing screen
 * lists them. A hire is ready to file when nothing is missing.
 */
export const FILING_MISSING = [
  /** The employer profile is incomplete (the same for every hire of the organization). */
  'employer_profile',
  /** No confirmed start date: no deadline, and Form 8850's "started job" is blank. */
  'start_date',
  /** The offer or hire date is not known (Form 8850 page 2). */
  'hire_dates',
  /** Position, starting wage or state of employment is not known (ETA 9061 boxes 9–11; which state). */
  'hire_details',
  /** The applicant has not signed the survey (Form 8850 page 1). */
  'applicant_signature',
  /** No admin has signed Form 8850 page 2 and the 9061 for the employer. */
  'employer_signature',
  /** The survey was signed after the offer: the request would be denied. */
  'screened_after_offer',
] as const;
export type FilingMissing = (typeof FILING_MISSING)[number];

export const FILING_MISSING_LABELS: Record<FilingMissing, string> = {
  employer_profile: 'Employer profile',
  start_date: 'Start date',
  hire_dates: 'Offer and hire dates',
  hire_details: 'Position, wage and state',
  applicant_signature: "Applicant's signature",
  employer_signature: "Employer's signature",
  screened_after_offer: 'Screened after the offer',
};

/** The `409` a form or packet route answers when this item is missing. */
export const FILING_MISSING_ERRORS = {
  employer_profile: ErrorCode.EmployerProfileIncomplete,
  start_date: ErrorCode.HireDatesMissing,
  hire_dates: ErrorCode.HireDatesMissing,
  hire_details: ErrorCode.HireDetailsMissing,
  applicant_signature: ErrorCode.ApplicantSignatureMissing,
  employer_signature: ErrorCode.EmployerSignatureMissing,
  screened_after_offer: ErrorCode.ScreenedAfterOffer,
} as const satisfies Record<FilingMissing, ErrorCode>;

export interface FilingMissingInput {
  /**
   * The organization's profile. Leave it out (`undefined`) for the hire's own items only: what the
   * server can keep per applicant, adding `employer_profile` from the organization when it reads.
   */
  employer?: EmployerProfileDraft | null;
  /** `null` when nothing about a hire is known. */
  hire: Pick<
    HireValues,
    'offeredOn' | 'hiredOn' | 'startedOn' | 'position' | 'startingWage' | 'employedInState'
  > | null;
  applicantSigned: boolean;
  employerSigned: boolean;
  screenedAfterOffer: ScreenedAfterOffer | null;
}

export function filingMissing(input: FilingMissingInput): FilingMissing[] {
  const { hire } = input;
  const missing: Record<FilingMissing, boolean> = {
    employer_profile:
      input.employer !== undefined && employerProfileMissing(input.employer).length > 0,
    start_date: !hire?.startedOn,
    hire_dates: !hire?.offeredOn || !hire.hiredOn,
    hire_details: !hire?.position || hire.startingWage === null || !hire.employedInState,
    applicant_signature: !input.applicantSigned,
    employer_signature: !input.employerSigned,
    screened_after_offer: input.screenedAfterOffer !== null,
  };
  return FILING_MISSING.filter((item) => missing[item]);
}

/**
 * The order a route names what stops it: screened after the offer first, since nothing an admin
 * does can fix it (asking to sign such a hire would lead nowhere), then the Filing screen's order.
 */
const BLOCKER_ORDER: readonly FilingMissing[] = [
  'screened_after_offer',
  ...FILING_MISSING.filter((m) => m !== 'screened_after_offer'),
];

/**
 * The error a route that needs the forms answers, for the first missing item that matters to it
 * (`ignore` lists the items it can do without, e.g. a preview without the employer's signature);
 * `null` when nothing stops it.
 */
export function filingBlocker(
  missing: readonly FilingMissing[],
  ignore: readonly FilingMissing[] = [],
): { code: (typeof FILING_MISSING_ERRORS)[FilingMissing]; item: FilingMissing } | null {
  const item = BLOCKER_ORDER.find((m) => missing.includes(m) && !ignore.includes(m));
  return item === undefined ? null : { code: FILING_MISSING_ERRORS[item], item };
}
