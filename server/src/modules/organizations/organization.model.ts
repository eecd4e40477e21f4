import { Schema, type HydratedDocument, type Types } from 'mongoose';
import { DEFAULT_TAG_PREFIX } from '@eligo/shared/schemas/organization';
import type { EmployerProfileDraft } from '@eligo/shared/schemas/employer';
import type { SurveyLanguage } from '@eligo/shared/schemas/survey';
import { modelOn } from '../../lib/model.ts';

/**
 * The employer profile as stored (docs/filing.md §1): the saved draft with the EIN replaced by its
 * ciphertext under the organization's data key (`employerPlace.ein`). Written whole by the PATCH,
 * after the API schema checked every field, so it is kept as one value.
 */
export type StoredEmployerProfile = Omit<EmployerProfileDraft, 'ein' | 'taxYearStartMonth'> & {
  einCiphertext: string | null;
  /** Absent in profiles saved before the setting existed (calendar tax years). */
  taxYearStartMonth?: number;
};

export interface Organization {
  _id: Types.ObjectId;
  name: string;
  /** Prefix of the Lever tags Eligo writes, e.g. `Eligo` → `Eligo-WOTC:Pre Qualified`. */
  tagPrefix: string;
  /** Language of the survey emails and the survey's starting language. */
  surveyLanguage: SurveyLanguage;
  /** Members may view the protected answers (admins always may); every view is audited. */
  membersSeeProtectedAnswers: boolean;
  /** The employer profile; null until an admin saves one. */
  employer: StoredEmployerProfile | null;
  createdAt: Date;
  updatedAt: Date;
}
export type OrganizationDocument = HydratedDocument<Organization>;

// The tenant root: not tenant-scoped itself; read only by the id taken from the session.
const organizationSchema = new Schema<Organization>(
  {
    name: { type: String, required: true, trim: true, maxlength: 120 },
    tagPrefix: { type: String, required: true, default: DEFAULT_TAG_PREFIX, maxlength: 40 },
    surveyLanguage: { type: String, enum: ['en', 'es'], required: true, default: 'en' },
    membersSeeProtectedAnswers: { type: Boolean, required: true, default: false },
    employer: { type: Schema.Types.Mixed, default: null },
  },
  { timestamps: true, minimize: false },
);

export const organizationModel = modelOn<Organization>('Organization', organizationSchema);

/** Encryption places (AAD) of the organization's encrypted fields. */
export const employerPlace = {
  ein: (id: Types.ObjectId) => ({
    collection: 'organizations',
    field: 'employer.ein',
    documentId: id,
  }),
};
