import type { FastifyInstance } from 'fastify';
import type { Types } from 'mongoose';
import type { DolCode } from '@eligo/shared/wotc';
import { scoped } from '../../lib/tenancy/tenant-repository.ts';
import { applicantModel, type Applicant } from '../applicants/index.ts';

/**
 * Who earns a credit: a hire the state certified, in the target group it named (its DOL code decides
 * the cap; docs/credits.md §1), with a confirmed start date (it starts the first year).
 */
export function isCertified(applicant: Pick<Applicant, 'filing'>): boolean {
  const status = applicant.filing?.status;
  return status?.state === 'certified' && Boolean(status.determination?.targetGroup);
}

export interface CertifiedHire {
  applicantId: Types.ObjectId;
  name: string;
  targetGroup: DolCode;
  startedOn: string;
}

/** The organization's certified hires with a start date, in id order (one indexed read). */
export async function certifiedHires(
  app: FastifyInstance,
  organizationId: Types.ObjectId,
): Promise<CertifiedHire[]> {
  const rows = await scoped(applicantModel(app.mongo), organizationId)
    .find(
      { 'filing.status.state': 'certified', 'hire.startedOn': { $type: 'string' } },
      { name: 1, 'hire.startedOn': 1, 'filing.status': 1 },
      { sort: { _id: 1 } },
    )
    .lean<Applicant[]>();
  return rows.flatMap((applicant) => {
    const targetGroup = applicant.filing?.status?.determination?.targetGroup;
    const startedOn = applicant.hire?.startedOn;
    if (!isCertified(applicant) || !targetGroup || !startedOn) return [];
    return [{ applicantId: applicant._id, name: applicant.name, targetGroup, startedOn }];
  });
}
