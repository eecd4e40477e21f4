import type { FastifyInstance } from 'fastify';
import type { Types } from 'mongoose';
import { applicantModel } from './applicant.model.ts';

export interface PotentialCredit {
  applicants: number;
  amount: number;
}

export interface PotentialByPosting extends PotentialCredit {
  postingTitle: string | null;
}

interface Group {
  _id: string | null;
  applicants: number;
  amount: number;
}

/** Pre-qualified (an admin's override included): the applicants a hire would earn a credit for. */
const PRE_QUALIFIED = { wotcStatus: 'pre_qualified' } as const;

/** How many, and the sum of their maximum potential credit (dollars, whole in the engine's table). */
const totals = { applicants: { $sum: 1 }, amount: { $sum: '$eligibility.maxPotentialCredit' } };

/** The sum of some potentials (e.g. the postings' into the period's). */
export const sumPotential = (parts: PotentialCredit[]): PotentialCredit => ({
  applicants: parts.reduce((n, p) => n + p.applicants, 0),
  amount: parts.reduce((sum, p) => sum + p.amount, 0),
});

/**
 * The potential credit of the applicants screened Pre Qualified whose survey was submitted in
 * [`from`, `until`), by posting title (docs/credits.md, "The home's credit figures"). An override
 * to Pre Qualified without an engine result counts the applicant at $0.
 */
export async function potentialCreditByPosting(
  app: FastifyInstance,
  organizationId: Types.ObjectId,
  from: Date,
  until: Date,
): Promise<PotentialByPosting[]> {
  const groups = await applicantModel(app.mongo).aggregate<Group>([
    {
      $match: {
        organizationId,
        ...PRE_QUALIFIED,
        'survey.submittedAt': { $gte: from, $lt: until },
      },
    },
    { $group: { _id: '$postingTitle', ...totals } },
  ]);
  return groups.map((g) => ({ postingTitle: g._id, applicants: g.applicants, amount: g.amount }));
}

/**
 * The pre-qualified hires whose filing is at the state, undecided (submitted or held): the credit
 * waiting on a certification.
 */
export async function potentialAwaitingCertification(
  app: FastifyInstance,
  organizationId: Types.ObjectId,
): Promise<PotentialCredit> {
  const groups = await applicantModel(app.mongo).aggregate<Group>([
    {
      $match: {
        organizationId,
        ...PRE_QUALIFIED,
        'filing.status.state': { $in: ['submitted', 'held'] },
      },
    },
    { $group: { _id: null, ...totals } },
  ]);
  return sumPotential(groups);
}
