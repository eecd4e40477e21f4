import { Type, type Static } from 'typebox';
import { COUNTY_FIPS_PATTERN, COUNTY_NOT_LISTED } from './counties.ts';
import { SSN_PATTERN } from './ssn.ts';
import { uspsStateSchema } from './states.ts';

/**
 * The applicant's answers, keyed by the ids of wotc.md §2.6. Shapes only: which answers are
 * required depends on other answers (follow-ups, age) and is checked by `validateSubmission` in
 * questionnaire.ts. Every question a person might not want to answer accepts `"declined"`
 * ("prefer not to answer"), which the rules never read as "yes" or "no".
 */

export const DECLINED = 'declined' as const;

export const YES_NO_OPTIONS = ['yes', 'no', DECLINED] as const;
export const AGE_BAND_OPTIONS = ['under_40', '40_plus'] as const;
export const VET_UNEMP_OPTIONS = ['none', '4w_to_6m', '6m_plus', DECLINED] as const;
export const SNAP_OPTIONS = ['6_of_6', '3_of_5_lost', 'no', DECLINED] as const;
/** wotc.md §2.6 q_tanf_long: (a) 18 months straight, (b) 18+ months since Aug 1997 ending within 2 years, (c) time limit hit within 2 years. */
export const TANF_LONG_OPTIONS = ['a', 'b', 'c'] as const;
export const VR_SOURCE_OPTIONS = ['state_vr', 'ticket_to_work', 'va', DECLINED] as const;
export const FELONY_JURISDICTION_OPTIONS = ['federal', 'state', 'both', DECLINED] as const;

export const yesNoSchema = Type.Enum(YES_NO_OPTIONS);
export type YesNo = Static<typeof yesNoSchema>;
export const ageBandSchema = Type.Enum(AGE_BAND_OPTIONS);
export type AgeBand = Static<typeof ageBandSchema>;
export const vetUnempSchema = Type.Enum(VET_UNEMP_OPTIONS);
export const snapSchema = Type.Enum(SNAP_OPTIONS);
export const tanfLongOptionSchema = Type.Enum(TANF_LONG_OPTIONS);
export type TanfLongOption = Static<typeof tanfLongOptionSchema>;
/** Any combination of a/b/c (empty array = "none of these"), or declined. */
export const tanfLongSchema = Type.Union([
  Type.Array(tanfLongOptionSchema, { uniqueItems: true, maxItems: 3 }),
  Type.Literal(DECLINED),
]);
export const vrSourceSchema = Type.Enum(VR_SOURCE_OPTIONS);
export const felonyJurisdictionSchema = Type.Enum(FELONY_JURISDICTION_OPTIONS);

/** A real calendar date `YYYY-MM-DD` (the `date` format rejects 2023-02-29). */
export const isoDateSchema = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date' });
/** A calendar month `YYYY-MM`. */
export const isoMonthSchema = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' });

const text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });

export const ssnSchema = Type.Union([
  Type.String({ pattern: SSN_PATTERN }),
  Type.Literal(DECLINED),
]);
export const zipSchema = Type.String({ pattern: '^\\d{5}(-\\d{4})?$' });
/** A county of the home state by 5-digit FIPS code, or "not listed / not sure" (counties.ts). */
export const countySchema = Type.Union([
  Type.String({ pattern: COUNTY_FIPS_PATTERN }),
  Type.Literal(COUNTY_NOT_LISTED),
]);
/** US phone number: 10 digits, optional +1, the usual separators. */
export const phoneSchema = Type.String({
  pattern: '^(\\+?1[ .-]?)?(\\(\\d{3}\\)|\\d{3})[ .-]?\\d{3}[ .-]?\\d{4}$',
});
export const emailSchema = Type.String({ format: 'email', maxLength: 254 });

/** Step 1, "About you". Optional here = may be absent in a complete submission. */
const aboutYouProperties = {
  first_name: text(100),
  middle_initial: Type.Optional(Type.String({ pattern: '^[A-Za-z]$' })),
  last_name: text(100),
  ssn: ssnSchema,
  street: text(200),
  city: text(100),
  state: uspsStateSchema,
  zip: zipSchema,
  /** County (or parish/borough) of the home address, chosen from the state's list: the RRC key. */
  county: countySchema,
  phone: Type.Optional(phoneSchema),
  email: emailSchema,
  age_band: ageBandSchema,
  /** Required when `age_band` is `under_40` (Form 8850 asks DOB only then); dropped otherwise. */
  dob: Type.Optional(isoDateSchema),
  worked_here_before: yesNoSchema,
  /** Required when `worked_here_before` is `yes`. */
  worked_here_last_date: Type.Optional(isoDateSchema),
};

/** Step 2, "Questions". Follow-ups are optional here; questionnaire.ts says when they are required. */
const screeningProperties = {
  q_cond_cert: yesNoSchema,
  q_cond_cert_agency: Type.Optional(text(200)),

  q_veteran: yesNoSchema,
  q_vet_snap: Type.Optional(yesNoSchema),
  q_vet_snap_recipient: Type.Optional(text(100)),
  q_vet_snap_location: Type.Optional(text(200)),
  q_vet_disability: Type.Optional(yesNoSchema),
  q_vet_discharged_1y: Type.Optional(yesNoSchema),
  q_vet_discharge_date: Type.Optional(isoDateSchema),
  q_vet_unemp: Type.Optional(vetUnempSchema),

  q_tanf_9of18: yesNoSchema,
  q_tanf_long: tanfLongSchema,
  q_tanf_recipient: Type.Optional(text(100)),
  q_tanf_location: Type.Optional(text(200)),

  q_snap: Type.Optional(snapSchema),
  q_snap_recipient: Type.Optional(text(100)),
  q_snap_location: Type.Optional(text(200)),

  q_vr: yesNoSchema,
  q_vr_source: Type.Optional(vrSourceSchema),

  q_felony: yesNoSchema,
  felony_conviction_date: Type.Optional(isoDateSchema),
  felony_release_date: Type.Optional(isoDateSchema),
  felony_jurisdiction: Type.Optional(felonyJurisdictionSchema),
  felony_state: Type.Optional(uspsStateSchema),

  q_ssi: yesNoSchema,
  q_ssi_last_month: Type.Optional(isoMonthSchema),

  q_ltur: yesNoSchema,
  q_ltur_states: Type.Optional(
    Type.Array(uspsStateSchema, { minItems: 1, maxItems: 10, uniqueItems: true }),
  ),
};

const closed = { additionalProperties: false } as const;

export const aboutYouAnswersSchema = Type.Object(aboutYouProperties, closed);
export type AboutYouAnswers = Static<typeof aboutYouAnswersSchema>;

export const screeningAnswersSchema = Type.Object(screeningProperties, closed);
export type ScreeningAnswers = Static<typeof screeningAnswersSchema>;

/** Step 1 while the applicant is still typing: every field optional. */
export const aboutYouDraftSchema = Type.Partial(aboutYouAnswersSchema, closed);
export type AboutYouDraft = Static<typeof aboutYouDraftSchema>;

/** Step 2 while the applicant is still answering: every field optional. */
export const screeningDraftSchema = Type.Partial(screeningAnswersSchema, closed);
export type ScreeningDraft = Static<typeof screeningDraftSchema>;

/** All answers of a complete survey (shape only; run `validateSubmission` for cross-field rules). */
export const submittedAnswersSchema = Type.Object(
  { ...aboutYouProperties, ...screeningProperties },
  closed,
);
export type SubmittedAnswers = Static<typeof submittedAnswersSchema>;

/** Saved progress: any subset of the answers, each still well-formed. */
export const draftAnswersSchema = Type.Partial(submittedAnswersSchema, closed);
export type DraftAnswers = Static<typeof draftAnswersSchema>;

export type AnswerId = keyof SubmittedAnswers;

export const ABOUT_YOU_IDS = Object.keys(aboutYouProperties) as (keyof AboutYouAnswers)[];
export const SCREENING_IDS = Object.keys(screeningProperties) as (keyof ScreeningAnswers)[];
export const ANSWER_IDS: readonly AnswerId[] = [...ABOUT_YOU_IDS, ...SCREENING_IDS];
