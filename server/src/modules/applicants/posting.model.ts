import { Schema, type Types } from 'mongoose';
import { modelOn } from '../../lib/model.ts';
import { tenantScoped } from '../../lib/tenancy/tenant-scope.plugin.ts';

/**
 * The postings applicants applied to, one per organization and Lever posting (`_id` is
 * `<organization>:<posting>`): what the dashboard's posting filter offers, read without scanning the
 * applicants. Written when an applicant is registered.
 */
export interface ApplicantPosting {
  _id: string;
  organizationId: Types.ObjectId;
  postingId: string;
  /** Null for a confidential posting. */
  title: string | null;
  updatedAt: Date;
}

const postingSchema = new Schema<ApplicantPosting>(
  {
    _id: { type: String, required: true },
    postingId: { type: String, required: true },
    title: { type: String, default: null },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'applicant_postings', versionKey: false },
);
postingSchema.plugin(tenantScoped);

export const applicantPostingModel = modelOn<ApplicantPosting>('ApplicantPosting', postingSchema);
