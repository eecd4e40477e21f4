import os from 'node:os';
import type { FastifyInstance } from 'fastify';
import type { Types } from 'mongoose';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import type { FilingBucket } from '@eligo/shared/filing';
import { applicantModel } from '@eligo/server/modules/applicants/index';
import { organizationModel } from '@eligo/server/modules/organizations/index';
import { storedEmployerProfile } from '@eligo/server/modules/organizations/employer-profile';
import { factsGroupsPipeline, filingSummary } from '@eligo/server/modules/filing/filing-summary';
import { listFiling } from '@eligo/server/modules/filing/filing-list';
import { testClock } from '../support/clock.ts';
import type { TestDatabaseServer } from '../support/database.ts';
import { employerProfile } from '../support/hires.ts';
import { Timings, loadAverage as load, startBenchApp } from './bench-kit.ts';
import { fillHires } from './filing-fill.ts';
import { describePlan } from './query-plans.ts';

/**
 * The Filing screen at 100,000 applicants of one organization, 10,000 of them hired
 * (`filing-fill.ts`): the summary (counts per bucket, `GET /api/filing/summary`) and first pages of
 * the lists, p50/p95 against the 50 ms target, with the load average and what `explain` says.
 *   pnpm --filter @eligo/tests bench:file filing-summary   (MONGODB_URI=… to measure another server)
 * BENCH_FILING_SIZE (default 100000), BENCH_FILING_HIRE_EVERY (default 10), BENCH_FILING_RUNS (50).
 */
const SIZE = Number(process.env.BENCH_FILING_SIZE ?? 100_000);
const HIRE_EVERY = Number(process.env.BENCH_FILING_HIRE_EVERY ?? 10);
const RUNS = Number(process.env.BENCH_FILING_RUNS ?? 50);
const TARGET_MS = 50;
const TODAY = '2031-06-16';
const clock = testClock(`${TODAY}T15:00:00Z`); // 10:00 in Chicago

let app: FastifyInstance;
let server: TestDatabaseServer;
let organizationId: Types.ObjectId;
const timings = new Timings();
const notes: string[] = [];
const startLoad = os.loadavg();
let fillSeconds = 0;

beforeAll(async () => {
  ({ app, server } = await startBenchApp('bench-filing', clock));
  const organization = await organizationModel(app.mongo).create({ name: 'Bench Filing Org' });
  organizationId = organization._id;
  await organizationModel(app.mongo).updateOne(
    { _id: organizationId },
    { $set: { employer: await storedEmployerProfile(app, organizationId, employerProfile()) } },
  );
  const started = performance.now();
  await fillHires(app.mongo.collection('applicants'), organizationId, {
    size: SIZE,
    hireEvery: HIRE_EVERY,
    today: TODAY,
    timeZone: 'America/Chicago',
  });
  fillSeconds = (performance.now() - started) / 1000;
  // What the summary's one read costs, as the engine plans it.
  try {
    const explained = await applicantModel(app.mongo)
      .aggregate(factsGroupsPipeline(organizationId))
      .explain('executionStats');
    notes.push(
      `summary plan: ${describePlan(Array.isArray(explained) ? explained[0] : explained)}`,
    );
  } catch (error) {
    notes.push(`summary plan: explain not available (${(error as Error).message})`);
  }
  // The first read after the fill groups the hires and keeps the groups (docs/database.md,
  // "Derived copies"); the runs below read them, as every read does until a hire is written.
  const coldStarted = performance.now();
  const summary = await filingSummary(app, organizationId);
  notes.push(
    `summary, first read after the fill (grouped, then kept): ${(performance.now() - coldStarted).toFixed(0)} ms; ${JSON.stringify(summary.buckets)}, screened after the offer ${summary.screenedAfterOffer}`,
  );
}, 3_600_000);

afterAll(async () => {
  const lines = [
    '',
    `Filing at ${SIZE.toLocaleString('en-US')} applicants (${Math.ceil(SIZE / HIRE_EVERY).toLocaleString('en-US')} hires) on ${server?.description}; ${os.cpus().length} CPUs; load average at start ${load(startLoad)}, now ${load(os.loadavg())}; fill ${fillSeconds.toFixed(0)} s`,
    ...timings.table(TARGET_MS),
  ];
  lines.push('', ...notes);
  console.log(lines.join('\n'));
  await app?.mongo.dropDatabase().catch(() => undefined);
  await app?.close();
  await server?.stop();
}, 600_000);

const options = { time: 0, iterations: RUNS, warmupTime: 0, warmupIterations: 0 };

describe(`Filing at ${SIZE} applicants`, () => {
  bench(
    'summary (GET /api/filing/summary)',
    async () => {
      await timings.timed('summary (counts per bucket)', () => filingSummary(app, organizationId));
    },
    options,
  );
  for (const bucket of ['due_soon', 'overdue', 'ready', undefined] as Array<
    FilingBucket | undefined
  >) {
    const name = `list ${bucket ?? 'all'}, first page of 25`;
    bench(
      name,
      async () => {
        await timings.timed(name, () =>
          listFiling(app, organizationId, { ...(bucket ? { bucket } : {}), limit: 25 }),
        );
      },
      options,
    );
  }
});
