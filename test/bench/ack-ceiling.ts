import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { loadAverage, loadSettings } from './load.ts';

/**
 * The database's own ceiling for what a webhook ack must make durable (issue 23 item 1): a plain
 * driver loop, `BENCH_CONNECTIONS` callers for `BENCH_SECONDS`, each storing one delivery at a time
 * as the receiver must: the inbox row (into a collection with the inbox's four indexes, one unique)
 * and then its job (with the jobs collection's four indexes), each awaited before the next. No
 * HTTP, no verification, no mongoose documents: what the engine itself can do for those writes.
 *
 * With `batch` > 1 each caller stores that many deliveries per round trip (`insertMany` of the
 * rows, then of their jobs): the engine's ceiling when writes are grouped, as the receiver groups
 * the deliveries that arrive together.
 */
export interface CeilingRow {
  name: string;
  deliveriesPerSecond: number;
  p50: number;
  p99: number;
  load: string;
}

const RAW_BODY_PADDING = 'x'.repeat(260); // about the size of a signed applicationCreated body

function inboxRow(integrationId: mongoose.Types.ObjectId, organizationId: mongoose.Types.ObjectId) {
  const applicationId = randomUUID();
  const triggeredAt = Date.now();
  return {
    _id: `${integrationId.toHexString()}:applicationCreated:${applicationId}:${triggeredAt}`,
    organizationId,
    integrationId,
    event: 'applicationCreated',
    opportunityId: randomUUID(),
    applicationId,
    contactId: randomUUID(),
    triggeredAt: new Date(triggeredAt),
    receivedAt: new Date(),
    deliveryToken: randomUUID(),
    rawBody: RAW_BODY_PADDING,
    status: 'received',
    applicantId: null,
    processedAt: null,
    failure: null,
  };
}

function jobOf(row: ReturnType<typeof inboxRow>) {
  const now = new Date();
  return {
    _id: `lever.application:${row._id}`,
    type: 'lever.application',
    payload: { inboxId: row._id },
    organizationId: row.organizationId,
    key: row._id,
    group: row.integrationId.toHexString(),
    state: 'queued',
    attempt: 0,
    freeAttempts: 0,
    maxAttempts: null,
    budgetStartedAt: now,
    revivable: false,
    runAt: now,
    lastError: null,
    leaseOwner: null,
    leaseExpiresAt: null,
    history: [{ at: now, event: 'enqueued', attempt: 0 }],
    createdAt: now,
    updatedAt: now,
    finishedAt: null,
    expiresAt: null,
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

/** Runs the driver loop on a fresh database of `uri` and drops it after. */
export async function measureCeiling(uri: string, batch = 1): Promise<CeilingRow> {
  const connection = await mongoose.createConnection(uri).asPromise();
  const db = connection.db!;
  try {
    const inbox = db.collection<{ _id: string }>('ceiling_inbox');
    const jobs = db.collection<{ _id: string }>('ceiling_jobs');
    await inbox.createIndex({ deliveryToken: 1 }, { unique: true });
    await inbox.createIndex({ status: 1, receivedAt: 1 });
    await inbox.createIndex({ integrationId: 1, status: 1 });
    await inbox.createIndex({ integrationId: 1, opportunityId: 1, event: 1 });
    await inbox.createIndex({ organizationId: 1 });
    await jobs.createIndex({ state: 1, runAt: 1 });
    await jobs.createIndex({ group: 1, state: 1 });
    await jobs.createIndex({ organizationId: 1, state: 1, type: 1 });
    await jobs.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 });
    const integrationId = new mongoose.Types.ObjectId();
    const organizationId = new mongoose.Types.ObjectId();

    const storeOnce = async () => {
      const rows = Array.from({ length: batch }, () => inboxRow(integrationId, organizationId));
      if (batch === 1) {
        await inbox.insertOne(rows[0]!);
        await jobs.insertOne(jobOf(rows[0]!));
      } else {
        await inbox.insertMany(rows, { ordered: false });
        await jobs.insertMany(rows.map(jobOf), { ordered: false });
      }
    };
    const loop = async (until: number, latencies: number[] | null) => {
      let stored = 0;
      while (performance.now() < until) {
        const started = performance.now();
        await storeOnce();
        const took = performance.now() - started;
        if (latencies) for (let n = 0; n < batch; n += 1) latencies.push(took);
        stored += batch;
      }
      return stored;
    };
    const callers = (seconds: number, latencies: number[] | null) => {
      const until = performance.now() + seconds * 1000;
      return Promise.all(
        Array.from({ length: Math.max(1, Math.round(loadSettings.connections / batch)) }, () =>
          loop(until, latencies),
        ),
      );
    };
    await callers(1, null); // warm-up, like the HTTP runs
    const load = loadAverage();
    const latencies: number[] = [];
    const started = performance.now();
    const counts = await callers(loadSettings.seconds, latencies);
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const stored = counts.reduce((sum, n) => sum + n, 0);
    return {
      name:
        batch === 1
          ? `database ceiling: inbox row + job, one delivery per round trip, ${loadSettings.connections} callers`
          : `database, grouped: ${batch} deliveries per insertMany, ${Math.max(1, Math.round(loadSettings.connections / batch))} caller(s)`,
      deliveriesPerSecond: Math.round(stored / elapsed),
      p50: Math.round(percentile(latencies, 0.5)),
      p99: Math.round(percentile(latencies, 0.99)),
      load,
    };
  } finally {
    await db.dropDatabase();
    await connection.close();
  }
}
