import type { FastifyInstance } from 'fastify';
import { releaseAbandonedClaims } from './delivery-claims.ts';
import { deliveryModel } from './delivery.model.ts';
import surveyDeliveryRoutes from './delivery.routes.ts';
import publicSurveyRoutes from './public-survey.routes.ts';
import { scheduleReminderSweep } from './reminders.ts';
import { handleSurveyMails } from './survey-mails.ts';

/**
 * The survey: its delivery (invitation, same-person reuse, reminders, resend; the admin actions
 * of the applicant page that send it) and the public survey the applicant answers behind the link.
 */
export default async function surveyModule(app: FastifyInstance): Promise<void> {
  // Registered now so that boot creates (and checks) its collection and indexes.
  deliveryModel(app.mongo);
  await app.register(publicSurveyRoutes);
  await app.register(surveyDeliveryRoutes);
  scheduleReminderSweep(app);
  handleSurveyMails(app);
  app.scheduler.every('survey-abandoned-claims', 60_000, () => releaseAbandonedClaims(app));
}
