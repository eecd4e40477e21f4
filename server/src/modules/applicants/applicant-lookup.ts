import type { FastifyInstance } from 'fastify';
import type { ApplicantDetail } from '@eligo/shared/schemas/applicants';
import { AppError } from '../../lib/app-error.ts';
import { scoped } from '../../lib/tenancy/tenant-repository.ts';
import type { AuthContext } from '../../plugins/auth.ts';
import { toApplicantDetail } from './applicant.dto.ts';
import { applicantModel, type Applicant, type ApplicantDocument } from './applicant.model.ts';
import { filingContext } from './hires/filing-dto.ts';

/**
 * The caller's applicant by id (an HTTP parameter), or 404: scoped to the caller's organization.
 * For every admin action on an applicant, whichever module registers it (survey delivery, Lever's
 * tag sync).
 */
export async function findApplicant(
  app: FastifyInstance,
  auth: AuthContext,
  id: string,
): Promise<ApplicantDocument> {
  const applicant = await scoped(applicantModel(app.mongo), auth.organization._id).findById(id);
  if (!applicant) throw AppError.notFound('No such applicant');
  return applicant;
}

/** The applicant page as it is now (read again: an action has just changed it). */
export async function applicantDetail(
  app: FastifyInstance,
  auth: AuthContext,
  applicant: Applicant,
): Promise<ApplicantDetail> {
  const fresh =
    (await scoped(applicantModel(app.mongo), auth.organization._id).findById(applicant._id)) ??
    applicant;
  return toApplicantDetail(app, fresh, await filingContext(app, auth.organization._id));
}
