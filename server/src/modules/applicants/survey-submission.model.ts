import { Schema, type Types } from 'mongoose';
import type { SurveyLanguage } from '@eligo/shared/schemas/survey';
import { appendOnly } from '../../lib/append-only.ts';
import { tenantScoped } from '../../lib/tenancy/tenant-scope.plugin.ts';
import { modelOn } from '../../lib/model.ts';

/**
 * The applicant's one final answer to the survey: submitted (signed answers) or declined.
 * `_id` is the applicant's id, so a second submit or decline — concurrent or not — fails on the
 * unique `_id`: atomic on MongoDB and FerretDB alike (a status check-then-update is not).
 *
 * A submitted one is the applicant's Form 8850 signature kept as evidence (docs/forms.md §5): the
 * model is append-only (`appendOnly`), so the answers it covers never change once signed (a
 * correction is a new survey), and `answersSha256` shows any change made outside the application.
 */
export interface SurveySubmission {
  _id: Types.ObjectId;
  organizationId: Types.ObjectId;
  outcome: 'submitted' | 'declined';
  /** Encrypted JSON of the signed answers (SSN and date of birth included); null when declined. */
  answers: string | null;
  signature: {
    fullName: string;
    agreed: true;
    signedAt: Date;
    /** The date printed next to the signature (`YYYY-MM-DD`, the survey's `asOf`). */
    signedOn: string;
    ip: string;
    userAgent: string;
    /**
     * The consent wording shown (`APPLICANT_CONSENT.version`, and the SHA-256 of the text in the
     * survey's language with the organization's name) and the SHA-256 of the canonical signed
     * answers (lib/evidence.ts). Null on surveys signed before they were recorded.
     */
    consentVersion: string | null;
    consentSha256: string | null;
    answersSha256: string | null;
  } | null;
  language: SurveyLanguage;
  rulesVersion: string;
  createdAt: Date;
}

const submissionSchema = new Schema<SurveySubmission>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    outcome: { type: String, enum: ['submitted', 'declined'], required: true },
    answers: { type: String, default: null },
    signature: {
      type: new Schema(
        {
          fullName: { type: String, required: true },
          agreed: { type: Boolean, required: true },
          signedAt: { type: Date, required: true },
          signedOn: { type: String, required: true },
          ip: { type: String, required: true },
          userAgent: { type: String, default: '' },
          consentVersion: { type: String, default: null },
          consentSha256: { type: String, default: null },
          answersSha256: { type: String, default: null },
        },
        { _id: false },
      ),
      default: null,
    },
    language: { type: String, enum: ['en', 'es'], required: true },
    rulesVersion: { type: String, required: true },
  },
  {
    collection: 'survey_submissions',
    timestamps: { createdAt: true, updatedAt: false },
    versionKey: false,
  },
);
submissionSchema.plugin(tenantScoped);
submissionSchema.plugin(appendOnly);

export const surveySubmissionModel = modelOn<SurveySubmission>(
  'SurveySubmission',
  submissionSchema,
);

export const submissionPlace = {
  answers: (id: Types.ObjectId) => ({
    collection: 'survey_submissions',
    field: 'answers',
    documentId: id,
  }),
};
