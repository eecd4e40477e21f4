import type { FastifyInstance } from 'fastify';
import { Types } from 'mongoose';
import { ErrorCode } from '@eligo/shared/errors';
import type { Termination, TerminationBody } from '@eligo/shared/schemas/credits';
import { AppError } from '../../lib/app-error.ts';
import { revisions } from '../../lib/db/index.ts';
import { scoped } from '../../lib/tenancy/tenant-repository.ts';
import { findApplicant } from '../applicants/index.ts';
import type { AuthContext } from '../../plugins/auth.ts';
import { terminationModel } from './termination.model.ts';

/**
 * `PUT /api/credits/hires/:applicantId/termination`: the hire's last day (or `null`: still
 * employed). Not before the start date: an end before the beginning is a typo.
 */
export async function setTermination(
  app: FastifyInstance,
  auth: AuthContext,
  applicantId: string,
  body: TerminationBody,
): Promise<Termination> {
  const organizationId = auth.organization._id;
  const applicant = await findApplicant(app, auth, applicantId);
  const startedOn = applicant.hire?.startedOn ?? null;
  if (body.terminatedOn !== null && (startedOn === null || body.terminatedOn < startedOn)) {
    throw new AppError(
      ErrorCode.ValidationFailed,
      startedOn === null
        ? 'Record the start date before the last day of work'
        : `The last day of work cannot be before the start date (${startedOn})`,
      { details: [{ path: '/body/terminatedOn', message: 'must be on or after the start date' }] },
    );
  }
  const Terminations = scoped(terminationModel(app.mongo), organizationId);
  const _id = new Types.ObjectId(applicantId);
  if (body.terminatedOn === null) await Terminations.deleteOne({ _id });
  else {
    await terminationModel(app.mongo).updateOne(
      { _id, organizationId },
      { $set: { terminatedOn: body.terminatedOn, setBy: auth.user._id, setAt: app.clock.now() } },
      { upsert: true },
    );
  }
  await revisions(app.mongo).bump('payroll', organizationId);
  return { applicantId, terminatedOn: body.terminatedOn };
}
