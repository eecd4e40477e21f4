import type { FastifyInstance } from 'fastify';
import { Types } from 'mongoose';
import { RULES_VERSION } from '@eligo/shared/wotc';
import { toStoredEligibility } from '@eligo/server/modules/applicants/index';

export interface ScreenedFacts {
  submittedAt: Date;
  /** The WOTC status (an override's included); the engine's result says the same. */
  status?: 'pre_qualified' | 'not_qualified' | 'needs_review';
  /** The engine's maximum potential credit, in dollars. */
  maxPotentialCredit?: number;
}

/**
 * The applicant submitted the survey at `submittedAt` and the engine found `status`, worth
 * `maxPotentialCredit`: written to the record as the survey module leaves it (the result sealed
 * like a real one), for tests of what is computed from screened applicants. The submission itself
 * is survey.test.ts's.
 */
export async function markScreened(
  app: FastifyInstance,
  organizationId: string | Types.ObjectId,
  applicantId: string | Types.ObjectId,
  { submittedAt, status = 'pre_qualified', maxPotentialCredit = 2400 }: ScreenedFacts,
): Promise<void> {
  const ref = {
    _id: new Types.ObjectId(applicantId),
    organizationId: new Types.ObjectId(organizationId),
  };
  const eligibility = await toStoredEligibility(
    app,
    ref,
    {
      status,
      matches: [],
      flags: [],
      exclusions: [],
      declined: [],
      maxPotentialCredit,
      asOf: submittedAt.toISOString().slice(0, 10),
      rulesVersion: RULES_VERSION,
    },
    submittedAt,
  );
  const result = await app.mongo.collection('applicants').updateOne(ref, {
    $set: {
      'survey.status': 'submitted',
      'survey.submittedAt': submittedAt,
      wotcStatus: status,
      eligibility,
    },
  });
  if (result.matchedCount !== 1) throw new Error(`no applicant ${String(applicantId)} to mark`);
}
