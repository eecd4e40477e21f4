import type { FastifyInstance } from 'fastify';
import { FLAG_CODES, type EligibilityFlag, type EligibilityResult } from '@eligo/shared/wotc';
import { isProgramAuthorized, programNotAuthorizedReason } from '@eligo/shared/wotc/program-rules';
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

/**
 * The *program not authorized* notice, derived when read (docs/credits.md §2): the stored flag is
 * dropped and decided again against today's `WOTC_AUTHORIZED_THROUGH`, on the start date once the
 * hire has one (IRC §51(c)(4) is about the day work begins), else on the result's own date. So an
 * extension by Congress clears the notice on every result at once, and a shorter end adds it.
 */
function programFlags(
  stored: { status: string; flags: EligibilityFlag[] },
  on: string,
  authorizedThrough: string,
): EligibilityFlag[] {
  const others = stored.flags.filter((flag) => flag.code !== 'program_not_authorized');
  // The engine flags nothing on a declined survey; neither does this.
  if (stored.status === 'opted_out' || isProgramAuthorized(on, authorizedThrough)) return others;
  const flag: EligibilityFlag = {
    code: 'program_not_authorized',
    reason: programNotAuthorizedReason(authorizedThrough),
  };
  return [...others, flag].sort((x, y) => FLAG_CODES.indexOf(x.code) - FLAG_CODES.indexOf(y.code));
}

/** The stored result back in the engine's shape (for the dashboard), or null before evaluation. */
export async function readEligibility(
  app: FastifyInstance,
  applicant: Pick<Applicant, '_id' | 'organizationId' | 'eligibility'> & {
    hire?: { startedOn?: string | null } | null;
  },
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
    flags: programFlags(
      { status: stored.status, flags: detail.flags },
      applicant.hire?.startedOn ?? stored.asOf,
      app.config.wotcAuthorizedThrough,
    ),
  };
}
