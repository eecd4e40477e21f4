import { randomBytes } from 'node:crypto';
import { mkdtemp, chmod, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Types } from 'mongoose';
import { afterAll, bench, describe } from 'vitest';
import { createApp } from '@eligo/server/app';
import { loadConfig } from '@eligo/server/config';
import { ensureFerretDb2 } from '@eligo/dev/database/ferretdb2/build';
import { startFerretDb2 } from '@eligo/dev/database/ferretdb2/server';
import { buildOptionsFromEnv } from '@eligo/dev/database/ferretdb2/settings';
import { startMongoMemoryServer } from '@eligo/dev/database/memory-server';
import type { RunningDatabase } from '@eligo/dev/database/running-database';
import { apiClient, type ApiClient } from '../support/http.ts';
import {
  createApplicantWithSurveyLink,
  createOrganization,
  signedIn,
} from '../support/factories.ts';
import { canaryAnswers, surveyPath } from '../support/survey.ts';

/**
 * Two requests every user makes, through the whole app (routing, session lookup, encryption,
 * database) on each embedded engine, in one run: FerretDB 2 + DocumentDB (what tests, CI and
 * `pnpm start` use) and, where mongodb-memory-server can get its binary, MongoDB itself (what
 * production runs) for comparison.
 * Each engine starts in a throwaway folder; nothing else runs against it. Beside the benchmark's own
 * organization, each database holds BENCH_FILL_DOCUMENTS (default 20,000) other sessions and other
 * applicants, so lookups face collections of a realistic size (see docs/database.md).
 * Run: pnpm bench (machine load matters: note `uptime` beside the figures).
 */
interface Subject {
  name: string;
  db: RunningDatabase;
  app: FastifyInstance;
  admin: ApiClient;
  surveyClient: ApiClient;
  surveyToken: string;
  dataDir: string;
}

const log = (message: string) => console.log(`[bench] ${message}`);
const fill = Number(process.env.BENCH_FILL_DOCUMENTS ?? 20_000);

/** Other organizations' sessions and applicants: filler the lookups must not be slowed by. */
async function addFiller(app: FastifyInstance): Promise<void> {
  const organizationId = new Types.ObjectId();
  const later = new Date(Date.now() + 3_600_000);
  for (let done = 0; done < fill; done += 1_000) {
    const batch = Array.from({ length: Math.min(1_000, fill - done) }, (_, i) => i + done);
    await app.mongo.collection('sessions').insertMany(
      batch.map(() => ({
        _id: randomBytes(32).toString('hex') as unknown as Types.ObjectId,
        userId: new Types.ObjectId(),
        organizationId,
        createdAt: new Date(),
        expiresAt: later,
        idleExpiresAt: later,
      })),
    );
    await app.mongo.collection('applicants').insertMany(
      batch.map((n) => ({
        organizationId,
        firstName: 'Filler',
        lastName: `Applicant ${n}`,
        email: `filler-${n}@example.com`,
        language: 'en',
        survey: { tokenHash: randomBytes(32).toString('hex') },
        createdAt: new Date(),
      })),
    );
  }
}

async function subject(name: string, start: (dataDir: string) => Promise<RunningDatabase>) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'eligo-bench-'));
  await chmod(dataDir, 0o711);
  const db = await start(dataDir);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    MONGODB_URI: `${db.uri}/eligo_bench`,
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    SURVEY_RATE_LIMIT_PER_MINUTE: '1000000',
  });
  const app = await createApp(config);
  const started = Date.now();
  await addFiller(app);
  log(
    `${name}: ${fill} sessions and ${fill} applicants of another organization stored in ${Date.now() - started} ms`,
  );
  const org = await createOrganization(app);
  const admin = await signedIn(app, org.admin);
  const { token } = await createApplicantWithSurveyLink(app, org.organizationId);
  log(`${name}: ${db.description}`);
  return { name, db, app, admin, surveyClient: apiClient(app), surveyToken: token, dataDir };
}

const subjects: Subject[] = [
  await subject('FerretDB 2', async (dataDir) =>
    startFerretDb2({
      engine: await ensureFerretDb2(buildOptionsFromEnv(log)),
      dataDir,
      ephemeral: true,
    }),
  ),
];
try {
  subjects.push(await subject('MongoDB', (dataDir) => startMongoMemoryServer({ dataDir, log })));
} catch (error) {
  log(`MongoDB left out: mongodb-memory-server cannot start it here (${(error as Error).message})`);
}

afterAll(async () => {
  for (const s of subjects) {
    await s.app.close();
    await s.db.stop();
    await rm(s.dataDir, { recursive: true, force: true });
  }
});

function expectStatus(status: number, expected: number, what: string): void {
  if (status !== expected) throw new Error(`${what} answered ${status}, not ${expected}`);
}

const options = { time: 3_000, warmupTime: 500 };
const answers = canaryAnswers();

describe('GET /api/auth/me with a session (session lookup + user + organization)', () => {
  for (const s of subjects) {
    bench(
      s.name,
      async () => {
        expectStatus((await s.admin.get('/api/auth/me')).statusCode, 200, 'GET /api/auth/me');
      },
      options,
    );
  }
});

describe('PUT /api/survey/:token/answers (link lookup + encrypted draft save)', () => {
  for (const s of subjects) {
    bench(
      s.name,
      async () => {
        const response = await s.surveyClient.put(surveyPath(s.surveyToken, 'answers'), {
          step: 3,
          answers,
        });
        expectStatus(response.statusCode, 204, 'survey save');
      },
      options,
    );
  }
});
