import type { FastifyInstance } from 'fastify';
import { Types } from 'mongoose';
import { ErrorCode, type ErrorDetail } from '@eligo/shared/errors';
import {
  FILING_BATCH_MAX,
  filingBlocker,
  type FILING_MISSING_ERRORS,
  type FilingMissing,
} from '@eligo/shared/filing';
import { AppError } from '../../../lib/app-error.ts';
import { scoped } from '../../../lib/tenancy/tenant-repository.ts';
import {
  applicantFiling,
  applicantModel,
  type Applicant,
  type FilingContext,
} from '../../applicants/index.ts';

/**
 * Whether a hire's forms can be made (docs/forms.md §8): the `409` for the first thing missing, in
 * words that say what to do. The forms are never handed out incomplete; what the state did with a
 * request can still be recorded (docs/filing.md §5).
 */

const TO_DO: Record<FilingMissing, string> = {
  employer_profile:
    'Complete the employer profile first (My Account › Data Settings › Employer): the forms print it',
  start_date: 'Confirm the start date first',
  hire_dates: 'Enter the offer and hire dates first',
  hire_details: 'Enter the position, the starting wage and the state of employment first',
  applicant_signature: 'The applicant has not signed the survey',
  employer_signature: 'Sign for the employer first (Filing › Sign and mark ready)',
  screened_after_offer:
    'The applicant gave the information after the job offer: the request would be denied, so no forms are made',
};

/** What the 8850 can do without (the 9061 and the packet need everything). */
export const FORM_8850_NEEDS_NOT: readonly FilingMissing[] = ['hire_details'];

export interface Blocker {
  code: (typeof FILING_MISSING_ERRORS)[FilingMissing] | typeof ErrorCode.HireDatesMissing;
  message: string;
}

/** The first thing that stops this applicant's forms (`ignore`: what the caller does without). */
export function formBlocker(
  applicant: Applicant,
  context: FilingContext,
  ignore: readonly FilingMissing[] = [],
): Blocker | null {
  const filing = applicantFiling(applicant, context);
  if (!filing) return { code: ErrorCode.HireDatesMissing, message: 'No hire is recorded' };
  const blocker = filingBlocker(filing.missing, ignore);
  return blocker ? { code: blocker.code, message: TO_DO[blocker.item] } : null;
}

/** Throws the 409 of one applicant's form. */
export function refuseIfBlocked(
  applicant: Applicant,
  context: FilingContext,
  ignore: readonly FilingMissing[] = [],
): void {
  const blocker = formBlocker(applicant, context, ignore);
  if (blocker) throw new AppError(blocker.code, blocker.message);
}

/**
 * The organization's applicants of a selection (`applicantIds` of the body), once each, in its
 * order. One unknown id (or another organization's: the same) refuses the whole request with one
 * 404 before anything is done; the details point at the ids by position, never repeat them.
 */
export async function loadSelection(
  app: FastifyInstance,
  organizationId: Types.ObjectId,
  applicantIds: readonly string[],
): Promise<Applicant[]> {
  const ids = [...new Set(applicantIds)];
  if (ids.length > FILING_BATCH_MAX) {
    throw AppError.badRequest(`At most ${FILING_BATCH_MAX} hires at a time`);
  }
  const found = await scoped(applicantModel(app.mongo), organizationId)
    .find({ _id: { $in: ids.map((id) => new Types.ObjectId(id)) } })
    .lean<Applicant[]>();
  const byId = new Map(found.map((a) => [a._id.toHexString(), a]));
  const unknown = ids.filter((id) => !byId.has(id));
  if (unknown.length > 0) {
    throw new AppError(
      ErrorCode.NotFound,
      `${unknown.length} of the ${ids.length} hires selected ${unknown.length === 1 ? 'was' : 'were'} not found: nothing was done`,
      {
        details: unknown.slice(0, 50).map((id) => ({
          path: `/body/applicantIds/${applicantIds.indexOf(id)}`,
          message: 'is not a hire of this organization',
        })),
      },
    );
  }
  return ids.map((id) => byId.get(id)!);
}

/**
 * Refuses a selection if any hire in it is not ready (whole request, nothing done): the code of
 * the first one, and a line per hire saying what to do.
 */
export function refuseBlockedSelection(
  applicants: readonly Applicant[],
  context: FilingContext,
  ignore: readonly FilingMissing[],
  what: string,
): void {
  let first: Blocker | null = null;
  const details: ErrorDetail[] = [];
  applicants.forEach((applicant, index) => {
    const blocker = formBlocker(applicant, context, ignore);
    if (!blocker) return;
    first ??= blocker;
    details.push({
      path: `/body/applicantIds/${index}`,
      message: `${applicant.name || applicant._id.toHexString()}: ${blocker.message}`,
    });
  });
  if (!first) return;
  const blocked: Blocker = first;
  throw new AppError(
    blocked.code,
    `${details.length} of the ${applicants.length} hires cannot ${what} yet: nothing was done`,
    { details },
  );
}
