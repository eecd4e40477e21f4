import type { FastifyInstance } from 'fastify';
import { batcher } from '../../../lib/batcher.ts';
import { insertEachOnce } from '../../../lib/db/index.ts';
import { recordActivity } from './activity.ts';
import { enqueueInboxItems } from './inbox.ts';
import { leverInboxModel, type LeverInboxItem } from './inbox.model.ts';

/** A verified delivery as the inbox stores it: every field set (the driver's insert, no defaults). */
export type InboxRow = Required<LeverInboxItem>;

/**
 * Stores verified deliveries in the inbox, the deliveries that arrive together in one round trip
 * (`batcher`: group commit), and answers each with whether it is new (`true`) or the same event
 * again (`false`: the row's `_id`, or its delivery token, is already there). Only after the rows
 * are stored are the application jobs of the new `received` rows queued (one insert too; its reads
 * are made while the rows are inserted) and the events counted on the tile, per integration and
 * event — both may fail without failing the delivery (the sweep queues a row whose job is
 * missing; a count is only a count).
 */
export function inboxWriter(app: FastifyInstance) {
  const Inbox = leverInboxModel(app.mongo);

  /** Queues the stored rows' jobs and counts them; the reads it needs start before they are known. */
  async function afterStored(rows: InboxRow[], stored: Promise<InboxRow[]>): Promise<void> {
    const received = rows.filter((row) => row.status === 'received');
    const storedIds = stored.then((done) => new Set(done.map((row) => row._id)));
    await Promise.all([
      enqueueInboxItems(app, received, storedIds).catch((error: unknown) =>
        app.log.warn(
          { err: error, inboxIds: received.map((r) => r._id) },
          'Queueing webhook events failed (swept later)',
        ),
      ),
      stored
        .then((done) => countEvents(app, done))
        .catch((error: unknown) =>
          app.log.warn({ err: error }, 'Counting webhook events failed (the events are stored)'),
        ),
    ]);
  }

  const writer = batcher<InboxRow, boolean>(async (rows) => {
    const inserted = insertEachOnce(Inbox, rows);
    const stored = inserted.then(
      (results) => rows.filter((_, n) => (results[n] as { won?: boolean }).won === true),
      () => [],
    );
    // The jobs' reads (tombstones, paused groups) go beside the insert: one round trip less.
    const after = afterStored(rows, stored);
    const results = await inserted;
    await after;
    return results.map((r) => ('error' in r ? { error: r.error } : { value: r.won }));
  });
  return { store: writer.submit };
}

/** One count per integration and event for the rows stored together. */
async function countEvents(app: FastifyInstance, rows: InboxRow[]): Promise<void> {
  const groups = new Map<string, { row: InboxRow; count: number }>();
  for (const row of rows) {
    const key = `${row.integrationId.toHexString()}:${row.event}`;
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { row, count: 1 });
  }
  await Promise.all(
    [...groups.values()].map(({ row, count }) =>
      recordActivity(
        app,
        { _id: row.integrationId, organizationId: row.organizationId },
        'event',
        row.event as Parameters<typeof recordActivity>[3],
        new Date(),
        count,
      ),
    ),
  );
}
