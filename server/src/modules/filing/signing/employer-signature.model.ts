import { Schema, type Types } from 'mongoose';
import { appendOnly } from '../../../lib/append-only.ts';
import { modelOn } from '../../../lib/model.ts';
import { tenantScoped } from '../../../lib/tenancy/tenant-scope.plugin.ts';
import type { SignedHireValues } from '../../applicants/index.ts';

/**
 * An admin's signature of Form 8850 page 2 and ETA 9061 for the employer, one per hire signed
 * (docs/forms.md §8): the evidence, append-only. The applicant carries a copy of the latest
 * (`filing.employerSignature`, with this record's id); signing again adds a record, never
 * changes one.
 */
export interface EmployerSignatureRecord {
  _id: Types.ObjectId;
  organizationId: Types.ObjectId;
  applicantId: Types.ObjectId;
  signedAt: Date;
  /** The typed name: the signature. */
  typedName: string;
  title: string;
  /** The Eligo user who signed, and their email as it was then. */
  userId: Types.ObjectId;
  email: string;
  consentVersion: string;
  /** SHA-256 of the wording shown (`employerConsentText`). */
  consentSha256: string;
  /** The applicant's signed answers the employer's page goes with (null: not recorded then). */
  answersSha256: string | null;
  /** The hire's values as signed: a change of one voids the signature. */
  covers: SignedHireValues;
  ip: string;
  userAgent: string;
}

const recordSchema = new Schema<EmployerSignatureRecord>(
  {
    applicantId: { type: Schema.Types.ObjectId, required: true },
    signedAt: { type: Date, required: true },
    typedName: { type: String, required: true },
    title: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    email: { type: String, required: true },
    consentVersion: { type: String, required: true },
    consentSha256: { type: String, required: true },
    answersSha256: { type: String, default: null },
    covers: { type: Schema.Types.Mixed, required: true },
    ip: { type: String, required: true },
    userAgent: { type: String, default: '' },
  },
  { collection: 'employer_signatures', versionKey: false, minimize: false },
);
recordSchema.plugin(tenantScoped);
recordSchema.plugin(appendOnly);
recordSchema.index({ organizationId: 1, applicantId: 1, signedAt: -1 });

export const employerSignatureModel = modelOn<EmployerSignatureRecord>(
  'EmployerSignature',
  recordSchema,
);
