import type { FastifyInstance } from 'fastify';
import type { Types } from 'mongoose';
import { NOT_SUBMITTED, describeFiling, effectiveTimeZone } from '@eligo/shared/filing';
import type { EmployerProfileDraft } from '@eligo/shared/schemas/employer';
import type { ApplicantFiling } from '@eligo/shared/schemas/filing-status';
import { loadEmployerProfile } from '../../organizations/index.ts';
import type { Applicant } from '../applicant.model.ts';
import { applicantSignedAt, currentEmployerSignature, hireValuesOf } from './filing-facts.ts';

/** What every applicant's `filing` of one answer is computed with: read once per request. */
export interface FilingContext {
  now: Date;
  /** The organization's profile (EIN in clear: only its completeness is used here). */
  employer: EmployerProfileDraft;
  timeZone: string;
  /** WOTC_AUTHORIZED_THROUGH: decides `programAuthorized` (held by the state) when read. */
  authorizedThrough: string;
}

export async function filingContext(
  app: FastifyInstance,
  organizationId: Types.ObjectId,
): Promise<FilingContext> {
  const employer = await loadEmployerProfile(app, organizationId);
  return {
    now: app.clock.now(),
    employer,
    timeZone: effectiveTimeZone(employer),
    authorizedThrough: app.config.wotcAuthorizedThrough,
  };
}

/** The applicant's `filing` (`describeFiling`), or `null` when they were not hired. */
export function applicantFiling(
  applicant: Pick<Applicant, 'hire' | 'filing' | 'survey'>,
  context: FilingContext,
): ApplicantFiling | null {
  if (!applicant.hire) return null;
  const signature = currentEmployerSignature(applicant);
  return describeFiling({
    hire: hireValuesOf(applicant.hire),
    status: applicant.filing?.status ?? NOT_SUBMITTED,
    employer: context.employer,
    applicantSignedAt: applicantSignedAt(applicant)?.toISOString() ?? null,
    employerSignature: signature
      ? { signedAt: new Date(signature.signedAt).toISOString(), signedBy: signature.signedBy }
      : null,
    timeZone: context.timeZone,
    now: context.now,
    authorizedThrough: context.authorizedThrough,
  });
}
