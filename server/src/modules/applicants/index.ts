/*
 * What other modules may use of the applicants (everything else in this folder is private).
 * The survey writes the applicant's survey, draft, result and signed answers; Lever registers
 * applicants and writes their tag state; both act on an applicant for an admin and record on its
 * timeline. The "status decided" event is `app.applicants` (applicants.routes.ts).
 */
export {
  applicantModel,
  applicantPlace,
  OPEN_SURVEY_STATUSES,
  type Applicant,
  type ApplicantDocument,
} from './applicant.model.ts';
export { surveyStatusOf, wotcStatusOfEligibility } from './applicant-status.ts';
export { readEligibility, toStoredEligibility } from './eligibility.ts';
export {
  submissionPlace,
  surveySubmissionModel,
  type SurveySubmission,
} from './survey-submission.model.ts';
export {
  applicantIdFor,
  registerApplicant,
  type RegisterApplicantInput,
  type RegisterApplicantResult,
} from './registration.service.ts';
export { recordEvent, systemActor, userActor, type Actor } from './timeline.ts';
export type { StatusDecision, StatusDecidedListener } from './status-decided.ts';
export { actionUnavailable } from './applicant-errors.ts';
export { applicantDetail, findApplicant } from './applicant-lookup.ts';
export { setApplicantEmail } from './applicant-email.ts';
export {
  recordLeverHire,
  type LeverHireFacts,
  type RecordLeverHireInput,
  type RecordLeverHireResult,
} from './hires/lever-hire.ts';
export { nameSearchConditions } from './applicant-query.ts';
export { applicantFiling, filingContext, type FilingContext } from './hires/filing-dto.ts';
export { hireValuesOf, toHireDto } from './hires/filing-facts.ts';
export { refreshFilingFacts } from './hires/refresh-facts.ts';
export {
  FILING_PHASES,
  type FilingPhase,
  type SignedHireValues,
  type StoredEmployerSignature,
  type StoredFiling,
} from './hires/hire.model.ts';
export { currentEmployerSignature, signedHireValues } from './hires/filing-facts.ts';
export {
  isRecorded,
  recordFilingStatus,
  setEmployerSignature,
  type FilingStatusWrite,
} from './hires/filing-writes.ts';
export { resolveEmployees, rowApplicant, type Resolved } from './hires/hires-csv.resolve.ts';
export { employeeCell } from './hires/hires-csv.definition.ts';
export { applicantSummary, countSurveysExpiring } from './applicant-summary.ts';
export {
  potentialAwaitingCertification,
  potentialCreditByPosting,
  sumPotential,
  type PotentialByPosting,
  type PotentialCredit,
} from './potential-credit.ts';
