import { Schema, type HydratedDocument, type Types } from 'mongoose';
import type { SurveyLanguage, SurveyStep } from '@eligo/shared/schemas/survey';
import type { EligibilityStatus } from '@eligo/shared/wotc';
import { tenantScoped } from '../../lib/tenancy/tenant-scope.plugin.ts';
import { modelOn } from '../../lib/model.ts';

export const SURVEY_STATUSES = [
  'not_sent',
  'sent',
  'opened',
  'in_progress',
  'submitted',
  'declined',
] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

/** The survey link and where the applicant is with it. Only the token's SHA-256 is stored. */
export interface ApplicantSurvey {
  status: SurveyStatus;
  tokenHash: string | null;
  expiresAt: Date | null;
  sentAt: Date | null;
  openedAt: Date | null;
  lastSavedAt: Date | null;
  submittedAt: Date | null;
  declinedAt: Date | null;
}

/** Saved progress. `ciphertext` is the encrypted `{ answers }` (SSN and date of birth included). */
export interface ApplicantDraft {
  ciphertext: string;
  step: SurveyStep;
  updatedAt: Date;
}

/**
 * The engine's result. `status` and the amounts stay readable for lists and filters; the matches,
 * flags and exclusions are encrypted in `detail`, because their reasons quote answers (conviction
 * and discharge dates, county) — see `eligibility.ts` next to this file.
 */
export interface ApplicantEligibility {
  status: EligibilityStatus;
  maxPotentialCredit: number;
  rulesVersion: string;
  asOf: string;
  evaluatedAt: Date;
  /** Encrypted `{ matches, flags, exclusions, declined }` of the EligibilityResult. */
  detail: string;
}

export interface Applicant {
  _id: Types.ObjectId;
  organizationId: Types.ObjectId;
  firstName: string;
  lastName: string;
  email: string;
  /** Language of the emails and the survey's default; the applicant may switch it. */
  language: SurveyLanguage;
  /** US state (USPS code) known from the ATS, to prefill the survey. */
  state: string | null;
  survey: ApplicantSurvey;
  draft: ApplicantDraft | null;
  eligibility: ApplicantEligibility | null;
  /** Encrypted last four digits of the SSN, for masked display (`***-**-1234`). */
  ssnLast4: string | null;
  createdAt: Date;
  updatedAt: Date;
}
export type ApplicantDocument = HydratedDocument<Applicant>;

const surveySchema = new Schema<ApplicantSurvey>(
  {
    status: { type: String, enum: SURVEY_STATUSES, required: true, default: 'not_sent' },
    tokenHash: { type: String, default: null },
    expiresAt: { type: Date, default: null },
    sentAt: { type: Date, default: null },
    openedAt: { type: Date, default: null },
    lastSavedAt: { type: Date, default: null },
    submittedAt: { type: Date, default: null },
    declinedAt: { type: Date, default: null },
  },
  { _id: false },
);

const draftSchema = new Schema<ApplicantDraft>(
  {
    ciphertext: { type: String, required: true },
    step: { type: Number, enum: [1, 2, 3], required: true },
    updatedAt: { type: Date, required: true },
  },
  { _id: false },
);

const eligibilitySchema = new Schema<ApplicantEligibility>(
  {
    status: { type: String, required: true },
    maxPotentialCredit: { type: Number, required: true },
    rulesVersion: { type: String, required: true },
    asOf: { type: String, required: true },
    evaluatedAt: { type: Date, required: true },
    detail: { type: String, required: true },
  },
  { _id: false },
);

const applicantSchema = new Schema<Applicant>(
  {
    firstName: { type: String, required: true, trim: true, maxlength: 120 },
    lastName: { type: String, default: '', trim: true, maxlength: 120 },
    email: { type: String, default: '', trim: true, maxlength: 254 },
    language: { type: String, enum: ['en', 'es'], required: true, default: 'en' },
    state: { type: String, default: null },
    survey: { type: surveySchema, required: true, default: () => ({}) },
    draft: { type: draftSchema, default: null },
    eligibility: { type: eligibilitySchema, default: null },
    ssnLast4: { type: String, default: null },
  },
  { timestamps: true },
);
applicantSchema.plugin(tenantScoped);
// Survey links are looked up by token hash across organizations (the token is the credential).
// Not unique: FerretDB treats explicit nulls as equal values; 256-bit tokens do not collide.
applicantSchema.index({ 'survey.tokenHash': 1 });
applicantSchema.index({ organizationId: 1, createdAt: -1 });

export const applicantModel = modelOn<Applicant>('Applicant', applicantSchema);

/** Encryption places (AAD) of the applicant's encrypted fields. */
export const applicantPlace = {
  draft: (id: Types.ObjectId) => ({ collection: 'applicants', field: 'draft', documentId: id }),
  ssnLast4: (id: Types.ObjectId) => ({
    collection: 'applicants',
    field: 'ssnLast4',
    documentId: id,
  }),
  eligibility: (id: Types.ObjectId) => ({
    collection: 'applicants',
    field: 'eligibility.detail',
    documentId: id,
  }),
};
