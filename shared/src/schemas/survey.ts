import { Type, type Static } from 'typebox';
import { draftAnswersSchema, isoDateSchema, type DraftAnswers } from '../wotc/answers.ts';
import { uspsStateSchema } from '../wotc/states.ts';
import { isoDateTimeSchema, NOT_BLANK } from './common.ts';

/**
 * The public applicant survey (`/survey/<token>`, API under `/api/survey/`). Answers are keyed by
 * the question ids of docs/wotc-rules.md §4 and use the WOTC engine's schemas (`@eligo/shared/wotc`).
 */

/** 32 random bytes, base64url: what `randomToken()` issues. */
export const SURVEY_TOKEN_PATTERN = '^[A-Za-z0-9_-]{43}$';
export const surveyTokenSchema = Type.String({
  pattern: SURVEY_TOKEN_PATTERN,
  description: 'The secret token of the survey link',
});
export const surveyTokenParamsSchema = Type.Object(
  { token: surveyTokenSchema },
  { additionalProperties: false },
);

export const SURVEY_LANGUAGES = ['en', 'es'] as const;
export const surveyLanguageSchema = Type.Enum(SURVEY_LANGUAGES);
export type SurveyLanguage = Static<typeof surveyLanguageSchema>;

/** 1 About you, 2 Questions, 3 Review & sign. */
export const surveyStepSchema = Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)]);
export type SurveyStep = Static<typeof surveyStepSchema>;

export const surveyDraftSchema = Type.Object({
  /** The step to resume at. */
  step: surveyStepSchema,
  /** Saved answers. A real SSN is never sent back (see `ssnSaved`); `"declined"` is. */
  answers: draftAnswersSchema,
  /** An SSN is on file: leaving the field empty keeps it. */
  ssnSaved: Type.Boolean(),
  updatedAt: isoDateTimeSchema,
});
export type SurveyDraft = Static<typeof surveyDraftSchema>;

export const surveySchema = Type.Object({
  organizationName: Type.String(),
  /** What the company already knows, to greet the applicant and prefill the form. */
  applicant: Type.Object({
    firstName: Type.String(),
    lastName: Type.String(),
    email: Type.String(),
    state: Type.Union([uspsStateSchema, Type.Null()]),
  }),
  language: surveyLanguageSchema,
  /** Today on the server: ages and "not in the future" are measured on it (and it is the signing date). */
  asOf: isoDateSchema,
  draft: Type.Union([surveyDraftSchema, Type.Null()]),
});
export type Survey = Static<typeof surveySchema>;

export const saveSurveyAnswersBodySchema = Type.Object(
  {
    /** The step to resume at next time. */
    step: surveyStepSchema,
    /**
     * Every answer so far (any subset, each well-formed): it replaces the saved draft. Without
     * `ssn`, a saved SSN is kept.
     */
    answers: draftAnswersSchema,
    /** The language the applicant switched to, remembered for next time. */
    language: Type.Optional(surveyLanguageSchema),
  },
  { additionalProperties: false },
);
export type SaveSurveyAnswersBody = Static<typeof saveSurveyAnswersBodySchema>;

export const surveySignatureSchema = Type.Object(
  {
    /** Typed full name; must match the first and last name given in step 1. */
    fullName: Type.String({ minLength: 1, maxLength: 250, pattern: NOT_BLANK }),
    /** The consent checkbox under the perjury statement. */
    agreed: Type.Literal(true),
    /**
     * The version of the statement and consent wording the page showed (`APPLICANT_CONSENT`,
     * `@eligo/shared/filing/consent`); another version than the server's is refused (409).
     */
    consentVersion: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false },
);
export type SurveySignature = Static<typeof surveySignatureSchema>;

export const submitSurveyBodySchema = Type.Object(
  {
    /** The complete answers (checked with `validateSubmission`). Without `ssn`, the saved SSN is used. */
    answers: draftAnswersSchema,
    signature: surveySignatureSchema,
    language: Type.Optional(surveyLanguageSchema),
  },
  { additionalProperties: false },
);
export type SubmitSurveyBody = Static<typeof submitSurveyBodySchema>;

/** What the applicant learns after submitting or declining: that it worked. Never the result. */
export const surveyCompletionSchema = Type.Object({
  outcome: Type.Union([Type.Literal('submitted'), Type.Literal('declined')]),
  at: isoDateTimeSchema,
});
export type SurveyCompletion = Static<typeof surveyCompletionSchema>;

function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[.,'’\-‐]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The name the signature must match, as the applicant gave it: `First M. Last`. */
export function expectedSignatureName(answers: DraftAnswers): string {
  return [
    answers.first_name?.trim(),
    answers.middle_initial ? `${answers.middle_initial.toUpperCase()}.` : undefined,
    answers.last_name?.trim(),
  ]
    .filter(Boolean)
    .join(' ');
}

/**
 * True when the typed signature is the applicant's first and last name (middle initial optional),
 * ignoring case, accents, punctuation and extra spaces.
 */
export function signatureMatchesName(fullName: string, answers: DraftAnswers): boolean {
  const first = normalizeName(answers.first_name ?? '');
  const last = normalizeName(answers.last_name ?? '');
  if (!first || !last) return false;
  const typed = normalizeName(fullName);
  const initial = answers.middle_initial ? normalizeName(answers.middle_initial) : '';
  return (
    typed === `${first} ${last}` || (initial !== '' && typed === `${first} ${initial} ${last}`)
  );
}
