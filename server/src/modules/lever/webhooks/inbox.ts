import type { FastifyInstance } from 'fastify';
import type { LeverIntegrationDocument } from '../integration.model.ts';
import {
  hireJobKey,
  jobGroupOf,
  LEVER_JOBS,
  type ApplicationJobPayload,
  type HireJobPayload,
} from '../lever.jobs.ts';
import { leverInboxModel, type LeverInboxItem } from './inbox.model.ts';

type QueuedRow = Pick<
  LeverInboxItem,
  '_id' | 'organizationId' | 'integrationId' | 'event' | 'opportunityId' | 'triggeredAt'
>;

/** Rows `received` longer than this without being processed are queued again by the sweep. */
const SWEEP_AFTER_MS = 30_000;

/**
 * Queues the hire job of an opportunity (from a `candidateHired` row or the reconcile): one per
 * integration and opportunity ever (`hireJobKey`), in the integration's job group.
 */
export function enqueueHire(
  app: FastifyInstance,
  organizationId: LeverInboxItem['organizationId'],
  payload: HireJobPayload,
  integrationId: LeverInboxItem['integrationId'],
) {
  return app.jobs.enqueue<HireJobPayload>(LEVER_JOBS.hire, payload, {
    key: hireJobKey(integrationId, payload.opportunityId),
    organizationId,
    group: jobGroupOf(integrationId),
  });
}

/**
 * Queues the processing of an inbox row. An application: one job per row ever (keyed by the row's
 * `_id`, so calling it again for the same row is harmless). A hire: the opportunity's one hire job;
 * when it already existed (the reconcile, or an earlier delivery, queued it) that job covers this
 * row, which is settled now. The job group is the integration's: it pauses while Disconnected.
 */
export async function enqueueInboxItem(app: FastifyInstance, row: QueuedRow): Promise<void> {
  if (!row.opportunityId) return;
  if (row.event !== 'candidateHired') {
    await app.jobs.enqueue<ApplicationJobPayload>(
      LEVER_JOBS.application,
      { inboxId: row._id },
      applicationJob(row),
    );
    return;
  }
  const { created } = await enqueueHire(
    app,
    row.organizationId,
    {
      integrationId: row.integrationId.toHexString(),
      opportunityId: row.opportunityId,
      source: 'lever_webhook',
      triggeredAt: row.triggeredAt.getTime(),
      archivedAt: null,
    },
    row.integrationId,
  );
  if (!created) {
    await leverInboxModel(app.mongo).updateOne(
      { _id: row._id, organizationId: row.organizationId, status: 'received' },
      { $set: { status: 'processed', processedAt: new Date() } },
    );
  }
}

/**
 * `enqueueInboxItem` for the rows the receiver stored together: their application jobs in one
 * round trip (`enqueueMany`), a hire's through its own path. A job that could not be queued is
 * logged (its row stays `received`, and the sweep queues it).
 */
export async function enqueueInboxItems(
  app: FastifyInstance,
  rows: QueuedRow[],
  /**
   * The ids of the rows that were stored, when that is still being decided (the receiver's batch
   * insert): the reads the enqueue needs start beside it, and only those rows get a job.
   */
  stored: Promise<ReadonlySet<string>> | null = null,
): Promise<void> {
  const applications = rows.filter((r) => r.opportunityId && r.event !== 'candidateHired');
  const hires = rows.filter((r) => r.opportunityId && r.event === 'candidateHired');
  const kept = stored?.then((ids) => applications.map((row) => ids.has(row._id)));
  const [queued] = await Promise.all([
    applications.length === 0
      ? []
      : app.jobs.enqueueMany<ApplicationJobPayload>(
          LEVER_JOBS.application,
          applications.map((row) => ({
            payload: { inboxId: row._id },
            options: applicationJob(row),
          })),
          kept,
        ),
    (async () => {
      const ids = await stored;
      const wanted = hires.filter((row) => !ids || ids.has(row._id));
      await Promise.all(wanted.map((row) => enqueueInboxItem(app, row)));
    })(),
  ]);
  queued.forEach((result, n) => {
    if ('error' in result)
      app.log.warn(
        { err: result.error, inboxId: applications[n]!._id },
        'Queueing a webhook event failed (swept later)',
      );
  });
}

/** An application row's job: one per row ever, in the integration's group (paused while Disconnected). */
const applicationJob = (row: QueuedRow) => ({
  key: row._id,
  organizationId: row.organizationId,
  group: jobGroupOf(row.integrationId),
});

/**
 * Queues every `received` row (of one integration, or all older than half a minute): the rows
 * whose job could not be queued when they arrived (the database failed after the insert) and
 * those released by a Reconnect. Returns how many rows were looked at.
 */
export async function enqueueReceived(
  app: FastifyInstance,
  scope: { integrationId?: LeverInboxItem['integrationId'] } = {},
): Promise<number> {
  const filter = scope.integrationId
    ? { status: 'received', integrationId: scope.integrationId }
    : { status: 'received', receivedAt: { $lt: new Date(Date.now() - SWEEP_AFTER_MS) } };
  const rows = await leverInboxModel(app.mongo)
    .find(
      filter,
      { _id: 1, organizationId: 1, integrationId: 1, event: 1, opportunityId: 1, triggeredAt: 1 },
      { skipTenant: true },
    )
    .limit(1_000)
    .lean<QueuedRow[]>();
  for (const row of rows) await enqueueInboxItem(app, row);
  return rows.length;
}

/**
 * Deliveries of `event` Eligo could not use (naming no opportunity, or one Lever would not show us:
 * deleted before we read it, confidential…): how many, and the latest reason, for the tile.
 * Nobody can be surveyed (or no hire recorded) for them.
 */
export async function unusableDeliveries(
  app: FastifyInstance,
  integration: Pick<LeverIntegrationDocument, '_id' | 'organizationId'>,
  event: string,
): Promise<{ count: number; lastReason: string | null }> {
  const filter = {
    organizationId: integration.organizationId,
    integrationId: integration._id,
    status: 'failed',
    event,
  };
  const Inbox = leverInboxModel(app.mongo);
  const [count, last] = await Promise.all([
    Inbox.countDocuments(filter),
    Inbox.findOne(filter, { failure: 1 }).sort({ processedAt: -1 }),
  ]);
  return { count, lastReason: last?.failure ?? null };
}
