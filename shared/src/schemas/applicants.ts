import { Type, type Static } from 'typebox';
import { isoDateSchema } from '../wotc/answers.ts';
import { dolCodeSchema } from '../wotc/groups.ts';
import { eligibilityResultSchema } from '../wotc/result.ts';
import { emailSchema, idSchema, isoDateTimeSchema } from './common.ts';
import { applicantFilingSchema } from './filing-status.ts';
import { applicantHireSchema } from './hire.ts';
import { surveyLanguageSchema } from './survey.ts';
import {
  APPLICANT_SORTS,
  SURVEY_STATUSES,
  TAG_SYNC_STATES,
  TIMELINE_EVENT_TYPES,
  WOTC_STATUSES,
} from '../applicants.ts';

// The constants and their types live in ../applicants.ts (no schema: the web app reads them).
export * from '../applicants.ts';

/**
 * The WOTC Applicants dashboard and the applicant page (docs/applicants.md says how each status is
 * derived and how search works).
 */

export const surveyStatusSchema = Type.Enum(SURVEY_STATUSES);

export const wotcStatusSchema = Type.Enum(WOTC_STATUSES);

/** The statuses an admin can set by hand (the two that become a Lever tag). */
export const overrideStatusSchema = Type.Union([
  Type.Literal('pre_qualified'),
  Type.Literal('not_qualified'),
]);
export type OverrideStatus = Static<typeof overrideStatusSchema>;

export const tagSyncStateSchema = Type.Enum(TAG_SYNC_STATES);

export const tagSyncSchema = Type.Object({
  state: tagSyncStateSchema,
  /** The tag that is (or is to be) on the opportunity, e.g. `Eligo-WOTC:Pre Qualified`. */
  tag: Type.Union([Type.String(), Type.Null()]),
  syncedAt: Type.Union([isoDateTimeSchema, Type.Null()]),
  /** Why the last write failed (no secrets, no PII). */
  reason: Type.Union([Type.String(), Type.Null()]),
  nextRetryAt: Type.Union([isoDateTimeSchema, Type.Null()]),
});
export type TagSync = Static<typeof tagSyncSchema>;

export const applicantSortSchema = Type.Enum(APPLICANT_SORTS);

/** Opaque cursor of the applicant list (base64url). */
export const applicantCursorSchema = Type.String({ pattern: '^[A-Za-z0-9_-]{1,400}$' });

/** Lever ids are UUIDs; anything printable and short is accepted so other ATS ids fit too. */
export const externalIdSchema = Type.String({ pattern: '^[A-Za-z0-9_.:-]{1,100}$' });

/** The dashboard's filters: shared by the list, the CSV export and the URL of the page. */
const applicantFilterProperties = {
  /** Name words (each a prefix of a word of the name, accents and case ignored) or an email prefix. */
  q: Type.Optional(Type.String({ maxLength: 200 })),
  surveyStatus: Type.Optional(surveyStatusSchema),
  wotcStatus: Type.Optional(wotcStatusSchema),
  postingId: Type.Optional(externalIdSchema),
  /** Applied on or after this day (UTC). */
  from: Type.Optional(isoDateSchema),
  /** Applied on or before this day (UTC). */
  to: Type.Optional(isoDateSchema),
  sort: Type.Optional(applicantSortSchema),
};

export const applicantFiltersSchema = Type.Object(applicantFilterProperties, {
  additionalProperties: false,
});
export type ApplicantFilters = Static<typeof applicantFiltersSchema>;

export const listApplicantsQuerySchema = Type.Object(
  {
    ...applicantFilterProperties,
    cursor: Type.Optional(applicantCursorSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25 })),
  },
  { additionalProperties: false },
);
export type ListApplicantsQuery = Static<typeof listApplicantsQuerySchema>;

export const applicantRowSchema = Type.Object({
  id: idSchema,
  /** The name as Lever gives it; empty when Lever has none (e.g. anonymized). */
  name: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  postingId: Type.Union([Type.String(), Type.Null()]),
  /** Null for a confidential posting (its title is not stored) or an application without one. */
  postingTitle: Type.Union([Type.String(), Type.Null()]),
  appliedAt: isoDateTimeSchema,
  surveyStatus: surveyStatusSchema,
  wotcStatus: wotcStatusSchema,
  tagSync: tagSyncSchema,
  /** This applicant's survey is the one of an earlier application by the same person. */
  reused: Type.Boolean(),
  confidential: Type.Boolean(),
  anonymized: Type.Boolean(),
  /**
   * The hire's filing: deadline, bucket, what is missing (the screened-after-offer flag among it),
   * the state's answer (docs/filing.md §4–§5); `null` when not hired.
   */
  filing: Type.Union([applicantFilingSchema, Type.Null()]),
});
export type ApplicantRow = Static<typeof applicantRowSchema>;

export const applicantListSchema = Type.Object({
  items: Type.Array(applicantRowSchema),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: Type.Union([applicantCursorSchema, Type.Null()]),
});
export type ApplicantList = Static<typeof applicantListSchema>;

const countsOf = <T extends readonly string[]>(keys: T) =>
  Type.Object(Object.fromEntries(keys.map((k) => [k, Type.Integer({ minimum: 0 })])), {
    additionalProperties: false,
  });

export const applicantSummarySchema = Type.Object({
  total: Type.Integer({ minimum: 0 }),
  surveyStatus: countsOf(SURVEY_STATUSES),
  wotcStatus: countsOf(WOTC_STATUSES),
  /** Applicants whose Lever tag could not be written (failed or dead). */
  tagSyncProblems: Type.Integer({ minimum: 0 }),
  /** Postings applicants applied to, for the posting filter (title null when confidential). */
  postings: Type.Array(
    Type.Object({ id: Type.String(), title: Type.Union([Type.String(), Type.Null()]) }),
  ),
});
export type ApplicantSummary = Static<typeof applicantSummarySchema>;

export const applicantIdParamsSchema = Type.Object(
  { applicantId: idSchema },
  { additionalProperties: false },
);

/** Who did something on the timeline. */
export const timelineActorSchema = Type.Object({
  kind: Type.Union([
    Type.Literal('system'),
    Type.Literal('user'),
    Type.Literal('applicant'),
    Type.Literal('lever'),
  ]),
  name: Type.Union([Type.String(), Type.Null()]),
});
export type TimelineActor = Static<typeof timelineActorSchema>;

export const timelineEventTypeSchema = Type.Enum(TIMELINE_EVENT_TYPES);

export const timelineEventSchema = Type.Object({
  id: idSchema,
  at: isoDateTimeSchema,
  type: timelineEventTypeSchema,
  actor: timelineActorSchema,
  /** Small facts about the event (a status, an email address, a reason); never SSN or answers. */
  data: Type.Record(
    Type.String(),
    Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]),
  ),
});
export type TimelineEvent = Static<typeof timelineEventSchema>;

/** The engine's own result (the dashboard's WOTC status may be an override) and when it ran. */
export const applicantEligibilitySchema = Type.Object({
  ...eligibilityResultSchema.properties,
  evaluatedAt: isoDateTimeSchema,
});
export type ApplicantEligibility = Static<typeof applicantEligibilitySchema>;

export const applicantDetailSchema = Type.Object({
  ...applicantRowSchema.properties,
  firstName: Type.String(),
  lastName: Type.String(),
  language: surveyLanguageSchema,
  state: Type.Union([Type.String(), Type.Null()]),
  lever: Type.Object({
    opportunityId: Type.Union([Type.String(), Type.Null()]),
    applicationId: Type.Union([Type.String(), Type.Null()]),
    contactId: Type.Union([Type.String(), Type.Null()]),
    /** The opportunity in Lever's web app; null when LEVER_WEB_URL is not configured. */
    url: Type.Union([Type.String(), Type.Null()]),
  }),
  survey: Type.Object({
    invitedAt: Type.Union([isoDateTimeSchema, Type.Null()]),
    sentAt: Type.Union([isoDateTimeSchema, Type.Null()]),
    openedAt: Type.Union([isoDateTimeSchema, Type.Null()]),
    submittedAt: Type.Union([isoDateTimeSchema, Type.Null()]),
    declinedAt: Type.Union([isoDateTimeSchema, Type.Null()]),
    expiresAt: Type.Union([isoDateTimeSchema, Type.Null()]),
  }),
  /** The earlier application whose survey this one reuses. */
  reusedFrom: Type.Union([
    Type.Object({
      id: idSchema,
      postingTitle: Type.Union([Type.String(), Type.Null()]),
      appliedAt: isoDateTimeSchema,
    }),
    Type.Null(),
  ]),
  eligibility: Type.Union([applicantEligibilitySchema, Type.Null()]),
  override: Type.Union([
    Type.Object({
      status: overrideStatusSchema,
      reason: Type.String(),
      by: Type.String(),
      at: isoDateTimeSchema,
    }),
    Type.Null(),
  ]),
  /** The signed answers, with the SSN masked (`***-**-1234`); null until submitted. */
  answers: Type.Union([
    Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())])),
    Type.Null(),
  ]),
  /** `***-**-1234`, or null when no SSN was given. */
  ssnMasked: Type.Union([Type.String(), Type.Null()]),
  /** Target group codes, for a quick read; the reasons are in `eligibility.matches`. */
  targetGroups: Type.Array(dolCodeSchema),
  timeline: Type.Array(timelineEventSchema),
  /** The hire (docs/filing.md §2); `null` when not hired. Its filing is the row's `filing`. */
  hire: Type.Union([applicantHireSchema, Type.Null()]),
});
export type ApplicantDetail = Static<typeof applicantDetailSchema>;

export const setApplicantEmailBodySchema = Type.Object(
  { email: emailSchema },
  { additionalProperties: false },
);
export type SetApplicantEmailBody = Static<typeof setApplicantEmailBodySchema>;

/** A reason people can read later on the timeline and in the audit log. */
export const reasonSchema = Type.String({ minLength: 3, maxLength: 500, pattern: '\\S' });

export const overrideWotcStatusBodySchema = Type.Object(
  { status: overrideStatusSchema, reason: reasonSchema },
  { additionalProperties: false },
);
export type OverrideWotcStatusBody = Static<typeof overrideWotcStatusBodySchema>;

export const revealSsnBodySchema = Type.Object(
  { reason: reasonSchema },
  { additionalProperties: false },
);
export type RevealSsnBody = Static<typeof revealSsnBodySchema>;

export const revealedSsnSchema = Type.Object({ ssn: Type.String() });
export type RevealedSsn = Static<typeof revealedSsnSchema>;

/** The CSV export answers `text/csv`; this documents it for OpenAPI. */
export const applicantsCsvSchema = Type.String({
  description: 'text/csv: one row per applicant of the search, no SSN and no date of birth',
});
