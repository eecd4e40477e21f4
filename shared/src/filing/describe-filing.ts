import { isProgramAuthorized } from '../wotc/program-rules.ts';
import type { EmployerProfileDraft } from '../schemas/employer.ts';
import type { ApplicantFiling, FilingStatus } from '../schemas/filing-status.ts';
import type { HireValues } from '../schemas/hire.ts';
import { filingBucket } from './buckets.ts';
import { dayOfInstant, daysLeft, filingDueOn, todayIn } from './deadline.ts';
import { screenedAfterOffer } from './hire.ts';
import { filingMissing } from './missing.ts';

export interface DescribeFilingInput {
  hire: HireValues;
  status: FilingStatus;
  /** The organization's profile (`null`: none saved yet). */
  employer: EmployerProfileDraft | null;
  /** When the applicant signed the survey (ISO instant); `null` while unsigned. */
  applicantSignedAt: string | null;
  employerSignature: { signedAt: string; signedBy: string } | null;
  /** The zone deadlines are counted in (`effectiveTimeZone(employer)`). */
  timeZone: string;
  now: Date;
  /** The operator's WOTC_AUTHORIZED_THROUGH, when set. */
  authorizedThrough?: string;
}

/**
 * The `filing` part of an applicant's DTO (docs/filing.md §4): one function, so the applicant page,
 * the Filing list and the digest can never disagree about a hire's bucket or days left.
 */
export function describeFiling(input: DescribeFilingInput): ApplicantFiling {
  const { hire, status, timeZone } = input;
  const today = todayIn(timeZone, input.now);
  const screened = screenedAfterOffer({
    signedOn: dayOfInstant(timeZone, input.applicantSignedAt),
    offeredOn: hire.offeredOn,
    hiredOn: hire.hiredOn,
  });
  const missing = filingMissing({
    employer: input.employer,
    hire,
    applicantSigned: input.applicantSignedAt !== null,
    employerSigned: input.employerSignature !== null,
    screenedAfterOffer: screened,
  });
  const start = hire.startedOn ?? hire.anticipatedStartOn;
  const dueOn = start === null ? null : filingDueOn(start);
  return {
    dueOn,
    dueOnBasis: hire.startedOn ? 'started' : hire.anticipatedStartOn ? 'anticipated_start' : null,
    daysLeft: dueOn === null ? null : daysLeft(dueOn, today),
    bucket: filingBucket({ startedOn: hire.startedOn, state: status.state, missing, today }),
    screenedAfterOffer: screened,
    missing,
    programAuthorized: start === null ? null : isProgramAuthorized(start, input.authorizedThrough),
    status,
    signatures: {
      applicantSignedAt: input.applicantSignedAt,
      employerSignedAt: input.employerSignature?.signedAt ?? null,
      employerSignedBy: input.employerSignature?.signedBy ?? null,
    },
  };
}
