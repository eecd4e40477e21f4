import { Type, type Static } from 'typebox';
import { draftAnswersSchema, isoDateSchema } from './answers.ts';
import { dolCodeSchema } from './groups.ts';
import { DEFAULT_AUTHORIZED_THROUGH } from './program-rules.ts';
import { ezTableSchema, rrcTableSchema } from './residence.ts';

/** Bump whenever a rule, a table or the meaning of an output changes; stored with every result. */
export const RULES_VERSION = '2026-11-rules-2';

/**
 * Last hiring date covered by IRC §51(c)(4) as last extended: the end of the newest rule set in
 * program-rules.ts. Kept under this name for the callers of the eligibility engine; an operator
 * moves it with `WOTC_AUTHORIZED_THROUGH` (passed as `programAuthorizedThrough`).
 */
export const DEFAULT_PROGRAM_AUTHORIZED_THROUGH: string = DEFAULT_AUTHORIZED_THROUGH;

export const ELIGIBILITY_STATUSES = [
  'pre_qualified',
  'not_qualified',
  'needs_review',
  'opted_out',
  'incomplete',
] as const;
export const eligibilityStatusSchema = Type.Enum(ELIGIBILITY_STATUSES);
export type EligibilityStatus = Static<typeof eligibilityStatusSchema>;

/**
 * Flags that stand for a group the applicant may be in but that the engine cannot decide
 * (a person must check). Only these turn an otherwise empty result into `needs_review`.
 */
export const POSSIBLE_MATCH_FLAGS = [
  /** Holds an ETA 9062 conditional certification; the letter names the group. */
  'conditional_certification',
  /** Age 18–39 and the address may be in a Rural Renewal County or Empowerment Zone. */
  'dcr_possible',
  /** Age 16–17 in the summer window and the address may be in an Empowerment Zone. */
  'summer_youth_possible',
  /** Under 40 by age band but no usable date of birth: D, F and G cannot be decided. */
  'age_unverified',
] as const;

/** Flags that qualify a result without being a possible match of their own. */
export const CAVEAT_FLAGS = [
  /** Rehire question declined or unanswered: a match cannot be pre-qualified until it is known. */
  'rehire_unknown',
  /** `asOf` is after the program's authorization: screening continues (docs/wotc-rules.md §1). */
  'program_not_authorized',
  /** Address matches an Empowerment Zone place but designations ended before `asOf`. */
  'ez_designations_expired',
  /** Age 16–17 by 1 May, screened before the summer window: re-run at hire (May 1–Sep 15). */
  'summer_youth_recheck_at_hire',
] as const;

export const FLAG_CODES = [...POSSIBLE_MATCH_FLAGS, ...CAVEAT_FLAGS] as const;
export const flagCodeSchema = Type.Enum(FLAG_CODES);
export type FlagCode = Static<typeof flagCodeSchema>;

export const eligibilityMatchSchema = Type.Object({
  group: Type.Integer({ minimum: 1, maximum: 10 }),
  code: dolCodeSchema,
  reason: Type.String(),
  /** Largest credit for this group at 40% (group I: both years, $9,000). */
  maxCredit: Type.Integer(),
});
export type EligibilityMatch = Static<typeof eligibilityMatchSchema>;

export const eligibilityFlagSchema = Type.Object({
  code: flagCodeSchema,
  /** The group the flag is about, when there is one. */
  group: Type.Optional(dolCodeSchema),
  reason: Type.String(),
});
export type EligibilityFlag = Static<typeof eligibilityFlagSchema>;

export const eligibilityExclusionSchema = Type.Object({
  code: Type.Literal('rehire'),
  reason: Type.String(),
});
export type EligibilityExclusion = Static<typeof eligibilityExclusionSchema>;

export const eligibilityInputSchema = Type.Object({
  /** Answers keyed by question id; any subset, hidden answers are ignored. */
  answers: draftAnswersSchema,
  /** Date the windows end on: the start date once known, else the signing date (docs/wotc-rules.md §3). */
  asOf: isoDateSchema,
  /** Last hiring date the credit is authorized for; default `DEFAULT_PROGRAM_AUTHORIZED_THROUGH`. */
  programAuthorizedThrough: Type.Optional(isoDateSchema),
  /** Only an explicit `false` makes the result `incomplete`; omit it to evaluate the answers. */
  signed: Type.Optional(Type.Boolean()),
  /** The applicant pressed "I prefer not to participate": `opted_out` whatever the answers. */
  declinedSurvey: Type.Optional(Type.Boolean()),
  /**
   * Residence facts checked by a person or a geocoder (e.g. on the HUD EZ map). They override the
   * table lookups; EZ residence still counts only while designations last.
   */
  verifiedResidence: Type.Optional(
    Type.Object({
      empowermentZone: Type.Optional(Type.Boolean()),
      ruralRenewalCounty: Type.Optional(Type.Boolean()),
    }),
  ),
  /** Last day Empowerment Zones are designated; default the EZ table's `designatedThrough`. */
  ezDesignatedThrough: Type.Optional(isoDateSchema),
  /** Replaces the shipped Rural Renewal County table (tests, or a newer transcription). */
  rrcTable: Type.Optional(rrcTableSchema),
  /** Replaces the shipped Empowerment Zone table. */
  ezTable: Type.Optional(ezTableSchema),
});
export type EligibilityInput = Static<typeof eligibilityInputSchema>;

export const eligibilityResultSchema = Type.Object({
  status: eligibilityStatusSchema,
  /** Groups the answers put the applicant in, in §1.1 order; each with its reason. */
  matches: Type.Array(eligibilityMatchSchema),
  flags: Type.Array(eligibilityFlagSchema),
  exclusions: Type.Array(eligibilityExclusionSchema),
  /** Ids answered "declined" (after hidden answers are dropped), in survey order. */
  declined: Type.Array(Type.String()),
  /** Highest `maxCredit` among the matches; 0 when excluded or nothing matched. */
  maxPotentialCredit: Type.Integer(),
  asOf: isoDateSchema,
  rulesVersion: Type.String(),
});
export type EligibilityResult = Static<typeof eligibilityResultSchema>;
