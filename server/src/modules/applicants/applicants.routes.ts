import type { FastifyInstance } from 'fastify';
import { applicantModel } from './applicant.model.ts';
import { deliveryModel } from './delivery.model.ts';
import { scheduleReminderSweep } from './reminders.ts';
import { applicantEventModel } from './timeline.model.ts';

/** The WOTC Applicants dashboard, the applicant page and its admin actions, and the reminders. */
export default async function applicantsModule(app: FastifyInstance): Promise<void> {
  // Registered now so that boot creates (and checks) their collections and indexes.
  applicantModel(app.mongo);
  applicantEventModel(app.mongo);
  deliveryModel(app.mongo);

  scheduleReminderSweep(app);
}
