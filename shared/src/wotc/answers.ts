import { Type, type Static, type TOptional, type TProperties } from 'typebox';
import {
  EMAIL_MAX_LENGTH,
  INITIAL_PATTERN,
  ISO_DATE_PATTERN,
  ISO_MONTH_PATTERN,
  PHONE_PATTERN,
  STATE_LIST_MAX,
  LINE_MAX,
  NAME_MAX,
  ZIP_PATTERN,
} from './answer-checks.ts';
import { COUNTY_FIPS_PATTERN, COUNTY_NOT_LISTED } from './counties.ts';
import { SSN_PATTERN } from './ssn.ts';
import { uspsStateSchema } from './states.ts';
import { TEXT_NOT_BLANK } from '../text.ts';

/**
 * The applicant's answers, keyed by the ids of docs/wotc-rules.md §4. Shapes only: which answers are
 * required depends on other answers (follow-ups, age) and is checked by `validateSubmission` in
 * questionnaire.ts. Every question a person might not want to answer accepts `"declined"`
 * ("prefer not to answer"), which the rules never read as "yes" or "no".
 */

export const DECLINED = 'declined' as const;

export const YES_NO_OPTIONS = ['yes', 'no', DECLINED] as const;
export const AGE_BAND_OPTIONS = ['under_40', '40_plus'] as const;
export const VET_UNEMP_OPTIONS = ['none', '4w_to_6m', '6m_plus', DECLINED] as const;
export const SNAP_OPTIONS = ['6_of_6', '3_of_5_lost', 'no', DECLINED] as const;
/** docs/wotc-rules.md §4 q_tanf_long: (a) 18 months straight, (b) 18+ months since Aug 1997 ending within 2 years, (c) time limit hit within 2 years. */
export const TANF_LONG_OPTIONS = ['a', 'b', 'c'] as const;
export const VR_SOURCE_OPTIONS = ['state_vr', 'ticket_to_work', 'va', DECLINED] as const;
export const FELONY_JURISDICTION_OPTIONS = ['federal', 'state', 'both', DECLINED] as const;

export const yesNoSchema = Type.Enum(YES_NO_OPTIONS);
export const ageBandSchema = Type.Enum(AGE_BAND_OPTIONS);
export const vetUnempSchema = Type.Enum(VET_UNEMP_OPTIONS);
export const snapSchema = Type.Enum(SNAP_OPTIONS);
export const tanfLongOptionSchema = Type.Enum(TANF_LONG_OPTIONS);
/** Any combination of a/b/c (empty array = "none of these"), or declined. */
export const tanfLongSchema = Type.Union([
  Type.Array(tanfLongOptionSchema, { uniqueItems: true, maxItems: 3 }),
  Type.Literal(DECLINED),
]);
export const vrSourceSchema = Type.Enum(VR_SOURCE_OPTIONS);
export const felonyJurisdictionSchema = Type.Enum(FELONY_JURISDICTION_OPTIONS);

/** A real calendar date `YYYY-MM-DD` (the `date` format rejects 2023-02-29). */
export const isoDateSchema = Type.String({ pattern: ISO_DATE_PATTERN, format: 'date' });
/** A calendar month `YYYY-MM`. */
export const isoMonthSchema = Type.String({ pattern: ISO_MONTH_PATTERN });

/**
 * Free text: one line, not blank, no control characters (text.ts), at most NAME_MAX or LINE_MAX
 * characters (answer-checks.ts `TEXT_LIMITS`).
 * Spelled out at each property, with no helper call or property read, so that a bundle reading no
 * schema can drop them: TypeBox calls count as pure (web/vite.config.ts), other calls do not.
 */
const NON_BLANK = TEXT_NOT_BLANK;

export const ssnSchema = Type.Union([
  Type.String({ pattern: SSN_PATTERN }),
  Type.Literal(DECLINED),
]);
export const zipSchema = Type.String({ pattern: ZIP_PATTERN });
/** A county of the home state by 5-digit FIPS code, or "not listed / not sure" (counties.ts). */
export const countySchema = Type.Union([
  Type.String({ pattern: COUNTY_FIPS_PATTERN }),
  Type.Literal(COUNTY_NOT_LISTED),
]);
/** US phone number: 10 digits, optional +1, the usual separators. */
export const phoneSchema = Type.String({ pattern: PHONE_PATTERN });
export const emailSchema = Type.String({ format: 'email', maxLength: EMAIL_MAX_LENGTH });

/** Step 1, "About you". Optional here = may be absent in a complete submission. */
const aboutYouProperties = {
  first_name: Type.String({ minLength: 1, maxLength: NAME_MAX, pattern: NON_BLANK }),
  middle_initial: Type.Optional(Type.String({ pattern: INITIAL_PATTERN })),
  last_name: Type.String({ minLength: 1, maxLength: NAME_MAX, pattern: NON_BLANK }),
  ssn: ssnSchema,
  street: Type.String({ minLength: 1, maxLength: LINE_MAX, pattern: NON_BLANK }),
  city: Type.String({ minLength: 1, maxLength: NAME_MAX, pattern: NON_BLANK }),
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
  q_cond_cert_agency: Type.Optional(
    Type.String({ minLength: 1, maxLength: LINE_MAX, pattern: NON_BLANK }),
  ),

  q_veteran: yesNoSchema,
  q_vet_snap: Type.Optional(yesNoSchema),
  q_vet_snap_recipient: Type.Optional(
    Type.String({ minLength: 1, maxLength: NAME_MAX, pattern: NON_BLANK }),
  ),
  q_vet_snap_location: Type.Optional(
    Type.String({ minLength: 1, maxLength: LINE_MAX, pattern: NON_BLANK }),
  ),
  q_vet_disability: Type.Optional(yesNoSchema),
  q_vet_discharged_1y: Type.Optional(yesNoSchema),
  q_vet_discharge_date: Type.Optional(isoDateSchema),
  q_vet_unemp: Type.Optional(vetUnempSchema),

  q_tanf_9of18: yesNoSchema,
  q_tanf_long: tanfLongSchema,
  q_tanf_recipient: Type.Optional(
    Type.String({ minLength: 1, maxLength: NAME_MAX, pattern: NON_BLANK }),
  ),
  q_tanf_location: Type.Optional(
    Type.String({ minLength: 1, maxLength: LINE_MAX, pattern: NON_BLANK }),
  ),

  q_snap: Type.Optional(snapSchema),
  q_snap_recipient: Type.Optional(
    Type.String({ minLength: 1, maxLength: NAME_MAX, pattern: NON_BLANK }),
  ),
  q_snap_location: Type.Optional(
    Type.String({ minLength: 1, maxLength: LINE_MAX, pattern: NON_BLANK }),
  ),

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
    Type.Array(uspsStateSchema, { minItems: 1, maxItems: STATE_LIST_MAX, uniqueItems: true }),
  ),
  /** ETA 9061 box 21 asks the city, too, where the unemployment claim was filed. */
  q_ltur_city: Type.Optional(
    Type.String({ minLength: 1, maxLength: NAME_MAX, pattern: NON_BLANK }),
  ),
};

const closed = { additionalProperties: false } as const;

/** Both steps' properties. A function, marked pure, so that a bundle reading no schema drops it. */
function merged<A extends TProperties, B extends TProperties>(a: A, b: B): A & B {
  return { ...a, ...b };
}
const allProperties = /* @__PURE__ */ merged(aboutYouProperties, screeningProperties);

/**
 * The same properties, each optional: what `Type.Partial` gives. Its calls are marked pure, like
 * every TypeBox builder (web/vite.config.ts), so a bundle that reads no schema drops them.
 */
function allOptional<P extends TProperties>(properties: P) {
  const optional = Object.fromEntries(
    Object.entries(properties).map(([id, schema]) => [id, Type.Optional(schema)]),
  ) as { [K in keyof P]: TOptional<P[K]> };
  return Type.Object(optional, closed);
}

export const aboutYouAnswersSchema = Type.Object(aboutYouProperties, closed);
export type AboutYouAnswers = Static<typeof aboutYouAnswersSchema>;

export const screeningAnswersSchema = Type.Object(screeningProperties, closed);
export type ScreeningAnswers = Static<typeof screeningAnswersSchema>;

/** Step 2 while the applicant is still answering: every field optional. */
export const screeningDraftSchema = /* @__PURE__ */ allOptional(screeningProperties);

/** All answers of a complete survey (shape only; run `validateSubmission` for cross-field rules). */
export const submittedAnswersSchema = Type.Object(allProperties, closed);
export type SubmittedAnswers = Static<typeof submittedAnswersSchema>;

/** Saved progress: any subset of the answers, each still well-formed. */
export const draftAnswersSchema = /* @__PURE__ */ allOptional(allProperties);
export type DraftAnswers = Static<typeof draftAnswersSchema>;

export type AnswerId = keyof SubmittedAnswers;

/**
 * The ids in survey order. Spelled out rather than read off the schemas so that code needing only
 * the ids (the survey in the browser) never builds a schema; the check below keeps both in step.
 */
export const ABOUT_YOU_IDS = [
  'first_name',
  'middle_initial',
  'last_name',
  'ssn',
  'street',
  'city',
  'state',
  'zip',
  'county',
  'phone',
  'email',
  'age_band',
  'dob',
  'worked_here_before',
  'worked_here_last_date',
] as const satisfies readonly (keyof AboutYouAnswers)[];
export const SCREENING_IDS = [
  'q_cond_cert',
  'q_cond_cert_agency',
  'q_veteran',
  'q_vet_snap',
  'q_vet_snap_recipient',
  'q_vet_snap_location',
  'q_vet_disability',
  'q_vet_discharged_1y',
  'q_vet_discharge_date',
  'q_vet_unemp',
  'q_tanf_9of18',
  'q_tanf_long',
  'q_tanf_recipient',
  'q_tanf_location',
  'q_snap',
  'q_snap_recipient',
  'q_snap_location',
  'q_vr',
  'q_vr_source',
  'q_felony',
  'felony_conviction_date',
  'felony_release_date',
  'felony_jurisdiction',
  'felony_state',
  'q_ssi',
  'q_ssi_last_month',
  'q_ltur',
  'q_ltur_states',
  'q_ltur_city',
] as const satisfies readonly (keyof ScreeningAnswers)[];
export const ANSWER_IDS: readonly AnswerId[] = [...ABOUT_YOU_IDS, ...SCREENING_IDS];

// Every schema property is listed above: an id missing from the lists is a type error here.
type Unlisted = Exclude<AnswerId, (typeof ABOUT_YOU_IDS)[number] | (typeof SCREENING_IDS)[number]>;
type Assert<T extends true> = T;
export type EveryAnswerIdListed = Assert<[Unlisted] extends [never] ? true : false>;
