import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { createApp } from '@eligo/server/app';
import { loadConfig } from '@eligo/server/config';
import { renderForm8850, renderForm9061 } from '@eligo/server/modules/filing/forms/index';
import { sampleFormInput } from '@eligo/server/modules/filing/forms/form-samples';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@eligo/shared/http';
import { answerSurvey } from '../support/applicants.ts';
import { startTestDatabaseServer, type TestDatabaseServer } from '../support/database.ts';
import { createOrganization, registerTestApplicant, signedIn } from '../support/factories.ts';
import { employerSignature, hiredToday, putHire, saveEmployerProfile } from '../support/filing.ts';
import { uniqueDatabaseName, withDatabase } from '../support/mongo-uri.ts';
import { spawnBuiltServer, type ServerProcess } from '../support/server-process.ts';
import { canaryAnswers } from '../support/survey.ts';

/**
 * Issue 20's figures (after `pnpm build`; `pnpm --filter @eligo/tests bench:file forms`):
 * - one Form 8850 + ETA 9061 pair rendered from the sample input, BENCH_FORMS_RUNS times (200):
 *   p50/p95 against the 50 ms target, with the p95's rank among the runs, the p99 and the slowest
 *   (the p95 of 50 runs was their third slowest: one garbage collection more or less moved it by
 *   15 ms), and the load average around the runs;
 * - a state packet of BENCH_PACKET_SIZE ready hires (500) streamed by the built server over HTTP:
 *   time to the first byte, total time, size, and the server's resident memory before, at its
 *   highest while streaming (sampled every 20 ms) and its lifetime peak (VmHWM).
 */
const RUNS = Number(process.env.BENCH_FORMS_RUNS ?? 200);
const PACKET = Number(process.env.BENCH_PACKET_SIZE ?? 500);
const TARGET_MS = 50;

let server: TestDatabaseServer;
let seeder: FastifyInstance;
let built: ServerProcess;
const applicantIds: string[] = [];
let adminCredentials: { email: string; password: string };
const pairTimes: number[] = [];
const lines: string[] = [];
const startLoad = os.loadavg();
let pairLoad: number[][] = [];

const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const nth = (n: number) =>
  `${n}${['th', 'st', 'nd', 'rd'][n % 100 >= 11 && n % 100 <= 13 ? 0 : Math.min(n % 10, 4) % 4]}`;
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

/** A line of /proc/<pid>/status in kB (VmRSS: now; VmHWM: the highest so far). */
function memoryKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
    readFileSync(`/proc/${pid}/status`, 'utf8'),
  );
  return Number(match?.[1] ?? 0);
}

beforeAll(async () => {
  server = await startTestDatabaseServer((message) => console.log(`[bench] ${message}`));
  const mongoUri = withDatabase(server.uri, uniqueDatabaseName('bench-forms'));
  const encryptionKey = randomBytes(32).toString('base64');
  seeder = await createApp(
    loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      MONGODB_URI: mongoUri,
      ENCRYPTION_KEY: encryptionKey,
      PUBLIC_URL: 'http://localhost',
      SURVEY_REMINDER_HOURS: 'off',
      SURVEY_SUBMIT_RATE_LIMIT_PER_MINUTE: '100000',
      SURVEY_RATE_LIMIT_PER_MINUTE: '100000',
    }),
  );
  const org = await createOrganization(seeder, { name: 'Bench Packet Org' });
  adminCredentials = org.admin;
  const admin = await signedIn(seeder, org.admin);
  await saveEmployerProfile(admin);
  const started = performance.now();
  for (let i = 0; i < PACKET; i++) {
    const { applicant } = await registerTestApplicant(seeder, org.organizationId, {
      name: `Hire ${i}`,
    });
    const id = applicant._id.toHexString();
    await answerSurvey(seeder, org.organizationId, id, {
      ...canaryAnswers(),
      last_name: `Packet${i}`,
    });
    await putHire(admin, id, hiredToday());
    applicantIds.push(id);
  }
  const signed = await admin.post('/api/filing/sign', { ...employerSignature, applicantIds });
  if (signed.statusCode !== 200) throw new Error(`sign: ${signed.statusCode} ${signed.body}`);
  lines.push(
    `seeded ${PACKET} signed hires in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  built = await spawnBuiltServer(mongoUri, { ENCRYPTION_KEY: encryptionKey });
  // Fonts parsed and layouts cached once per process (docs/forms.md §6): not part of a pair's time.
  await Promise.all([renderForm8850(sampleFormInput()), renderForm9061(sampleFormInput())]);
}, 3_600_000);

afterAll(async () => {
  const sorted = [...pairTimes].sort((a, b) => a - b);
  if (sorted.length > 0) {
    const p95 = percentile(sorted, 95);
    const rank = sorted.length - sorted.indexOf(p95);
    const ms = (p: number) => percentile(sorted, p).toFixed(1);
    lines.unshift(
      `8850 + 9061 pair: ${sorted.length} runs, p50 ${ms(50)} ms, p95 ${p95.toFixed(1)} ms (${nth(rank)} slowest), p99 ${ms(99)} ms, slowest ${ms(100)} ms  ${p95 < TARGET_MS ? 'PASS' : 'MISS'} (p95 < ${TARGET_MS} ms); load average ${load(pairLoad[0] ?? [])} before the runs, ${load(pairLoad[1] ?? [])} after`,
    );
  }
  console.log(
    [
      '',
      `Forms and packets on ${server?.description}; ${os.cpus().length} CPUs; load average at start ${load(startLoad)}, now ${load(os.loadavg())}`,
      ...lines,
    ].join('\n'),
  );
  await built?.stop();
  await seeder?.mongo.dropDatabase().catch(() => undefined);
  await seeder?.close();
  await server?.stop();
}, 600_000);

describe('forms and packets', () => {
  bench(
    'one Form 8850 + ETA 9061 pair (sample input)',
    async () => {
      if (pairTimes.length === 0) pairLoad = [os.loadavg()];
      const input = sampleFormInput();
      const started = performance.now();
      await Promise.all([renderForm8850(input), renderForm9061(input)]);
      pairTimes.push(performance.now() - started);
      if (pairTimes.length === RUNS) pairLoad.push(os.loadavg());
    },
    { time: 0, iterations: RUNS, warmupTime: 0, warmupIterations: 0 },
  );

  bench(
    `a packet of ${PACKET} hires streamed by the built server`,
    async () => {
      const login = await fetch(`${built.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CSRF_HEADER]: CSRF_HEADER_VALUE },
        body: JSON.stringify({
          email: adminCredentials.email,
          password: adminCredentials.password,
        }),
      });
      if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
      const cookie = login.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const before = memoryKb(built.pid, 'VmRSS');
      let highest = before;
      const sampler = setInterval(() => {
        highest = Math.max(highest, memoryKb(built.pid, 'VmRSS'));
      }, 20);
      const started = performance.now();
      try {
        const response = await fetch(`${built.url}/api/filing/packets`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [CSRF_HEADER]: CSRF_HEADER_VALUE,
            cookie,
          },
          body: JSON.stringify({ applicantIds }),
        });
        if (!response.ok) throw new Error(`packet: ${response.status} ${await response.text()}`);
        let bytes = 0;
        let firstByte = 0;
        const reader = response.body!.getReader();
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
          if (bytes === 0) firstByte = performance.now() - started;
          bytes += chunk.value.length;
        }
        const total = performance.now() - started;
        lines.push(
          `packet of ${PACKET} hires (${PACKET * 2} PDFs): first byte ${firstByte.toFixed(0)} ms, total ${(total / 1000).toFixed(1)} s (${(total / PACKET).toFixed(0)} ms per hire), ${(bytes / 1048576).toFixed(1)} MB`,
          `server memory (RSS): before ${mb(before)}, highest while streaming ${mb(highest)}, lifetime peak (VmHWM) ${mb(memoryKb(built.pid, 'VmHWM'))}`,
        );
      } finally {
        clearInterval(sampler);
      }
    },
    { time: 0, iterations: 1, warmupTime: 0, warmupIterations: 0 },
  );
});
