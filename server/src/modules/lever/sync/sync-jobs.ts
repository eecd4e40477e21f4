import type { FastifyInstance } from 'fastify';
import {
  jobGroupOf,
  LEVER_JOB_KINDS,
  LEVER_JOBS,
  type ApplicationJobPayload,
  type HireJobPayload,
  type ReconcileJobPayload,
  type TagJobPayload,
} from '../lever.jobs.ts';
import { HIRE_JOB_SETTINGS, hireJob } from './hire.job.ts';
import { scheduleReconciles } from './reconcile-queue.ts';
import { RECONCILE_JOB_SETTINGS, reconcileJob } from './reconcile.job.ts';
import { enqueueReceived } from '../webhooks/inbox.ts';
import { applicationJob } from './application.job.ts';
import { DISCONNECTED_REASON } from './lever-failures.ts';
import { tagJob } from './tag.job.ts';

/** How often each instance looks for inbox rows whose job was never queued. */
const INBOX_SWEEP_MS = 15_000;
/** How often each instance queues the reconcile runs that are due (one per interval each). */
const RECONCILE_TICK_MS = 5 * 60_000;

/**
 * The work between Lever and the applicants, run as durable jobs in every instance: the job that
 * turns a webhook delivery into an applicant and a survey email, the job that writes the WOTC tag
 * back, the sweep for deliveries whose job was not queued, and pausing both while Lever is
 * Disconnected (resuming them, with the held deliveries, after Reconnect).
 */
export function defineSyncJobs(app: FastifyInstance): void {
  // Retried while Lever (or our database) fails for LEVER_RETRY_HOURS, then dead until Lever
  // answers again for the integration (the client revives them) or the probe finds it back.
  const budget = { retryForMs: app.config.retryBudgets.leverMs, baseDelayMs: 2_000 };
  app.jobs.define<ApplicationJobPayload>(LEVER_JOBS.application, {
    handler: applicationJob(app),
    ...budget,
    kind: LEVER_JOB_KINDS.application,
    timeoutMs: 2 * 60_000,
  });
  app.jobs.define<TagJobPayload>(LEVER_JOBS.tag, {
    handler: tagJob(app),
    ...budget,
    kind: LEVER_JOB_KINDS.tag,
    timeoutMs: 2 * 60_000,
  });
  app.jobs.define<HireJobPayload>(LEVER_JOBS.hire, { handler: hireJob(app), ...HIRE_JOB_SETTINGS });
  app.jobs.define<ReconcileJobPayload>(LEVER_JOBS.reconcile, {
    handler: reconcileJob(app),
    ...RECONCILE_JOB_SETTINGS,
    // One run at a time per integration anyway (its lease): no need to hold more slots.
    concurrency: 1,
  });

  app.lever.onStatusChange(async ({ integrationId, status }) => {
    if (status === 'disconnected') {
      await app.jobs.pauseGroup(jobGroupOf(integrationId), DISCONNECTED_REASON);
      return;
    }
    await app.jobs.resumeGroup(jobGroupOf(integrationId));
    await enqueueReceived(app, { integrationId });
  });

  app.scheduler.every('lever-inbox-sweep', INBOX_SWEEP_MS, () => enqueueReceived(app));
  if (app.config.lever) {
    app.scheduler.every('lever-reconcile', RECONCILE_TICK_MS, () => scheduleReconciles(app));
  }
}
