import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ProtectedAnswers } from '@eligo/shared/schemas/applicants';
import { personalReasons, splitProtectedAnswers } from '@eligo/shared/wotc';
import { AppError } from '../../lib/app-error.ts';
import type { AuthContext } from '../../plugins/auth.ts';
import { recordAudit } from '../audit/index.ts';
import { actionUnavailable } from './applicant-errors.ts';
import { findApplicant } from './applicant-lookup.ts';
import { mayViewProtectedAnswers } from './protected-access.ts';
import { readMaskedAnswers } from './applicant.dto.ts';
import { readEligibility } from './eligibility.ts';
import { recordEvent, userActor } from './timeline.ts';

/**
 * Shows the protected answers to a caller who may see them (protected-access.ts), and writes the
 * view to the audit log and the timeline with its reason, like the SSN reveal.
 */
export async function viewProtectedAnswers(
  app: FastifyInstance,
  request: FastifyRequest,
  auth: AuthContext,
  id: string,
  reason: string,
): Promise<ProtectedAnswers> {
  const applicant = await findApplicant(app, auth, id);
  if (!(await mayViewProtectedAnswers(app, auth))) {
    throw AppError.forbidden(
      'Only admins can view these answers: an admin can allow members in Data Settings',
    );
  }
  const { protectedAnswers } = splitProtectedAnswers(
    (await readMaskedAnswers(app, applicant)) ?? {},
  );
  const fields = Object.keys(protectedAnswers);
  if (fields.length === 0) throw actionUnavailable('This applicant gave no such answers');
  await recordAudit(app, request, auth, {
    action: 'protected_answers_viewed',
    target: { type: 'applicant', id: applicant._id.toHexString() },
    fields,
    reason: reason.trim(),
  });
  await recordEvent(app, applicant, 'protected_answers_viewed', {
    actor: userActor(auth),
    data: { reason: reason.trim() },
  });
  const eligibility = await readEligibility(app, applicant);
  return { answers: protectedAnswers, reasons: eligibility ? personalReasons(eligibility) : [] };
}
