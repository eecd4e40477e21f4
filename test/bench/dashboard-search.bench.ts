import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { FastifyInstance } from 'fastify';
import { Types, type FilterQuery } from 'mongoose';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import type { ListApplicantsQuery } from '@eligo/shared/schemas/applicants';
import { createApp } from '@eligo/server/app';
import { loadConfig } from '@eligo/server/config';
import { applicantModel, type Applicant } from '@eligo/server/modules/applicants/index';
import { applicantSummary } from '@eligo/server/modules/applicants/applicant-summary';
import { searchConditions, sortOf } from '@eligo/server/modules/applicants/applicant-query';
import { applicantsService } from '@eligo/server/modules/applicants/applicants.service';
import { searchKeysFor, splitName } from '@eligo/server/modules/applicants/search-keys';
import type { AuthContext } from '@eligo/server/plugins/auth';
import { startTestDatabaseServer, type TestDatabaseServer } from '../support/database.ts';
import { uniqueDatabaseName, withDatabase } from '../support/mongo-uri.ts';

/**
 * The WOTC Applicants dashboard at 10,000 and 100,000 applicants in one organization (with as many
 * in a second one): name search, status filter, the counts. Prints p50/p95 per query and size, and
 * what the engine's `explain` says about each query shape. Not part of `pnpm test`:
 *   pnpm --filter @eligo/tests bench:file dashboard-search   (MONGODB_URI=… to measure another server)
 * BENCH_DASHBOARD_SIZES=1000,10000 changes the sizes (default 10000,100000);
 * BENCH_DASHBOARD_QUERIES=ann,counts runs only the queries whose name contains one of the words. The first run of each
 * query is measured too.
 */
const SIZES = (process.env.BENCH_DASHBOARD_SIZES ?? '10000,100000').split(',').map(Number);
/**
 * Runs per query and size, e.g. BENCH_DASHBOARD_RUNS=5,2 (one number per size); by default 20.
 */
const RUNS = (process.env.BENCH_DASHBOARD_RUNS ?? '').split(',').filter(Boolean).map(Number);
/** Only the queries whose name contains one of these words, e.g. BENCH_DASHBOARD_QUERIES=ann,counts. */
const ONLY = (process.env.BENCH_DASHBOARD_QUERIES ?? '').split(',').filter(Boolean);
const selected = (name: string) => ONLY.length === 0 || ONLY.some((word) => name.includes(word));
const runsAt = (size: number) => RUNS[SIZES.indexOf(size)] ?? 20;

// --- data -----------------------------------------------------------------------------------------

function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const FIRST = (
  'José María Ana Anna Ann Mary-Ann Zoë Chloé Renée François Björn Liam Noah Olivia Emma ' +
  'Sophia Isabella Mia Lucas Mateo Sebastián Valentina Camila Diego Luis Carmen Rosa Jorge ' +
  'Andrés Lucía Sofía Daniel David James John Robert Michael William Elizabeth Jennifer Linda ' +
  'Barbara Susan Jessica Sarah Karen Nancy Lisa Betty Margaret Sandra Ashley Kimberly Emily ' +
  "Donna Michelle Dorothy Carol Amanda Melissa Deborah Stephanie D'Andre Jean-Luc Thảo Nguyễn"
).split(' ');
const LAST = (
  'García Rodríguez Martínez Hernández López González Pérez Sánchez Ramírez Torres Flores ' +
  'Rivera Gómez Díaz Reyes Morales Cruz Ortiz Gutiérrez Chávez Ramos Ruiz Jiménez Mendoza ' +
  'Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Jackson ' +
  'Martin Lee Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott ' +
  "O'Brien O'Neil McDonald Núñez Peña Muñoz Ünal Østergaard Smith-Jones Lévesque Nguyen Tran " +
  'Kim Park Chen Wang Li Zhang Liu Singh Patel Kumar Khan Ali Ahmed Cohen Levi Schmidt Müller'
).split(' ');
const POSTINGS = Array.from({ length: 40 }, (_, i) => ({
  id: `posting-${i}`,
  title: `Posting ${i} ${['Cook', 'Driver', 'Cashier', 'Nurse', 'Warehouse Associate'][i % 5]}`,
}));

type SurveyState = Applicant['survey']['status'] | 'expired';
const SURVEY_MIX: Array<[SurveyState, number]> = [
  ['missing_email', 5],
  ['not_sent', 2],
  ['sent', 17],
  ['expired', 8],
  ['opened', 8],
  ['in_progress', 5],
  ['submitted', 48],
  ['declined', 7],
];
const DAY = 86_400_000;

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function weighted<T>(random: () => number, mix: Array<[T, number]>): T {
  const total = mix.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, weight] of mix) {
    r -= weight;
    if (r < 0) return value;
  }
  return mix[mix.length - 1]![0];
}

function applicantDoc(organizationId: Types.ObjectId, n: number, now: number) {
  const random = prng(n * 7919 + organizationId.getTimestamp().getTime());
  const name = `${pick(random, FIRST)} ${pick(random, LAST)}${random() < 0.15 ? ` ${pick(random, LAST)}` : ''}`;
  const survey = weighted(random, SURVEY_MIX);
  const email =
    survey === 'missing_email'
      ? null
      : `${name
          .toLowerCase()
          .normalize('NFKD')
          .replace(/[^a-z]+/g, '.')}${n}@example.com`;
  const appliedAt = new Date(now - Math.floor(random() * 365 * DAY));
  const sentAt = survey === 'missing_email' || survey === 'not_sent' ? null : appliedAt;
  const expiresAt = sentAt ? new Date(survey === 'expired' ? now - DAY : now + 20 * DAY) : null;
  const wotcStatus =
    survey === 'submitted'
      ? weighted(random, [
          ['pre_qualified', 30],
          ['not_qualified', 60],
          ['needs_review', 10],
        ] as Array<[string, number]>)
      : survey === 'declined'
        ? 'not_qualified'
        : 'pending';
  const posting = pick(random, POSTINGS);
  return {
    _id: new Types.ObjectId(),
    organizationId,
    name,
    ...splitName(name),
    email: email ?? '',
    ...searchKeysFor(name, email),
    lever: {
      integrationId: 'bench',
      opportunityId: `opp-${organizationId.toHexString()}-${n}`,
      applicationId: null,
      contactId: null,
      postingId: posting.id,
    },
    postingTitle: posting.title,
    appliedAt,
    confidential: false,
    anonymized: false,
    reusedFrom: null,
    language: 'en',
    state: null,
    survey: {
      status: survey === 'expired' ? 'sent' : survey,
      tokenHash: null,
      tokenCiphertext: null,
      expiresAt,
      invitedAt: sentAt,
      sentAt,
      openedAt: null,
      lastSavedAt: null,
      submittedAt: null,
      declinedAt: null,
    },
    draft: null,
    eligibility: null,
    ssnLast4: null,
    wotcStatus,
    override: null,
    tagSync: {
      state: wotcStatus === 'pre_qualified' || wotcStatus === 'not_qualified' ? 'synced' : 'none',
      tag: null,
      syncedAt: null,
      reason: null,
      nextRetryAt: null,
      updatedAt: null,
    },
    createdAt: appliedAt,
    updatedAt: appliedAt,
  };
}

// --- the run --------------------------------------------------------------------------------------

let app: FastifyInstance;
let server: TestDatabaseServer;
const orgA = new Types.ObjectId();
const orgB = new Types.ObjectId();
const seeded = new Map<string, number>();
const timings = new Map<string, number[]>();
const plans = new Map<string, string>();
const startLoad = os.loadavg();
let engine = '';

async function seedTo(organizationId: Types.ObjectId, size: number): Promise<void> {
  const collection = app.mongo.collection('applicants');
  const from = seeded.get(organizationId.toHexString()) ?? 0;
  const now = Date.now();
  for (let start = from; start < size; start += 1000) {
    const docs = [];
    for (let n = start; n < Math.min(size, start + 1000); n++)
      docs.push(applicantDoc(organizationId, n, now));
    await collection.insertMany(docs, { ordered: false });
  }
  seeded.set(organizationId.toHexString(), size);
}

const auth = { organization: { _id: orgA } } as unknown as AuthContext;

interface Shape {
  name: string;
  query: ListApplicantsQuery;
}
const ALL_SHAPES: Shape[] = [
  { name: 'list, newest first', query: {} },
  { name: 'name search "ann" (prefix)', query: { q: 'ann' } },
  { name: 'name search "garcia maria"', query: { q: 'garcia maria' } },
  { name: 'email prefix "jose.garcia"', query: { q: 'jose.garcia@' } },
  { name: 'surveyStatus=submitted', query: { surveyStatus: 'submitted' } },
  { name: 'wotcStatus=needs_review', query: { wotcStatus: 'needs_review' } },
  { name: 'surveyStatus=expired', query: { surveyStatus: 'expired' } },
];

const SHAPES = ALL_SHAPES.filter((shape) => selected(shape.name));

/** FerretDB 2 answers PostgreSQL's plan (DocumentDB): its node types and index names, outermost first. */
function describePostgresPlan(planner: unknown): string {
  const nodes: string[] = [];
  const walk = (node: Record<string, unknown> | undefined) => {
    if (!node) return;
    const index = node['Index Name'] ? `(${String(node['Index Name'])})` : '';
    nodes.push(`${String(node['Node Type'])}${index}`);
    for (const child of (node.Plans as Array<Record<string, unknown>> | undefined) ?? [])
      walk(child);
  };
  walk((planner as { Plan?: Record<string, unknown> } | undefined)?.Plan);
  return nodes.length > 0 ? nodes.join(' ← ') : JSON.stringify(planner).slice(0, 400);
}

/** The plan in one line: MongoDB's stage tree, or FerretDB 2's PostgreSQL plan. */
function describePlan(explained: unknown): string {
  const e = explained as Record<string, unknown>;
  const winning = (e.queryPlanner as { winningPlan?: Record<string, unknown> } | undefined)
    ?.winningPlan;
  if (!winning) return describePostgresPlan(e.queryPlanner);
  const stages: string[] = [];
  const walk = (node: Record<string, unknown> | undefined) => {
    if (!node) return;
    stages.push(`${String(node.stage)}${node.indexName ? `(${String(node.indexName)})` : ''}`);
    walk(node.inputStage as Record<string, unknown> | undefined);
    for (const child of (node.inputStages as Array<Record<string, unknown>> | undefined) ?? [])
      walk(child);
  };
  walk(winning);
  const stats = e.executionStats as
    { totalKeysExamined?: number; totalDocsExamined?: number } | undefined;
  return `${stages.join(' ← ')}; keys examined ${stats?.totalKeysExamined ?? '?'}, docs examined ${stats?.totalDocsExamined ?? '?'}`;
}

async function explain(size: number, shape: Shape): Promise<void> {
  const conditions = searchConditions(shape.query, new Date());
  const filter: FilterQuery<Applicant> = {
    organizationId: orgA,
    ...(conditions.length > 0 ? { $and: conditions } : {}),
  };
  const explained = await applicantModel(app.mongo)
    .find(filter)
    .sort(sortOf(shape.query.sort))
    .limit(26)
    .explain('executionStats');
  plans.set(
    `${size} ${shape.name}`,
    describePlan(Array.isArray(explained) ? explained[0] : explained),
  );
}

function record(key: string, ms: number): void {
  const list = timings.get(key) ?? [];
  list.push(ms);
  timings.set(key, list);
}

async function timed(key: string, work: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  await work();
  record(key, performance.now() - started);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

beforeAll(async () => {
  // The engine the tests use (MONGODB_URI, else FerretDB 2, else Docker's MongoDB, else mongodb-memory-server).
  server = await startTestDatabaseServer((message) => console.log(`[bench] ${message}`));
  const uri = withDatabase(server.uri, uniqueDatabaseName('bench-dashboard'));
  app = await createApp(
    loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      MONGODB_URI: uri,
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      SURVEY_REMINDER_HOURS: 'off',
    }),
  );
  engine = server.description;
}, 600_000);

/** The p50/p95 table (all sizes measured so far) and the query plans. */
function report(): string {
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  const lines = [
    '',
    `Dashboard search on ${engine}; ${os.cpus().length} CPUs; load average at start ${load(startLoad)}, now ${load(os.loadavg())}`,
    'size     query                                runs      p50 ms      p95 ms',
  ];
  for (const [key, list] of timings) {
    const sorted = [...list].sort((a, b) => a - b);
    const [size, ...rest] = key.split(' ');
    lines.push(
      `${size!.padEnd(8)} ${rest.join(' ').padEnd(36)} ${String(list.length).padStart(4)} ${percentile(sorted, 50).toFixed(1).padStart(11)} ${percentile(sorted, 95).toFixed(1).padStart(11)}`,
    );
  }
  lines.push('', 'Query plans (explain):');
  for (const [key, plan] of plans) lines.push(`  ${key}: ${plan}`);
  return lines.join('\n');
}

afterAll(async () => {
  console.log(report());
  await app?.mongo.dropDatabase().catch(() => undefined);
  await app?.close();
  await server?.stop();
}, 600_000);

const ready = new Map<number, Promise<void>>();

/** Seeds both organizations up to `size` and explains each query shape, once per size. */
function readyAt(size: number): Promise<void> {
  let promise = ready.get(size);
  if (!promise) {
    promise = (async () => {
      // What the sizes before this one measured, in case a long run is stopped.
      if (timings.size > 0) console.log(report());
      const started = performance.now();
      await seedTo(orgA, size);
      await seedTo(orgB, size);
      console.log(
        `seeded ${size} + ${size} applicants in ${((performance.now() - started) / 1000).toFixed(0)} s`,
      );
      for (const shape of SHAPES) await explain(size, shape);
    })();
    ready.set(size, promise);
  }
  return promise;
}

// Vitest's bench runner does not run hooks inside `describe` blocks: each bench waits for its size
// to be seeded (outside the measured time) instead.
for (const size of SIZES) {
  describe(`${size.toLocaleString('en-US')} applicants per organization`, () => {
    const options = { time: 0, iterations: runsAt(size), warmupTime: 0, warmupIterations: 0 };
    for (const shape of SHAPES) {
      const key = `${size} ${shape.name}`;
      bench(
        shape.name,
        async () => {
          await readyAt(size);
          await timed(key, () => applicantsService(app).list(auth, { ...shape.query, limit: 25 }));
        },
        options,
      );
    }
    if (!selected('counts (summary)')) return;
    bench(
      'counts (summary)',
      async () => {
        await readyAt(size);
        await timed(`${size} counts (summary)`, () => applicantSummary(app, orgA, new Date()));
      },
      options,
    );
  });
}
