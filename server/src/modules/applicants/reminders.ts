import type { FastifyInstance } from 'fastify';
import { applicantModel, OPEN_SURVEY_STATUSES } from './applicant.model.ts';
import { sendReminder } from './invitation.service.ts';

/** A reminder not sent within this long after it was due is skipped (e.g. the server was down). */
export const REMINDER_GRACE_MS = 24 * 3_600_000;

export interface SweepResult {
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

/** Every API instance sweeps periodically (`SURVEY_REMINDER_SWEEP_SECONDS`). */
export function scheduleReminderSweep(app: FastifyInstance): void {
  app.scheduler.every('survey-reminders', app.config.surveyReminders.sweepIntervalMs, () =>
    sweepReminders(app),
  );
}
