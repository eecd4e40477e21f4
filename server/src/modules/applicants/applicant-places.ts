import type { Types } from 'mongoose';

/** Encryption places (AAD) of the applicant's encrypted fields. */
export const applicantPlace = {
  draft: (id: Types.ObjectId) => ({ collection: 'applicants', field: 'draft', documentId: id }),
  surveyToken: (id: Types.ObjectId) => ({
    collection: 'applicants',
    field: 'survey.tokenCiphertext',
    documentId: id,
  }),
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
