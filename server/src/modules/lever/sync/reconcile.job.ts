import type { FastifyInstance } from 'fastify';
import { Types } from 'mongoose';
import { PermanentFailure } from '../../../lib/jobs/errors.ts';
import type { JobContext } from '../../../lib/jobs/runner.ts';
import { applicantIdFor, applicantModel } from '../../applicants/index.ts';
import type { LeverAccountClient } from '../client/lever.client.ts';
import type { LeverOpportunity } from '../client/lever.types.ts';
import type { LeverIntegrationDocument } from '../integration.model.ts';
import { leverLeases } from '../lease.model.ts';
import type { ReconcileJobPayload } from '../lever.jobs.ts';
import { enqueueHire } from '../webhooks/inbox.ts';
import { asJobFailure } from './lever-failures.ts';
import {
  canReconcile,
  readReconcile,
  recordReconcile,
  RECONCILE_SCOPE,
} from './reconcile-state.ts';

/**
 * Each run looks back this far before the previous run's start: a hire archived just before a
 * run began may show in Lever's list a moment late. Re-listing it costs nothing: its hire job
 * exists already (`hireJobKey`).
 */
export const RECONCILE_OVERLAP_MS = 10 * 60_000;
/** The first run of an integration starts here before it was connected. */
const FIRST_LOOK_BACK_MS = 86_400_000;
/** One run at a time per integration, on any instance (renewed by the run's own length). */
const LEASE_MS = 30 * 60_000;
const PAGE_SIZE = '100';

export const RECONCILE_JOB_SETTINGS = {
  maxAttempts: 5,
  baseDelayMs: 30_000,
  timeoutMs: 20 * 60_000,
};

const leaseOf = (integrationId: Types.ObjectId) => `reconcile:${integrationId.toHexString()}`;

/** The archive reasons of type `hired` (Lever's example shows one object; a list is read as well). */
async function hiredReasons(lever: LeverAccountClient): Promise<string[]> {
  const reasons = await lever.listArchiveReasons('hired');
  return reasons.filter((r) => r.type === undefined || r.type === 'hired').map((r) => r.id);
}

/**
 * One page of hired opportunities: queues the hire job of each one Eligo screened (others cost
 * nothing), reading `archivedAt` from the list so the job need not read the opportunity again.
 * Returns how many jobs it created: hires no webhook had reported.
 */
async function queuePage(
  app: FastifyInstance,
  integration: LeverIntegrationDocument,
  opportunities: LeverOpportunity[],
): Promise<number> {
  const orgId = integration.organizationId;
  const byApplicant = new Map(
    opportunities.map((o) => [applicantIdFor(orgId, o.id).toHexString(), o]),
  );
  const screened = await applicantModel(app.mongo)
    .find({ organizationId: orgId, _id: { $in: [...byApplicant.keys()] } }, { _id: 1 })
    .lean<Array<{ _id: Types.ObjectId }>>();
  let created = 0;
  for (const { _id } of screened) {
    const opportunity = byApplicant.get(_id.toHexString())!;
    const queued = await enqueueHire(
      app,
      orgId,
      {
        integrationId: integration._id.toHexString(),
        opportunityId: opportunity.id,
        source: 'lever_reconcile',
        triggeredAt: null,
        archivedAt: opportunity.archived?.archivedAt ?? null,
      },
      integration._id,
    );
    if (queued.created) created += 1;
  }
  return created;
}

/**
 * The reconcile (issue 19): lists the opportunities archived with a `hired` reason since the
 * watermark (`archive_reason_id`, `archived_at_start`), page by page within the account's request
 * budget, and queues a hire job for each screened one — a no-op for those the webhook (or an
 * earlier run) already queued, so a hire is recorded once however many runs and instances see it.
 * One run at a time per integration (a lease); the watermark moves only when a run completes.
 */
export function reconcileJob(app: FastifyInstance) {
  const leases = leverLeases(app.mongo);
  return async function handle({ payload, signal }: JobContext<ReconcileJobPayload>) {
    const integrationId = new Types.ObjectId(payload.integrationId);
    let integration: LeverIntegrationDocument;
    try {
      integration = await app.lever.tokens.load(integrationId);
    } catch (error) {
      throw asJobFailure(error);
    }
    if (!canReconcile(integration)) {
      const reason = `Lever did not grant ${RECONCILE_SCOPE}: reconnect Lever to let Eligo look for hires`;
      await recordReconcile(app, integration, { lastError: reason, finishedAt: new Date() });
      throw new PermanentFailure(reason);
    }
    // Another run is under way (another instance, or an admin's click): it covers this one.
    if (!(await leases.acquire(leaseOf(integrationId), LEASE_MS))) return;
    const startedAt = new Date();
    try {
      await recordReconcile(app, integration, { startedAt });
      const state = await readReconcile(app, integration);
      const since =
        (state?.watermark?.getTime() ?? integration.connectedAt.getTime() - FIRST_LOOK_BACK_MS) -
        RECONCILE_OVERLAP_MS;
      const lever = app.lever.client(integrationId, { signal });
      const reasons = await hiredReasons(lever);
      let found = 0;
      let offset: string | null = null;
      while (reasons.length > 0) {
        const page = await lever.listOpportunities(
          { archive_reason_id: reasons, archived_at_start: String(since), limit: PAGE_SIZE },
          offset,
        );
        found += await queuePage(app, integration, page.data);
        if (!page.hasNext) break;
        offset = page.next;
      }
      await recordReconcile(app, integration, {
        watermark: startedAt,
        lastRunAt: new Date(),
        lastFound: found,
        lastError: null,
        finishedAt: new Date(),
      });
      if (found > 0)
        app.log.info({ integrationId, found }, 'Reconcile found hires the webhook missed');
    } catch (error) {
      if (!signal.aborted) {
        const message = error instanceof Error ? error.message : String(error);
        await recordReconcile(app, integration, { lastError: message, finishedAt: new Date() });
      }
      throw asJobFailure(error);
    } finally {
      await leases.release(leaseOf(integrationId)).catch(() => undefined);
    }
  };
}
