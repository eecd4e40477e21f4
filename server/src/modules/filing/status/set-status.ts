import type { FastifyInstance, FastifyRequest } from 'fastify';
import { effectiveTimeZone } from '@eligo/shared/filing';
import type { ApplicantDetail } from '@eligo/shared/schemas/applicants';
import type { SetFilingStatusBody } from '@eligo/shared/schemas/filing';
import { AppError } from '../../../lib/app-error.ts';
import type { AuthContext } from '../../../plugins/auth.ts';
import { recordAudit } from '../../audit/index.ts';
import {
  applicantDetail,
  findApplicant,
  recordFilingStatus,
  userActor,
} from '../../applicants/index.ts';
import { loadEmployerProfile } from '../../organizations/index.ts';

/**
 * `POST /api/applicants/:applicantId/filing` (docs/filing.md §5): an admin records what the state
 * did. The shared transition table decides what is allowed; a change is a timeline entry and an
 * audit record (what a tax credit depends on); saying again what is recorded changes nothing.
 */
export async function setFilingStatus(
  app: FastifyInstance,
  request: FastifyRequest,
  auth: AuthContext,
  applicantId: string,
  body: SetFilingStatusBody,
): Promise<ApplicantDetail> {
  const applicant = await findApplicant(app, auth, applicantId);
  const profile = await loadEmployerProfile(app, auth.organization._id);
  const written = await recordFilingStatus(app, applicant, body, {
    actor: userActor(auth),
    timeZone: effectiveTimeZone(profile),
  });
  if (!written) throw AppError.notFound('No such applicant');
  if (written.changed) {
    const late = written.status.state === 'submitted' && written.status.submission?.late;
    await recordAudit(app, request, auth, {
      action: 'filing_recorded',
      target: { type: 'applicant', id: applicant._id.toHexString() },
      fields: ['filing'],
      reason: body.reason?.trim() ?? null,
      detail: {
        status: body.status,
        on: body.on,
        ...(late ? { late: 'submitted after the 28-day deadline' } : {}),
      },
    });
  }
  return applicantDetail(app, auth, applicant);
}
