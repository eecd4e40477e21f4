import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { FastifyInstance } from 'fastify';
import { Types } from 'mongoose';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { createEmulator, type Emulator } from '@eligo/lever-emulator';
import { freePort } from '@eligo/dev/processes';
import { createApp } from '@eligo/server/app';
import { loadConfig } from '@eligo/server/config';
import { registerApplicant } from '@eligo/server/modules/applicants/index';
import { startTestDatabaseServer, type TestDatabaseServer } from '../support/database.ts';
import { WAREHOUSE_POSTING_ID } from '../support/lever.ts';
import { emulatorControl, leverEnv } from '../support/lever-env.ts';
import { uniqueDatabaseName, withDatabase } from '../support/mongo-uri.ts';
import { connectLeverRemotely, signUpRemotely } from '../support/remote-client.ts';
import { waitFor } from '../support/wait.ts';
import { loadAverage } from './load.ts';

/**
 * The reconcile at scale (issue 19): BENCH_RECONCILE_HIRES (default 10,000) screened candidates
 * hired in the Lever emulator while the Candidate hired webhook is off, then one reconcile
 * (`POST /api/integrations/:id/reconcile`) until every hire is recorded with its offer's dates.
 * Reports the Lever calls it used (the list pages, then one offers read per hire), the time, the
 * peak calls per second and how many Lever answered 429 (target 0: we stay under Lever's
 * 10 requests/s by design, so the time is at least calls / LEVER_API_REQUESTS_PER_SECOND).
 * The app runs in this process (as a test app does), on the tests' database server; the emulator
 * too. Run once: `pnpm --filter @eligo/tests bench:file reconcile`. Note the load average.
 */
const hires = Number(process.env.BENCH_RECONCILE_HIRES ?? 10_000);
const once = { time: 0, iterations: 1, warmupTime: 0, warmupIterations: 0 };
const CLIENT = { clientId: 'eligo-bench', clientSecret: 'eligo-bench-secret' };

let database: TestDatabaseServer;
const report: string[] = [];

beforeAll(async () => {
  database = await startTestDatabaseServer((message) => console.log(`[bench] ${message}`));
}, 600_000);

afterAll(async () => {
  console.log(
    [
      '',
      `Reconcile on ${database.description}; ${os.cpus().length} CPUs; load average now ${loadAverage()}`,
      ...report,
    ].join('\n'),
  );
  await database?.stop();
});

/** Runs `work` over `items` with at most `width` at a time. */
async function inParallel<T>(items: T[], width: number, work: (item: T) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

interface CallCounter {
  calls: number;
  rateLimited: number;
  peakPerSecond: number;
}

async function reconcileAtScale(): Promise<void> {
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const lever: Emulator = createEmulator({
    client: { ...CLIENT, redirectUris: [`${appUrl}/api/integrations/lever/callback`] },
    switches: { eventGroupsEnabledByDefault: true },
  });
  const leverUrl = await lever.listen(0);
  const control = (method: string, path: string, body?: unknown) =>
    emulatorControl(leverUrl, method, path, body);
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    MONGODB_URI: withDatabase(database.uri, uniqueDatabaseName('bench-reconcile')),
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    PUBLIC_URL: appUrl,
    JOBS_POLL_INTERVAL_MS: '100',
    ...leverEnv(leverUrl, CLIENT),
  });
  const app: FastifyInstance = await createApp(config);
  await app.listen({ port, host: '127.0.0.1' });
  try {
    const admin = await signUpRemotely(appUrl);
    if ((await connectLeverRemotely(admin)) !== 'connected') throw new Error('connect failed');
    const me = (await (await admin.request('GET', '/api/auth/me')).json()) as {
      organization: { id: string };
    };
    const organizationId = new Types.ObjectId(me.organization.id);
    const [integration] = (
      (await (await admin.request('GET', '/api/integrations')).json()) as {
        items: Array<{ id: string }>;
      }
    ).items;

    // The candidates apply with no webhook listening (nothing to survey here), then are screened
    // as the application job would register them, then hired in Lever with an offer; Candidate
    // hired is switched off, so only the reconcile can find them.
    await control('PUT', '/event-groups/applicationCreated', { enabled: false });
    await control('PUT', '/event-groups/candidateHired', { enabled: false });
    const setupStarted = performance.now();
    const ids: string[] = [];
    await inParallel(
      Array.from({ length: hires }, (_, n) => n),
      16,
      async (n) => {
        const created = await control('POST', '/opportunities', {
          name: `Hired Candidate ${n}`,
          email: `hired-${n}@bench.test`,
          postingId: WAREHOUSE_POSTING_ID,
        });
        const opportunityId = created.body.data.id as string;
        ids.push(opportunityId);
        await registerApplicant(app, {
          organizationId,
          integrationId: new Types.ObjectId(integration!.id),
          lever: {
            opportunityId,
            applicationId: null,
            contactId: null,
            postingId: WAREHOUSE_POSTING_ID,
          },
          name: `Hired Candidate ${n}`,
          email: null,
          postingTitle: 'Warehouse Associate',
          appliedAt: new Date(),
          state: 'TX',
          confidential: false,
          anonymized: false,
        });
        const now = Date.now();
        const hired = await control('POST', `/opportunities/${opportunityId}/hire`, {
          offerSentAt: now - 5 * 86_400_000,
          anticipatedStartDate: now + 10 * 86_400_000,
          hiredAt: now - 60_000,
          jobTitle: 'Warehouse Associate',
        });
        if (hired.status !== 200) throw new Error(`hire answered ${hired.status}`);
      },
    );
    const setupMs = performance.now() - setupStarted;
    await control('DELETE', '/counters');

    const load = loadAverage();
    const started = performance.now();
    const accepted = await admin.request('POST', `/api/integrations/${integration!.id}/reconcile`);
    if (accepted.status !== 202) throw new Error(`reconcile answered ${accepted.status}`);
    const applicants = app.mongo.collection('applicants');
    await waitFor(
      `${hires} hires recorded`,
      async () =>
        (await applicants.countDocuments({ organizationId, 'hire.offeredOn': { $ne: null } })) >=
        hires,
      { timeoutMs: 4 * 3_600_000, everyMs: 2_000 },
    );
    const ms = performance.now() - started;
    const counters = (await control('GET', '/counters')).body.data as CallCounter[];
    const calls = counters.reduce((sum, c) => sum + c.calls, 0);
    const rateLimited = counters.reduce((sum, c) => sum + c.rateLimited, 0);
    const peak = Math.max(0, ...counters.map((c) => c.peakPerSecond));
    report.push(
      `reconcile: ${hires} hired opportunities (set up in ${(setupMs / 1000).toFixed(0)} s); all ` +
        `recorded after ${(ms / 1000).toFixed(1)} s (${(hires / (ms / 1000)).toFixed(1)} hires/s; ` +
        `load ${load} before, ${loadAverage()} after); ${calls} Lever API calls ` +
        `(${hires} offers reads + ${calls - hires} archive-reason and list pages; peak ${peak}/s), ` +
        `${rateLimited} answered 429 (${rateLimited === 0 ? 'PASS' : 'MISS'})`,
    );
  } finally {
    await app.close();
    await lever.close();
  }
}

describe('reconcile', () => {
  bench(`${hires} hires a lost webhook missed, found by one reconcile`, reconcileAtScale, once);
});
