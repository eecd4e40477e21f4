import type { FastifyInstance } from 'fastify';
import type { EligibilityResult } from '@eligo/shared/wotc';
import { applicantPlace, type Applicant, type ApplicantEligibility } from './applicant.model.ts';

type Detail = Pick<EligibilityResult, 'matches' | 'flags' | 'exclusions' | 'declined'>;

/** The engine's result as stored on the applicant: status in clear, reasons encrypted. */
export async function toStoredEligibility(
  app: FastifyInstance,
  applicant: Pick<Applicant, '_id' | 'organizationId'>,
  result: EligibilityResult,
  evaluatedAt: Date,
): Promise<ApplicantEligibility> {
  const detail: Detail = {
    matches: result.matches,
    flags: result.flags,
    exclusions: result.exclusions,
    declined: result.declined,
  };
  return {
    status: result.status,
    maxPotentialCredit: result.maxPotentialCredit,
    rulesVersion: result.rulesVersion,
    asOf: result.asOf,
    evaluatedAt,
    detail: await app.crypto.encryptJson(
      applicant.organizationId,
      applicantPlace.eligibility(applicant._id),
      detail,
    ),
  };
}

/** The stored result back in the engine's shape (for the dashboard), or null before evaluation. */
export async function readEligibility(
  app: FastifyInstance,
  applicant: Pick<Applicant, '_id' | 'organizationId' | 'eligibility'>,
): Promise<(EligibilityResult & { evaluatedAt: Date }) | null> {
  const stored = applicant.eligibility;
  if (!stored) return null;
  const detail = await app.crypto.decryptJson<Detail>(
    applicant.organizationId,
    applicantPlace.eligibility(applicant._id),
    stored.detail,
  );
  return {
    status: stored.status,
    maxPotentialCredit: stored.maxPotentialCredit,
    rulesVersion: stored.rulesVersion,
    asOf: stored.asOf,
    evaluatedAt: stored.evaluatedAt,
    ...detail,
  };
}
