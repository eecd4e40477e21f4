import type { FastifyInstance } from 'fastify';
import { ErrorCode } from '@eligo/shared/errors';
import { completeEmployerProfile } from '@eligo/shared/filing';
import type { SubmittedAnswers } from '@eligo/shared/wotc';
import { AppError } from '../../../lib/app-error.ts';
import { canonicalSha256 } from '../../../lib/evidence.ts';
import { scoped } from '../../../lib/tenancy/tenant-repository.ts';
import {
  currentEmployerSignature,
  hireValuesOf,
  submissionPlace,
  surveySubmissionModel,
  type Applicant,
  type FilingContext,
  type SurveySubmission,
} from '../../applicants/index.ts';
import { applicantFromAnswers, type EmployerSignature, type FormInput } from '../forms/index.ts';
import { employerSignatureModel } from '../signing/employer-signature.model.ts';

/**
 * What the renderers are filled from, read from the database (docs/forms.md §2–§5): the applicant's
 * signed answers and signature record, the employer profile, the hire, and the employer's
 * signature record. Call `refuseIfBlocked` first: this assumes nothing is missing.
 */

type ApplicantSignatureRecord = NonNullable<SurveySubmission['signature']>;

/** Printed where a signature predates the recording of its consent wording or hashes. */
const NOT_RECORDED = 'not recorded';

/** The applicant's signed answers, checked against the SHA-256 their signature recorded. */
export async function readSignedAnswers(
  app: FastifyInstance,
  applicant: Applicant,
): Promise<{ answers: SubmittedAnswers; signature: ApplicantSignatureRecord }> {
  const sourceId = applicant.reusedFrom ?? applicant._id;
  const submission = await scoped(surveySubmissionModel(app.mongo), applicant.organizationId)
    .findById(sourceId)
    .lean();
  if (!submission?.answers || !submission.signature) {
    throw new AppError(
      ErrorCode.ApplicantSignatureMissing,
      'The applicant has not signed the survey',
    );
  }
  const answers = await app.crypto.decryptJson<SubmittedAnswers>(
    applicant.organizationId,
    submissionPlace.answers(sourceId),
    submission.answers,
  );
  const recorded = submission.signature.answersSha256;
  // The model never changes a signed survey; a mismatch is a change made outside Eligo. Printing
  // such answers under the applicant's signature would be forging it: refuse, loudly.
  if (recorded && canonicalSha256(answers) !== recorded) {
    throw new Error(
      `The signed answers of applicant ${applicant._id.toHexString()} do not match their signature record`,
    );
  }
  return { answers, signature: submission.signature };
}

async function employerSignatureOf(
  app: FastifyInstance,
  applicant: Applicant,
): Promise<EmployerSignature | null> {
  const current = currentEmployerSignature(applicant);
  if (!current) return null;
  const record = await scoped(employerSignatureModel(app.mongo), applicant.organizationId)
    .findById(current.recordId)
    .lean();
  if (!record)
    throw new Error(`Employer signature record ${current.recordId.toHexString()} is missing`);
  return {
    typedName: record.typedName,
    title: record.title,
    signedBy: record.email,
    consentVersion: record.consentVersion,
    consentSha256: record.consentSha256,
    answersSha256: record.answersSha256 ?? NOT_RECORDED,
    signedAt: record.signedAt.toISOString(),
    ip: record.ip,
    userAgent: record.userAgent,
  };
}

export async function loadFormInput(
  app: FastifyInstance,
  applicant: Applicant,
  context: FilingContext,
): Promise<FormInput> {
  const { answers, signature } = await readSignedAnswers(app, applicant);
  const hire = hireValuesOf(applicant.hire!);
  return {
    applicant: applicantFromAnswers(answers),
    answers,
    // Complete: the readiness check (readiness.ts) refused the request otherwise.
    employer: completeEmployerProfile(context.employer)!,
    hire: {
      offeredOn: hire.offeredOn,
      hiredOn: hire.hiredOn,
      startedOn: hire.startedOn,
      position: hire.position,
      startingWage: hire.startingWage,
      employedInState: hire.employedInState,
    },
    signatures: {
      applicant: {
        typedName: signature.fullName,
        consentVersion: signature.consentVersion ?? NOT_RECORDED,
        consentSha256: signature.consentSha256 ?? NOT_RECORDED,
        answersSha256: signature.answersSha256 ?? NOT_RECORDED,
        signedAt: new Date(signature.signedAt).toISOString(),
        ip: signature.ip,
        userAgent: signature.userAgent,
      },
      employer: await employerSignatureOf(app, applicant),
    },
    timeZone: context.timeZone,
  };
}
