import type { FastifyInstance } from 'fastify';
import type { Types } from 'mongoose';
import type { HomeTodo } from '@eligo/shared/schemas/home';
import { applicantSummary, countSurveysExpiring } from '../applicants/index.ts';
import { filingSummary } from '../filing/index.ts';

/** "About to expire": a link that stops working within two days still leaves time to nudge. */
export const EXPIRING_WITHIN_HOURS = 48;

/**
 * The home's to-do counts (docs/applicants.md, "The home's to-do list"), from the same reads as
 * the dashboard's and the Filing screen's counts, so the numbers agree with the screens they link
 * to.
 */
export async function homeTodo(
  app: FastifyInstance,
  organizationId: Types.ObjectId,
): Promise<HomeTodo> {
  const now = app.clock.now();
  const until = new Date(now.getTime() + EXPIRING_WITHIN_HOURS * 3_600_000);
  const [applicants, expiring, filing] = await Promise.all([
    applicantSummary(app, organizationId, now),
    countSurveysExpiring(app, organizationId, now, until),
    filingSummary(app, organizationId),
  ]);
  return {
    missingEmail: applicants.surveyStatus.missing_email,
    surveysExpiringSoon: expiring,
    expiringWithinHours: EXPIRING_WITHIN_HOURS,
    failedTags: applicants.tagSyncProblems,
    hiresNeedingStartDate: filing.buckets.needs_start_date,
    filingsDue: filing.buckets.due_soon + filing.buckets.overdue,
  };
}
