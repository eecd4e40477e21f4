import os from 'node:os';
import type { FastifyInstance } from 'fastify';
import { Types } from 'mongoose';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { addDays } from '@eligo/shared/wotc/dates';
import { applicantIdFor } from '@eligo/server/modules/applicants/index';
import type { CreditLedger } from '@eligo/shared/schemas/credits';
import { testClock } from '../support/clock.ts';
import { payrollCsv, uploadPayroll } from '../support/credits.ts';
import type { TestDatabaseServer } from '../support/database.ts';
import { createOrganization, signedIn } from '../support/factories.ts';
import type { ApiClient } from '../support/http.ts';
import { applicantDoc } from './applicant-fill.ts';
import { Timings, loadAverage as load, startBenchApp } from './bench-kit.ts';

/**
 * Credits at scale (issue 21): the payroll upload of 100,000 rows (`POST /api/payroll/import`,
 * rows per second and the peak memory of the process serving it, beside the database's own
 * `insertMany` of the same rows: the physical limit) and the ledger of a tax year for 10,000
 * certified hires (`GET /api/credits`: the first read after the upload, which computes it, then
 * p50/p95 of the reads that follow, served from its stored copy, against 100 ms).
 *   pnpm --filter @eligo/tests bench:file credits   (MONGODB_URI=… to measure another server)
 * BENCH_CREDITS_HIRES (default 10000), BENCH_CREDITS_ROWS (100000), BENCH_CREDITS_RUNS (30).
 */
const HIRES = Number(process.env.BENCH_CREDITS_HIRES ?? 10_000);
const ROWS = Number(process.env.BENCH_CREDITS_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_CREDITS_RUNS ?? 30);
const TARGET_MS = 100;
const clock = testClock('2026-06-15T15:00:00Z');
const GROUPS = ['A', 'B', 'C', 'E', 'F', 'G', 'H', 'I', 'J', 'V'] as const;

let app: FastifyInstance;
let server: TestDatabaseServer;
let organizationId: Types.ObjectId;
let admin: ApiClient;
const employees: Array<{ opportunityId: string; startedOn: string }> = [];
const timings = new Timings();
const notes: string[] = [];
const startLoad = os.loadavg();

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Certified hires who started in 2025, spread over the year, in ten target groups. */
async function fillCertifiedHires() {
  const now = clock.now().getTime();
  for (let start = 0; start < HIRES; start += 1000) {
    const docs = [];
    for (let n = start; n < Math.min(HIRES, start + 1000); n++) {
      const base = applicantDoc(organizationId, n, now);
      const startedOn = addDays('2025-01-06', (n * 7) % 350);
      const certifiedOn = addDays(startedOn, 40);
      const targetGroup = GROUPS[n % GROUPS.length]!;
      employees.push({ opportunityId: base.lever.opportunityId, startedOn });
      docs.push({
        ...base,
        _id: applicantIdFor(organizationId, base.lever.opportunityId),
        wotcStatus: 'pre_qualified',
        hire: { startedOn, offeredOn: addDays(startedOn, -14), hiredOn: addDays(startedOn, -10) },
        filing: {
          status: {
            state: 'certified',
            submission: {
              on: addDays(startedOn, 5),
              method: 'portal',
              reference: null,
              late: false,
            },
            determination: {
              state: 'certified',
              on: certifiedOn,
              targetGroup,
              certificationNumber: null,
              reason: null,
            },
          },
        },
      });
    }
    await app.mongo.collection('applicants').insertMany(docs as never[], { ordered: false });
  }
}

/** `ROWS` fortnightly pay periods from each hire's start, spread evenly over the hires. */
function payrollLines(): string[] {
  const lines: string[] = [];
  const perHire = Math.ceil(ROWS / employees.length);
  for (const { opportunityId, startedOn } of employees) {
    for (let k = 0; k < perHire && lines.length < ROWS; k++) {
      const from = addDays(startedOn, 14 * k);
      lines.push(
        `${opportunityId},${from},${addDays(from, 13)},${60 + (k % 3) * 10},${900 + k * 5}`,
      );
    }
  }
  return lines;
}

/** Runs `work` while sampling this process's RSS (the server runs in it): the peak, in bytes. */
async function peakRss(work: () => Promise<void>): Promise<number> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  return Math.max(peak, process.memoryUsage().rss);
}

beforeAll(async () => {
  ({ app, server } = await startBenchApp('bench-credits', clock));
  const org = await createOrganization(app, { name: 'Bench Credits Org' });
  organizationId = new Types.ObjectId(org.organizationId);
  admin = await signedIn(app, org.admin);
  await fillCertifiedHires();

  // The payroll upload, once, as an admin's browser sends it.
  const csv = payrollCsv(payrollLines());
  let status = 0;
  let seconds = 0;
  const rssBefore = process.memoryUsage().rss;
  const peak = await peakRss(async () => {
    const started = performance.now();
    const res = await uploadPayroll(admin, csv);
    seconds = (performance.now() - started) / 1000;
    status = res.statusCode;
    if (status !== 200) throw new Error(`the upload answered ${status}: ${res.body.slice(0, 500)}`);
  });
  const stored = await app.mongo.collection('payroll_periods').countDocuments({ organizationId });
  notes.push(
    `payroll upload: ${ROWS.toLocaleString('en-US')} rows (${(csv.length / 1024 / 1024).toFixed(1)} MB) in ${seconds.toFixed(1)} s = ${Math.round(ROWS / seconds).toLocaleString('en-US')} rows/s; ${stored.toLocaleString('en-US')} periods stored; process RSS ${mb(rssBefore)} before, peak ${mb(peak)} (+${mb(peak - rssBefore)})`,
  );

  // The physical limit: the same number of period documents, inserted by the driver in batches.
  const raw = app.mongo.collection('bench_raw_periods');
  const started = performance.now();
  for (let start = 0; start < ROWS; start += 1000) {
    const docs = [];
    for (let n = start; n < Math.min(ROWS, start + 1000); n++) {
      docs.push({
        organizationId,
        applicantId: new Types.ObjectId(),
        periodStart: '2025-01-06',
        periodEnd: '2025-01-19',
        hundredthsOfHours: 8000,
        cents: 120000,
        createdAt: new Date(),
        updatedAt: new Date(),
      });
    }
    await raw.insertMany(docs, { ordered: false });
  }
  const rawSeconds = (performance.now() - started) / 1000;
  notes.push(
    `database alone: insertMany of ${ROWS.toLocaleString('en-US')} period documents in ${rawSeconds.toFixed(1)} s = ${Math.round(ROWS / rawSeconds).toLocaleString('en-US')} rows/s`,
  );
  // The first read after the upload computes the ledger and stores its copy (docs/credits.md
  // §10); the bench's runs below read the copy, as every read does until the next change.
  for (const taxYear of [2025, 2026]) {
    const coldStarted = performance.now();
    const cold = await admin.get(`/api/credits?taxYear=${taxYear}`);
    const coldMs = performance.now() - coldStarted;
    if (cold.statusCode !== 200) throw new Error(`the ledger answered ${cold.statusCode}`);
    const ledger = cold.json() as CreditLedger;
    notes.push(
      `ledger ${taxYear}, first read after the upload (computed, then stored): ${coldMs.toFixed(0)} ms; ${ledger.lines.length.toLocaleString('en-US')} lines, credit $${ledger.totals.credit.toLocaleString('en-US')}`,
    );
  }
}, 3_600_000);

afterAll(async () => {
  const lines = [
    '',
    `Credits: ${HIRES.toLocaleString('en-US')} certified hires on ${server?.description}; ${os.cpus().length} CPUs; load average at start ${load(startLoad)}, now ${load(os.loadavg())}`,
    ...notes,
    '',
    ...timings.table(TARGET_MS),
  ];
  console.log(lines.join('\n'));
  await app?.mongo.dropDatabase().catch(() => undefined);
  await app?.close();
  await server?.stop();
}, 600_000);

const options = { time: 0, iterations: RUNS, warmupTime: 0, warmupIterations: 0 };

describe(`Credits for ${HIRES} certified hires`, () => {
  bench(
    'ledger 2025 (GET /api/credits)',
    async () => {
      await timings.timed('GET /api/credits?taxYear=2025', async () => {
        const res = await admin.get('/api/credits?taxYear=2025');
        if (res.statusCode !== 200) throw new Error(`the ledger answered ${res.statusCode}`);
      });
    },
    options,
  );
  bench(
    'ledger 2026 (GET /api/credits)',
    async () => {
      await timings.timed('GET /api/credits?taxYear=2026', async () => {
        const res = await admin.get('/api/credits?taxYear=2026');
        if (res.statusCode !== 200) throw new Error(`the ledger answered ${res.statusCode}`);
      });
    },
    options,
  );
});
