/**
 * Forms 8850 and 9061 as PDFs (docs/forms.md): pure rendering from plain inputs, no database, no
 * HTTP. Routes, packets and audit live elsewhere in the filing module.
 */
export type {
  ApplicantSignature,
  EmployerProfile,
  EmployerSignature,
  FormApplicant,
  FormInput,
  HireRecord,
  PostalAddress,
  SignatureEvidence,
} from './form-input.ts';
export { applicantFromAnswers } from './form-input.ts';
export type { ApplicantStatements, TargetGroupDetails } from './answer-facts.ts';
export { applicantStatements, targetGroupDetails } from './answer-facts.ts';
export type { FormKind, FormRevision } from './form-view.ts';
export {
  FORM_REVISIONS,
  renderForm8850,
  renderForm9061,
  revisionFor,
  type RenderOptions,
} from './form-renderers.ts';
export { f8850Page1Boxes, f8850ResidenceGroup } from './revisions/f8850-2016-03.boxes.ts';
export { eta9061GroupBoxes } from './revisions/eta9061-2023-05.boxes.ts';
