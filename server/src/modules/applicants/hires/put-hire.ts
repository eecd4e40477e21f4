import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ErrorCode } from '@eligo/shared/errors';
import {
  HIRE_FIELD_LABELS,
  effectiveTimeZone,
  hireProblems,
  mergeHire,
  type HireField,
} from '@eligo/shared/filing';
import type { ApplicantDetail } from '@eligo/shared/schemas/applicants';
import type { PutHireBody } from '@eligo/shared/schemas/hires';
import { AppError } from '../../../lib/app-error.ts';
import type { AuthContext } from '../../../plugins/auth.ts';
import { recordAudit } from '../../audit/index.ts';
import { loadEmployerProfile } from '../../organizations/index.ts';
import { applicantDetail, findApplicant } from '../applicant-lookup.ts';
import { userActor } from '../timeline.ts';
import { writeHire } from './hire-writer.ts';

const show = (value: unknown) => (value === null || value === undefined ? '(none)' : String(value));

/**
 * `PUT /api/applicants/:applicantId/hire` (docs/filing.md §2): the admin confirms or corrects the
 * hire. Every value sent becomes the admin's; dates must be real and in order (`400
 * HIRE_DATES_INVALID` naming the field); changing a value a person had set needs a reason (`400
 * HIRE_REASON_REQUIRED`). A change is audited (each field before and after) and goes on the
 * timeline; nothing changes, nothing is recorded.
 */
export async function putHire(
  app: FastifyInstance,
  request: FastifyRequest,
  auth: AuthContext,
  applicantId: string,
  body: PutHireBody,
): Promise<ApplicantDetail> {
  const applicant = await findApplicant(app, auth, applicantId);
  const { reason: givenReason, ...values } = body;
  const reason = givenReason?.trim();
  const problems = hireProblems(values);
  if (problems.length > 0) {
    throw new AppError(ErrorCode.HireDatesInvalid, problems[0]!.message, {
      details: problems.map((p) => ({ path: `/body/${p.field}`, message: p.message })),
    });
  }
  const profile = await loadEmployerProfile(app, auth.organization._id);
  const written = await writeHire(
    app,
    applicant,
    {
      source: 'admin',
      actor: userActor(auth),
      ...(reason ? { reason } : {}),
      merge(before) {
        const merge = mergeHire(before, values, 'admin');
        if (merge.overwritesConfirmed.length > 0 && !reason) {
          const fields = merge.overwritesConfirmed.map((f) => HIRE_FIELD_LABELS[f]).join(', ');
          throw new AppError(
            ErrorCode.HireReasonRequired,
            `Say why you change what a person confirmed (${fields})`,
            { details: [{ path: '/body/reason', message: `is required to change ${fields}` }] },
          );
        }
        return merge;
      },
    },
    effectiveTimeZone(profile),
  );
  if (!written) throw AppError.notFound('No such applicant');
  if (written.changed) {
    const { merge } = written;
    const before = applicant.hire;
    const fields: HireField[] = [...merge.changed, ...merge.confirmed];
    await recordAudit(app, request, auth, {
      action: 'hire_updated',
      target: { type: 'applicant', id: applicant._id.toHexString() },
      fields,
      reason: reason ?? null,
      detail: Object.fromEntries(
        merge.changed.map((field) => [
          field,
          `${show(before?.[field])} → ${show(merge.hire[field])}`,
        ]),
      ),
    });
  }
  return applicantDetail(app, auth, applicant);
}
