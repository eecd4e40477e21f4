import { Schema, type HydratedDocument, type Types } from 'mongoose';
import {
  OPEN_SURVEY_STATUSES,
  STORED_SURVEY_STATUSES,
  type OverrideStatus,
  type StoredSurveyStatus,
  type TagSyncState,
  type WotcStatus,
} from '@eligo/shared/schemas/applicants';
import type { SurveyLanguage, SurveyStep } from '@eligo/shared/schemas/survey';
import type { EligibilityStatus } from '@eligo/shared/wotc';
import { tenantScoped } from '../../lib/tenancy/tenant-scope.plugin.ts';
import { modelOn } from '../../lib/model.ts';
import { searchKeysFor } from './search-keys.ts';
import type { CountedState } from './applicant-counts.ts';
import { countWrites } from './count-writes.ts';
import {
  addFilingIndexes,
  storedFilingSchema,
  storedHireSchema,
  type StoredFiling,
  type StoredHire,
} from './hires/hire.model.ts';

/** The stored survey status (the dashboard's "Expired" is derived, see applicant-status.ts). */
export type SurveyStatus = StoredSurveyStatus;
export { OPEN_SURVEY_STATUSES };

/** The survey link and where the applicant is with it. Only the token's SHA-256 is stored. */
export interface ApplicantSurvey {
  status: SurveyStatus;
  tokenHash: string | null;
  /**
   * The token encrypted under the organization's data key, so reminders can carry the link the
   * applicant may already be using (a new link would break a survey open in their browser).
   */
  tokenCiphertext: string | null;
  expiresAt: Date | null;
  /** The first invitation; reminders are counted from it. */
  invitedAt: Date | null;
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

/** Where the applicant came from in Lever (null for applicants created otherwise, e.g. tests). */
export interface ApplicantLever {
  integrationId: string | null;
  opportunityId: string;
  applicationId: string | null;
  contactId: string | null;
  postingId: string | null;
}

export interface ApplicantOverride {
  status: OverrideStatus;
  reason: string;
  userId: Types.ObjectId;
  userName: string;
  at: Date;
}

/** The WOTC tag on the Lever opportunity (written by the tag-sync job; see tag-sync.ts). */
export interface ApplicantTagSync {
  state: TagSyncState;
  tag: string | null;
  syncedAt: Date | null;
  reason: string | null;
  nextRetryAt: Date | null;
  updatedAt: Date | null;
}

export interface Applicant {
  _id: Types.ObjectId;
  organizationId: Types.ObjectId;
  /** The full name exactly as Lever gives it ('' when Lever has none). */
  name: string;
  /** Derived from `name` for the survey's prefill (search-keys.ts `splitName`). */
  firstName: string;
  lastName: string;
  email: string;
  /** Lower-cased email, or null when there is none: the same-person check compares it. */
  emailNormalized: string | null;
  /** Folded name words and the email: the search index (search-keys.ts). */
  searchTokens: string[];
  sortName: string;
  lever: ApplicantLever | null;
  /** Null when the application has no posting, or the posting is confidential. */
  postingTitle: string | null;
  appliedAt: Date;
  confidential: boolean;
  /** Lever removed the candidate's personal data: nothing to email, nothing to show. */
  anonymized: boolean;
  /** The earlier applicant (same person, same organization) whose survey this one uses. */
  reusedFrom: Types.ObjectId | null;
  /** Language of the emails and the survey's default; the applicant may switch it. */
  language: SurveyLanguage;
  /** The applicant switched the survey's language: it opens in that one from then on. */
  languageChosen: boolean;
  /** US state (USPS code) known from the ATS, to prefill the survey. */
  state: string | null;
  survey: ApplicantSurvey;
  draft: ApplicantDraft | null;
  eligibility: ApplicantEligibility | null;
  /** Encrypted last four digits of the SSN, for masked display (`***-**-1234`). */
  ssnLast4: string | null;
  /** The dashboard's WOTC status: the override if any, else the engine's result. */
  wotcStatus: WotcStatus;
  override: ApplicantOverride | null;
  tagSync: ApplicantTagSync;
  /** The hire (docs/filing.md §2); null until Lever, an admin or a CSV records one. */
  hire: StoredHire | null;
  /** Its filing: status, signatures and the facts the Filing screen queries; null without a hire. */
  filing: StoredFiling | null;
  /** The state the organization's counters hold for it (applicant-counts.ts); null: not yet. */
  counted: CountedState | null;
  /** A counted field changed since `counted` was set: the next settle adds the difference. */
  countPending: boolean;
  createdAt: Date;
  updatedAt: Date;
}
export type ApplicantDocument = HydratedDocument<Applicant>;

const surveySchema = new Schema<ApplicantSurvey>(
  {
    status: { type: String, enum: STORED_SURVEY_STATUSES, required: true, default: 'not_sent' },
    tokenHash: { type: String, default: null },
    tokenCiphertext: { type: String, default: null },
    expiresAt: { type: Date, default: null },
    invitedAt: { type: Date, default: null },
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

const leverSchema = new Schema<ApplicantLever>(
  {
    integrationId: { type: String, default: null },
    opportunityId: { type: String, required: true },
    applicationId: { type: String, default: null },
    contactId: { type: String, default: null },
    postingId: { type: String, default: null },
  },
  { _id: false },
);

const overrideSchema = new Schema<ApplicantOverride>(
  {
    status: { type: String, enum: ['pre_qualified', 'not_qualified'], required: true },
    reason: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    userName: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { _id: false },
);

const tagSyncSchema = new Schema<ApplicantTagSync>(
  {
    state: {
      type: String,
      enum: ['none', 'pending', 'synced', 'failed', 'dead'],
      required: true,
      default: 'none',
    },
    tag: { type: String, default: null },
    syncedAt: { type: Date, default: null },
    reason: { type: String, default: null },
    nextRetryAt: { type: Date, default: null },
    updatedAt: { type: Date, default: null },
  },
  { _id: false },
);

const countedSchema = new Schema<CountedState>(
  {
    s: { type: String, required: true },
    w: { type: String, required: true },
    t: { type: String, required: true },
  },
  { _id: false },
);

const applicantSchema = new Schema<Applicant>(
  {
    name: { type: String, default: '', trim: true, maxlength: 300 },
    firstName: { type: String, default: '', trim: true, maxlength: 300 },
    lastName: { type: String, default: '', trim: true, maxlength: 300 },
    email: { type: String, default: '', trim: true, maxlength: 254 },
    emailNormalized: { type: String, default: null },
    searchTokens: { type: [String], default: [] },
    sortName: { type: String, default: '' },
    lever: { type: leverSchema, default: null },
    postingTitle: { type: String, default: null, maxlength: 300 },
    appliedAt: { type: Date, required: true, default: () => new Date() },
    confidential: { type: Boolean, default: false },
    anonymized: { type: Boolean, default: false },
    reusedFrom: { type: Schema.Types.ObjectId, default: null },
    language: { type: String, enum: ['en', 'es'], required: true, default: 'en' },
    languageChosen: { type: Boolean, default: false },
    state: { type: String, default: null },
    survey: { type: surveySchema, required: true, default: () => ({}) },
    draft: { type: draftSchema, default: null },
    eligibility: { type: eligibilitySchema, default: null },
    ssnLast4: { type: String, default: null },
    wotcStatus: {
      type: String,
      enum: ['pending', 'pre_qualified', 'not_qualified', 'needs_review'],
      required: true,
      default: 'pending',
    },
    override: { type: overrideSchema, default: null },
    tagSync: { type: tagSyncSchema, required: true, default: () => ({}) },
    hire: { type: storedHireSchema, default: null },
    filing: { type: storedFilingSchema, default: null },
    counted: { type: countedSchema, default: null },
    countPending: { type: Boolean, default: true },
  },
  { timestamps: true },
);
applicantSchema.plugin(tenantScoped);
countWrites(applicantSchema);

// New documents get their name and search keys filled in from whatever was given (Lever's `name`,
// or first and last name). Later changes of name or email go through `searchKeysFor` explicitly.
applicantSchema.pre('validate', function () {
  if (!this.isNew) return;
  if (!this.name) this.name = [this.firstName, this.lastName].filter(Boolean).join(' ');
  Object.assign(this, searchKeysFor(this.name, this.email || null));
});

// Survey links are looked up by token hash across organizations (the token is the credential).
// Not unique: FerretDB treats explicit nulls as equal values; 256-bit tokens do not collide.
applicantSchema.index({ 'survey.tokenHash': 1 });
// The dashboard (docs/applicants.md, "Indexes"). Every index starts with the organization; the
// list's sort keys end each one, so a filtered page is read in order from the index.
applicantSchema.index({ organizationId: 1, appliedAt: -1, _id: -1 });
applicantSchema.index({ organizationId: 1, sortName: 1, _id: 1 });
applicantSchema.index({ organizationId: 1, searchTokens: 1, appliedAt: -1, _id: -1 });
applicantSchema.index({ organizationId: 1, 'survey.status': 1, appliedAt: -1, _id: -1 });
applicantSchema.index({ organizationId: 1, wotcStatus: 1, appliedAt: -1, _id: -1 });
applicantSchema.index({ organizationId: 1, 'lever.postingId': 1, appliedAt: -1, _id: -1 });
// The counts: grouped straight from this index (covered), and "Expired" as a range within it.
applicantSchema.index({
  organizationId: 1,
  'survey.status': 1,
  'survey.expiresAt': 1,
  wotcStatus: 1,
  'tagSync.state': 1,
});
// The reminder sweep runs across organizations over the few applicants emailed days ago.
applicantSchema.index({ 'survey.sentAt': 1, 'survey.status': 1 });
// Applicants whose survey is another applicant's: updated when that one is answered.
applicantSchema.index({ organizationId: 1, reusedFrom: 1 });
// The hires CSV names people by email (and the same-person check compares it).
applicantSchema.index({ organizationId: 1, emailNormalized: 1 });
// The applicants whose counted state changed (a handful at a time): settled by the counts' read.
applicantSchema.index({ organizationId: 1, countPending: 1 });
// The credit ledger's certified hires (in id order) and the home's hires awaiting certification:
// a few hires among many applicants.
applicantSchema.index({ organizationId: 1, 'filing.status.state': 1, _id: 1 });
addFilingIndexes(applicantSchema);

export const applicantModel = modelOn<Applicant>('Applicant', applicantSchema);

export { applicantPlace } from './applicant-places.ts';
