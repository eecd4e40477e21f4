/**
 * Is the dashboard's first query after a bulk load slow, and do PostgreSQL's statistics matter?
 * (issue 23 item 2; findings in docs/applicants.md). On FerretDB 2 + DocumentDB only: fills a fresh
 * database like dashboard-search.bench.ts does, then prints the applicants table's statistics
 * (`pg_class`, `pg_stat_user_tables`), times the first lists and counts, explains them, runs
 * `ANALYZE` and does it all again.
 *
 *   MONGODB_URI=mongodb://127.0.0.1:<port> BENCH_PG_PORT=<PostgreSQL port of that cluster> \
 *     pnpm --filter @eligo/tests exec tsx bench/dashboard-first-query.ts
 *
 * BENCH_FIRST_QUERY_SIZE (default 10000) per organization, two organizations;
 * BENCH_FIRST_QUERY_NO_AUTOVACUUM=1 switches autovacuum off for the table before the fill (the
 * worst case: no statistics at all). The PostgreSQL port of the embedded cluster is in its
 * `postgres/postmaster.pid` (fourth line). Needs `psql`.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { createApp } from '@eligo/server/app';
import { loadConfig } from '@eligo/server/config';
import { applicantModel } from '@eligo/server/modules/applicants/applicant.model';
import { applicantSummary } from '@eligo/server/modules/applicants/applicant-summary';
import { applicantsService } from '@eligo/server/modules/applicants/applicants.service';
import type { AuthContext } from '@eligo/server/plugins/auth';
import { uniqueDatabaseName, withDatabase } from '../support/mongo-uri.ts';
import { fillApplicants } from './applicant-fill.ts';
import { describePlan } from './query-plans.ts';

const size = Number(process.env.BENCH_FIRST_QUERY_SIZE ?? 10_000);
const pgPort = process.env.BENCH_PG_PORT;
const mongoUri = process.env.MONGODB_URI;
if (!pgPort || !mongoUri) throw new Error('set MONGODB_URI and BENCH_PG_PORT (see the comment)');

const psql = (sql: string) =>
  execFileSync('psql', ['-h', '127.0.0.1', '-p', pgPort, '-U', 'postgres', '-At', '-c', sql])
    .toString()
    .trim();

const database = uniqueDatabaseName('first-query');
const app = await createApp(
  loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    MONGODB_URI: withDatabase(mongoUri, database),
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    SURVEY_REMINDER_HOURS: 'off',
  }),
);
const orgA = new Types.ObjectId();
const auth = { organization: { _id: orgA } } as unknown as AuthContext;

async function timed(label: string, work: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  await work();
  console.log(`${label}: ${(performance.now() - started).toFixed(0)} ms`);
}

const id = psql(
  `select collection_id from documentdb_api_catalog.collections ` +
    `where database_name = '${database}' and collection_name = 'applicants'`,
);
const table = `documentdb_data.documents_${id}`;
const statistics = (when: string) =>
  console.log(
    `${when}: ` +
      psql(
        `select 'reltuples=' || c.reltuples || ' relpages=' || c.relpages || ' n_live_tup=' || ` +
          `s.n_live_tup || ' n_mod_since_analyze=' || s.n_mod_since_analyze || ' last_analyze=' || ` +
          `coalesce(s.last_analyze::text, '-') || ' last_autoanalyze=' || ` +
          `coalesce(s.last_autoanalyze::text, '-') from pg_class c ` +
          `join pg_stat_user_tables s on s.relid = c.oid where c.oid = '${table}'::regclass`,
      ),
  );

async function plans(when: string): Promise<void> {
  const list = await applicantModel(app.mongo)
    .find({ organizationId: orgA })
    .sort({ appliedAt: -1, _id: -1 })
    .limit(26)
    .explain('executionStats');
  console.log(`list plan ${when}: ${describePlan(Array.isArray(list) ? list[0] : list)}`);
  const counts = (await app.mongo
    .collection('applicants')
    .aggregate([
      { $match: { organizationId: orgA } },
      { $group: { _id: '$survey.status', n: { $sum: 1 } } },
    ])
    .explain()) as { queryPlanner?: { Plan?: { 'Node Type'?: string; 'Plan Rows'?: number } } };
  const top = counts.queryPlanner?.Plan;
  console.log(`counts plan ${when}: ${top?.['Node Type']}, ${top?.['Plan Rows']} rows estimated`);
}

async function firstScreen(when: string): Promise<void> {
  for (let run = 1; run <= 2; run++)
    await timed(`list ${when} #${run}`, () => applicantsService(app).list(auth, { limit: 25 }));
  await timed(`counts ${when}`, () => applicantSummary(app, orgA, new Date()));
  await plans(when);
}

console.log(`${table} (database ${database})`);
try {
  if (process.env.BENCH_FIRST_QUERY_NO_AUTOVACUUM === '1')
    psql(`alter table ${table} set (autovacuum_enabled = false)`);
  statistics('before the fill');
  const collection = app.mongo.collection('applicants');
  await timed(`fill ${size} + ${size}`, async () => {
    await fillApplicants(collection, orgA, 0, size);
    await fillApplicants(collection, new Types.ObjectId(), 0, size);
  });
  statistics('after the fill');
  await firstScreen('before ANALYZE');
  await timed('ANALYZE', async () => psql(`analyze ${table}`));
  statistics('after ANALYZE');
  await firstScreen('after ANALYZE');
} finally {
  await app.mongo.dropDatabase();
  await app.close();
}
