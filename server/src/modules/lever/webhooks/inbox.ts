import type { FastifyInstance } from 'fastify';
import type { LeverIntegrationDocument } from '../integration.model.ts';
import { jobGroupOf, LEVER_JOBS, type ApplicationJobPayload } from '../lever.jobs.ts';
import { leverInboxModel, type LeverInboxItem } from './inbox.model.ts';

/** Rows `received` longer than this without being processed are queued again by the sweep. */
const SWEEP_AFTER_MS = 30_000;

/**
 * Queues the processing of an inbox row: one job per row ever (keyed by the row's `_id`, so
 * calling it again for the same row is harmless). The job group is the integration's: it pauses
 * while the integration is Disconnected.
 */
export function enqueueInboxItem(
  app: FastifyInstance,
  row: Pick<LeverInboxItem, '_id' | 'organizationId' | 'integrationId'>,
) {
  return app.jobs.enqueue<ApplicationJobPayload>(
    LEVER_JOBS.application,
    { inboxId: row._id },
    {
      key: row._id,
      organizationId: row.organizationId,
      group: jobGroupOf(row.integrationId),
    },
  );
}

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
    .find(filter, { _id: 1, organizationId: 1, integrationId: 1 }, { skipTenant: true })
    .limit(1_000)
    .lean<Array<Pick<LeverInboxItem, '_id' | 'organizationId' | 'integrationId'>>>();
  for (const row of rows) await enqueueInboxItem(app, row);
  return rows.length;
}

/**
 * Applications Lever would not show us (deleted before we read them, confidential…): how many, and
 * the latest reason, for the tile. Nobody can be surveyed for them.
 */
export async function unreadApplications(
  app: FastifyInstance,
  integration: Pick<LeverIntegrationDocument, '_id' | 'organizationId'>,
): Promise<{ count: number; lastReason: string | null }> {
  const filter = {
    organizationId: integration.organizationId,
    integrationId: integration._id,
    status: 'failed',
  };
  const Inbox = leverInboxModel(app.mongo);
  const [count, last] = await Promise.all([
    Inbox.countDocuments(filter),
    Inbox.findOne(filter, { failure: 1 }).sort({ processedAt: -1 }),
  ]);
  return { count, lastReason: last?.failure ?? null };
}
