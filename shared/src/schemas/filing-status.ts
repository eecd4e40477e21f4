import { Type, type Static, type TSchema } from 'typebox';
import { isoDateSchema } from '../wotc/answers.ts';
import { dolCodeSchema } from '../wotc/groups.ts';
import { FILING_BUCKETS } from '../filing/buckets.ts';
import { FILING_MISSING } from '../filing/missing.ts';
import { FILING_METHODS, FILING_STATES } from '../filing/status.ts';
import { isoDateTimeSchema } from './common.ts';
import { screenedAfterOfferSchema } from './hire.ts';

/**
 * The filing part of an applicant's DTO (docs/filing.md §4–§5): the deadline, the bucket, what is
 * missing, and what the state did with the request. Built by `describeFiling`
 * (`@eligo/shared/filing`).
 */

const orNull = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const filingStateSchema = Type.Enum(FILING_STATES);
export const filingMethodSchema = Type.Enum(FILING_METHODS);
export const filingBucketSchema = Type.Enum(FILING_BUCKETS);
export const filingMissingSchema = Type.Enum(FILING_MISSING);

export const filingSubmissionSchema = Type.Object({
  /** The day the request reached the state (the portal's date stamp, the mailing day…). */
  on: isoDateSchema,
  method: filingMethodSchema,
  /** The state's reference for the request, when it gives one. */
  reference: orNull(Type.String()),
  /** Submitted after the 28-day deadline: recorded and shown, never hidden. */
  late: Type.Boolean(),
});
export type FilingSubmission = Static<typeof filingSubmissionSchema>;

/** The state's latest answer; the timeline keeps the earlier ones (a hold, then a certification). */
export const filingDeterminationSchema = Type.Object({
  state: Type.Union([Type.Literal('certified'), Type.Literal('denied'), Type.Literal('held')]),
  on: isoDateSchema,
  /** Certified: the target group the state certified (DOL code, e.g. `G`). */
  targetGroup: orNull(dolCodeSchema),
  /** Certified: the state's certification number, when it gives one. */
  certificationNumber: orNull(Type.String()),
  /** Denied: the state's reason (required); held: why, optionally. */
  reason: orNull(Type.String()),
});
export type FilingDetermination = Static<typeof filingDeterminationSchema>;

export const filingStatusSchema = Type.Object({
  state: filingStateSchema,
  submission: orNull(filingSubmissionSchema),
  determination: orNull(filingDeterminationSchema),
});
export type FilingStatus = Static<typeof filingStatusSchema>;

/** Who signed Form 8850, when (the records themselves are issue 20's signature evidence). */
export const filingSignaturesSchema = Type.Object({
  /** The survey's signing time: the 8850 page 1 signature and the "gave information" date. */
  applicantSignedAt: orNull(isoDateTimeSchema),
  /** The employer's page 2 signature. */
  employerSignedAt: orNull(isoDateTimeSchema),
  /** The typed name of the admin who signed for the employer. */
  employerSignedBy: orNull(Type.String()),
});
export type FilingSignatures = Static<typeof filingSignaturesSchema>;

/**
 * An applicant's filing: on each dashboard row, on the applicant page and on each Filing row
 * (`describeFiling` builds it).
 */
export const applicantFilingSchema = Type.Object({
  /** The last day Form 8850 may reach the state (`filingDueOn`); see `dueOnBasis`. */
  dueOn: orNull(isoDateSchema),
  /**
   * `started`: counted from the confirmed start date. `anticipated_start`: an estimate from Lever's
   * anticipated start while the start is not confirmed (bucket `needs_start_date`). `null`: neither
   * date is known.
   */
  dueOnBasis: orNull(Type.Union([Type.Literal('started'), Type.Literal('anticipated_start')])),
  /** Calendar days from today (organization's time zone) to `dueOn`; negative once passed. */
  daysLeft: orNull(Type.Integer()),
  bucket: filingBucketSchema,
  screenedAfterOffer: orNull(screenedAfterOfferSchema),
  /** What stops the forms from being filed, in a fixed order (`filingMissing`); `[]` when ready. */
  missing: Type.Array(filingMissingSchema),
  /**
   * Whether the program covers this start date (IRC §51(c)(4) and the operator's authorization
   * setting); `false` means the state will hold the request. `null` without any start date.
   */
  programAuthorized: orNull(Type.Boolean()),
  status: filingStatusSchema,
  signatures: filingSignaturesSchema,
});
export type ApplicantFiling = Static<typeof applicantFilingSchema>;
