import type { FastifyInstance } from 'fastify';
import { AppError } from '../../lib/app-error.ts';
import {
  type ApplicantDocument,
  applicantModel,
  OPEN_SURVEY_STATUSES,
  recordEvent,
} from '../applicants/index.ts';
import { claimDelivery, settleDelivery } from './delivery-claims.ts';
import { queueSurveyMail } from './survey-mails.ts';
import { currentSurveyLink } from './survey-link.service.ts';

/** A reminder not sent within this long after it was due is skipped (e.g. the server was down). */
export const REMINDER_GRACE_MS = 24 * 3_600_000;

export interface SweepResult {
  /** Reminders queued in the outbox by this sweep. */
  sent: number;
  failed: number;
}

/**
 * Sends the survey reminders that are due at `now`: reminder n goes `SURVEY_REMINDER_HOURS[n]`
 * after the current link was emailed, while the survey is still open and the link works. Every API
 * instance sweeps; each reminder is claimed by a unique insert, so it goes out once. Nothing is
 * written to the applicant, so the sweep never races the survey's own writes.
 */
export async function sweepReminders(app: FastifyInstance, now = new Date()): Promise<SweepResult> {
  const offsets = app.config.surveyReminders.afterMs;
  const result: SweepResult = { sent: 0, failed: 0 };
  if (offsets.length === 0) return result;
  const first = offsets[0]!;
  const last = offsets[offsets.length - 1]!;
  // Across organizations (a system task): only links emailed between the first reminder's delay and
  // the last one's plus grace ago can have a reminder due, a few days of applicants at most.
  const candidates = await applicantModel(app.mongo)
    .find({
      'survey.sentAt': {
        $lte: new Date(now.getTime() - first),
        $gte: new Date(now.getTime() - last - REMINDER_GRACE_MS),
      },
      'survey.status': { $in: [...OPEN_SURVEY_STATUSES] },
      'survey.expiresAt': { $gt: now },
      reusedFrom: null,
    })
    .setOptions({ skipTenant: true });
  for (const applicant of candidates) {
    const elapsed = now.getTime() - applicant.survey.sentAt!.getTime();
    // The latest reminder that is due and still within its grace period (an earlier one that was
    // missed is not sent late on top of it).
    const number = offsets.findLastIndex((after) => elapsed >= after) + 1;
    if (number === 0 || elapsed > offsets[number - 1]! + REMINDER_GRACE_MS) continue;
    try {
      if (await sendReminder(app, applicant, number)) result.sent += 1;
    } catch (error) {
      result.failed += 1;
      app.log.warn({ err: error, applicantId: applicant._id }, 'survey reminder failed');
    }
  }
  return result;
}

/**
 * Reminder `number` (1, 2…) of the applicant's current link, once per link (several API instances
 * may sweep at the same time): queued in the outbox, which sends it. Returns whether this call
 * queued it.
 */
export async function sendReminder(
  app: FastifyInstance,
  applicant: ApplicantDocument,
  number: number,
): Promise<boolean> {
  const sentAt = applicant.survey.sentAt;
  if (!sentAt || applicant.reusedFrom || !applicant.emailNormalized) return false;
  const claim = await claimDelivery(app, {
    organizationId: applicant.organizationId,
    applicantId: applicant._id,
    key: `reminder:${applicant._id.toHexString()}:${sentAt.getTime()}:${number}`,
    kind: 'reminder',
    now: new Date(),
  });
  if (!claim.won) return false;
  try {
    const link = await currentSurveyLink(app, applicant);
    if (!link) throw new Error('The survey link is not on file');
    await queueSurveyMail(app, applicant, link, {
      claims: [claim.claim],
      event: 'reminder_sent',
      reminder: number,
    });
  } catch (error) {
    await settleDelivery(app, claim.claim, 'failed', error);
    // The next sweep tries again; the timeline says it once.
    await recordEvent(app, applicant, 'reminder_failed', {
      once: `reminder-failed:${sentAt.getTime()}:${number}`,
      data: {
        number,
        reason: error instanceof AppError ? error.message : 'The reminder could not be queued',
      },
    });
    throw error;
  }
  await settleDelivery(app, claim.claim, 'queued');
  return true;
}

/** Every API instance sweeps periodically (`SURVEY_REMINDER_SWEEP_SECONDS`). */
export function scheduleReminderSweep(app: FastifyInstance): void {
  app.scheduler.every('survey-reminders', app.config.surveyReminders.sweepIntervalMs, () =>
    sweepReminders(app),
  );
}
