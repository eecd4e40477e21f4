import { Type, type Static } from 'typebox';
import { isoDateSchema } from '../wotc/answers.ts';
import { dolCodeSchema } from '../wotc/groups.ts';
import { FILING_BUCKETS } from '../filing/buckets.ts';
import { RECORDED_FILING_STATES } from '../filing/status.ts';
import { applicantCursorSchema, reasonSchema, wotcStatusSchema } from './applicants.ts';
import { idSchema, NOT_BLANK, TEXT } from './common.ts';
import { employerBriefSchema, employerStateSchema, usTimeZoneSchema } from './employer.ts';
import { applicantFilingSchema, filingBucketSchema, filingMethodSchema } from './filing-status.ts';
import { applicantHireSchema } from './hire.ts';

/** The Filing screen (`/filing`) and recording what the state did (docs/filing.md §4–§5). */

const count = Type.Integer({ minimum: 0 });

export const filingSummarySchema = Type.Object({
  /** Today in the organization's time zone: the day `daysLeft` is counted from. */
  today: isoDateSchema,
  timeZone: usTimeZoneSchema,
  /** Hires per bucket; every hire listed on Filing is in exactly one. */
  buckets: Type.Object(
    Object.fromEntries(FILING_BUCKETS.map((bucket) => [bucket, count])) as Record<
      (typeof FILING_BUCKETS)[number],
      typeof count
    >,
    { additionalProperties: false },
  ),
  /** Hires flagged screened after the offer (they are in their deadline's bucket too). */
  screenedAfterOffer: count,
  /** The employer profile as everyone may see it (EIN masked) and what it lacks. */
  employer: employerBriefSchema,
});
export type FilingSummary = Static<typeof filingSummarySchema>;

/** `GET /api/filing`: pages like the applicants list; most urgent first (`dueOn`, then id). */
export const listFilingQuerySchema = Type.Object(
  {
    /** One bucket; all hires on Filing when left out. */
    bucket: Type.Optional(filingBucketSchema),
    /** State of employment, e.g. "all ready in Texas". */
    state: Type.Optional(employerStateSchema),
    /** Name words or an email prefix, as on the applicants list. */
    q: Type.Optional(Type.String({ maxLength: 200, pattern: TEXT })),
    cursor: Type.Optional(applicantCursorSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25 })),
  },
  { additionalProperties: false },
);
export type ListFilingQuery = Static<typeof listFilingQuerySchema>;

export const filingRowSchema = Type.Object({
  /** The applicant's id (the applicant page is `/applicants/:id`). */
  id: idSchema,
  name: Type.String(),
  postingTitle: Type.Union([Type.String(), Type.Null()]),
  wotcStatus: wotcStatusSchema,
  targetGroups: Type.Array(dolCodeSchema),
  hire: applicantHireSchema,
  filing: applicantFilingSchema,
});
export type FilingRow = Static<typeof filingRowSchema>;

export const filingListSchema = Type.Object({
  items: Type.Array(filingRowSchema),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: Type.Union([applicantCursorSchema, Type.Null()]),
});
export type FilingList = Static<typeof filingListSchema>;

const stateText = Type.String({ minLength: 1, maxLength: 100, pattern: NOT_BLANK });

/**
 * `POST /api/applicants/:applicantId/filing`: record what happened to the request. Which fields
 * each status needs or refuses, the allowed moves and the date order are
 * `checkFilingTransition`'s (`@eligo/shared/filing`).
 */
export const setFilingStatusBodySchema = Type.Object(
  {
    status: Type.Enum(RECORDED_FILING_STATES),
    /** The day it happened (submitted, certified, denied, held): not before the start date. */
    on: isoDateSchema,
    /** Submitted: how. */
    method: Type.Optional(filingMethodSchema),
    /** Submitted: the state's reference, when it gives one. */
    reference: Type.Optional(stateText),
    /** Certified: the group the state certified (DOL code, e.g. `G`). */
    targetGroup: Type.Optional(dolCodeSchema),
    /** Certified: the state's certification number, when it gives one. */
    certificationNumber: Type.Optional(stateText),
    /** Denied (required) or held (optional): the state's reason. */
    reason: Type.Optional(reasonSchema),
  },
  { additionalProperties: false },
);
export type SetFilingStatusBody = Static<typeof setFilingStatusBodySchema>;
