import type { FastifyInstance } from 'fastify';
import { applicantRoutes } from '@eligo/shared/routes';
import { registerRoute } from '../../lib/route.ts';
import { requireAuth } from '../../plugins/auth.ts';
import { applicantModel } from './applicant.model.ts';
import { applicantSummary } from './applicant-summary.ts';
import { applicantsService } from './applicants.service.ts';
import { deliveryModel } from './delivery.model.ts';
import { applicantPostingModel } from './posting.model.ts';
import { scheduleReminderSweep } from './reminders.ts';
import { applicantEventModel } from './timeline.model.ts';

/** The WOTC Applicants dashboard, the applicant page and its admin actions, and the reminders. */
export default async function applicantsModule(app: FastifyInstance): Promise<void> {
  // Registered now so that boot creates (and checks) their collections and indexes.
  applicantModel(app.mongo);
  applicantEventModel(app.mongo);
  deliveryModel(app.mongo);
  applicantPostingModel(app.mongo);
  const applicants = applicantsService(app);

  registerRoute(app, applicantRoutes.list, {
    handler: async (request) => applicants.list(requireAuth(request), request.query),
  });

  registerRoute(app, applicantRoutes.summary, {
    handler: async (request) =>
      applicantSummary(app, requireAuth(request).organization._id, new Date()),
  });

  registerRoute(app, applicantRoutes.get, {
    handler: async (request) => applicants.get(requireAuth(request), request.params.applicantId),
  });

  registerRoute(app, applicantRoutes.setEmail, {
    handler: async (request) =>
      applicants.setEmail(requireAuth(request), request.params.applicantId, request.body.email),
  });

  registerRoute(app, applicantRoutes.resendSurvey, {
    handler: async (request) => applicants.resend(requireAuth(request), request.params.applicantId),
  });

  registerRoute(app, applicantRoutes.overrideWotcStatus, {
    handler: async (request) =>
      applicants.override(requireAuth(request), request.params.applicantId, request.body),
  });

  registerRoute(app, applicantRoutes.retryTagSync, {
    handler: async (request) =>
      applicants.retryTagSync(requireAuth(request), request.params.applicantId),
  });

  registerRoute(app, applicantRoutes.revealSsn, {
    handler: async (request) =>
      applicants.revealSsn(
        request,
        requireAuth(request),
        request.params.applicantId,
        request.body.reason,
      ),
  });

  registerRoute(app, applicantRoutes.exportCsv, {
    handler: async (request, reply) => {
      const csv = await applicants.exportCsv(request, requireAuth(request), request.body);
      const day = new Date().toISOString().slice(0, 10);
      // A non-JSON content type: the string goes out as is (no JSON serialization).
      void reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="wotc-applicants-${day}.csv"`);
      return csv;
    },
  });

  scheduleReminderSweep(app);
}
