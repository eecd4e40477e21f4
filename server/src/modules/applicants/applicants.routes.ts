import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { applicantRoutes } from '@eligo/shared/routes';
import { registerRoute } from '../../lib/route.ts';
import { requireAuth } from '../../plugins/auth.ts';
import { applicantModel } from './applicant.model.ts';
import { applicantSummary } from './applicant-summary.ts';
import { applicantsService } from './applicants.service.ts';
import { applicantPostingModel } from './posting.model.ts';
import { viewProtectedAnswers } from './protected-answers.ts';
import {
  statusDecidedEvents,
  type StatusDecidedListener,
  type StatusDecision,
} from './status-decided.ts';
import { surveySubmissionModel } from './survey-submission.model.ts';
import { applicantEventModel } from './timeline.model.ts';
import { registerHires } from './hires/hire.routes.ts';
import { applicantCountsModel } from './applicant-counts.model.ts';
import { repairAllCounts } from './count-repair.ts';

/** How often each instance re-derives the dashboard's counts (a grouped read per organization). */
const COUNTS_REPAIR_MS = 6 * 60 * 60_000;

/** What other modules use of the applicants at run time, one per application instance. */
export interface Applicants {
  /** Subscribes to "status decided" (status-decided.ts); returns the unsubscribe function. */
  onStatusDecided(listener: StatusDecidedListener): () => void;
  /** Tells the listeners an applicant's WOTC status was decided and stored. */
  announceStatusDecided(decision: StatusDecision): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    applicants: Applicants;
  }
}

/**
 * The WOTC Applicants dashboard, the applicant page and the admin actions on an applicant's record
 * (override, SSN reveal, CSV export). A fastify-plugin, so that `app.applicants` (the "status
 * decided" event) is one object for the whole application instance: the survey announces on it,
 * Lever's tag sync listens.
 */
export default fp(
  async function applicantsModule(app: FastifyInstance): Promise<void> {
    const statusDecided = statusDecidedEvents();
    app.decorate('applicants', {
      onStatusDecided: statusDecided.on,
      announceStatusDecided: statusDecided.announce,
    } satisfies Applicants);
    // Registered now so that boot creates (and checks) their collections and indexes.
    applicantModel(app.mongo);
    applicantEventModel(app.mongo);
    applicantPostingModel(app.mongo);
    surveySubmissionModel(app.mongo);
    applicantCountsModel(app.mongo);
    // The counts' repair job (count-repair.ts): on every instance; runs are safe side by side.
    app.scheduler.every('applicant-counts-repair', COUNTS_REPAIR_MS, () =>
      repairAllCounts(app.mongo),
    );
    const applicants = applicantsService(app);
    registerHires(app, statusDecided.on);

    registerRoute(app, applicantRoutes.list, {
      handler: async (request) => applicants.list(requireAuth(request), request.query),
    });

    registerRoute(app, applicantRoutes.summary, {
      handler: async (request) =>
        applicantSummary(app, requireAuth(request).organization._id, app.clock.now()),
    });

    registerRoute(app, applicantRoutes.get, {
      handler: async (request) => applicants.get(requireAuth(request), request.params.applicantId),
    });

    registerRoute(app, applicantRoutes.overrideWotcStatus, {
      handler: async (request) =>
        applicants.override(requireAuth(request), request.params.applicantId, request.body),
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

    registerRoute(app, applicantRoutes.viewProtectedAnswers, {
      handler: async (request) =>
        viewProtectedAnswers(
          app,
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
  },
  {
    name: 'applicants',
    dependencies: ['config', 'clock', 'mongo', 'crypto', 'auth', 'organizations'],
  },
);
