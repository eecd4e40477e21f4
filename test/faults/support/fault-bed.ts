import { randomBytes } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { createEmulator, type Emulator } from '@eligo/lever-emulator';
import { freePort } from '@eligo/dev/processes';
import { emulatorControl, leverEnv } from '../../support/lever-env.ts';
import { uniqueDatabaseName, withDatabase } from '../../support/mongo-uri.ts';
import {
  connectLeverRemotely,
  signUpRemotely,
  type RemoteClient,
} from '../../support/remote-client.ts';
import { startSmtpServer, type TestSmtpServer } from '../../support/smtp.ts';
import { startApiProcess, type ApiProcess } from './api-process.ts';
import { faultSettings } from './settings.ts';

/** The emulator's seeded "Warehouse Associate" posting. */
const POSTING_ID = 'c4d5e6f7-0a1b-4c2d-9e3f-405162738495';
const CLIENT = { clientId: 'eligo-faults', clientSecret: 'eligo-faults-secret' };

export interface Candidate {
  opportunityId: string;
  email: string;
}

export interface FaultBed {
  api: ApiProcess;
  smtp: TestSmtpServer;
  lever: Emulator;
  /** The emulator's control API (`/_emulator/...`). */
  control: (method: string, path: string, body?: unknown) => ReturnType<typeof emulatorControl>;
  /** A raw connection to the API's database, to look at what it stored. */
  db: Connection;
  /** The organization's admin, signed in over HTTP, connected to Lever. */
  admin: RemoteClient;
  organizationId: string;
  /** `count` candidates apply in Lever at once (Lever then delivers Application created). */
  apply(count: number, label: string): Promise<Candidate[]>;
  close(): Promise<void>;
}

/**
 * Lever retries a failed delivery on this schedule (real Lever: minutes apart, 5 times); here it
 * outlasts the suite's outage and a slow restart of the API (seen: 2 of 8 lost when retries
 * stopped 20 s after a kill on a loaded machine), so a delivery refused during it comes back.
 */
function deliveryRetries(): number[] {
  const delays: number[] = [];
  let total = 0;
  for (
    let delay = 1_000;
    total < faultSettings.outageMs + 90_000;
    delay = Math.min(delay * 2, 5_000)
  ) {
    delays.push(delay);
    total += delay;
  }
  return delays;
}

/**
 * What `pnpm start` runs, with the faults in the test's hands: the API as a process of its own (from
 * source), a real SMTP server, the Lever emulator over real HTTP, and a fresh database on
 * `serverUri` (the run's, or one the scenario kills). One organization, signed up and connected to
 * Lever through the whole OAuth dance.
 */
export async function startFaultBed(
  label: string,
  options: { serverUri: string; env?: Record<string, string> },
): Promise<FaultBed> {
  const closers: Array<() => Promise<unknown>> = [];
  const close = async () => {
    for (const step of closers.reverse()) await step().catch(() => undefined);
  };
  try {
    const smtp = await startSmtpServer();
    closers.push(() => smtp.close());
    const port = await freePort();
    const lever = createEmulator({
      client: {
        ...CLIENT,
        redirectUris: [`http://127.0.0.1:${port}/api/integrations/lever/callback`],
      },
      retryDelaysMs: deliveryRetries(),
      retryDelayScale: 1,
      switches: { eventGroupsEnabledByDefault: true },
    });
    const leverUrl = await lever.listen(0);
    closers.push(() => lever.close());
    const mongoUri = withDatabase(options.serverUri, uniqueDatabaseName(label));
    const db = await mongoose.createConnection(mongoUri).asPromise();
    closers.push(async () => {
      await db.dropDatabase();
      await db.close();
    });
    const api = await startApiProcess(port, {
      MONGODB_URI: mongoUri,
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      SMTP_URL: smtp.url,
      ...leverEnv(leverUrl, CLIENT),
      JOBS_POLL_INTERVAL_MS: '200',
      // A crashed instance's jobs run again this long after its last renewal (production: 60 s).
      JOBS_LEASE_MS: '3000',
      JOBS_MAX_BACKOFF_SECONDS: String(faultSettings.maxBackoffSeconds),
      SMTP_TIMEOUT_SECONDS: '3',
      MONGODB_SERVER_SELECTION_TIMEOUT_MS: '2000',
      SURVEY_RATE_LIMIT_PER_MINUTE: '10000',
      SURVEY_SUBMIT_RATE_LIMIT_PER_MINUTE: '10000',
      ...options.env,
    });
    closers.push(() => api.stop());
    const admin = await signUpRemotely(api.url, {
      organizationName: 'Faults Inc',
      name: 'Fay Faults',
      email: `fay-${Date.now()}@faults.example`,
    });
    const connected = await connectLeverRemotely(admin);
    if (connected !== 'connected') throw new Error(`connecting Lever: ${connected}`);
    const me = (await (await admin.request('GET', '/api/auth/me')).json()) as {
      organization: { id: string };
    };
    const control = (method: string, path: string, body?: unknown) =>
      emulatorControl(leverUrl, method, path, body);
    let applied = 0;
    return {
      api,
      smtp,
      lever,
      control,
      db,
      admin,
      organizationId: me.organization.id,
      async apply(count, name) {
        const made = Array.from({ length: count }, () => {
          applied += 1;
          return { email: `${name}-${applied}-${Date.now()}@applicants.example`, n: applied };
        });
        return Promise.all(
          made.map(async ({ email, n }) => {
            const created = await control('POST', '/opportunities', {
              postingId: POSTING_ID,
              name: `Applicant ${n}`,
              email,
            });
            if (created.status !== 201) throw new Error(`apply: ${created.status}`);
            return { opportunityId: created.body.data.id as string, email };
          }),
        );
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Waits until nothing more can happen for the bed's organization: Lever has no delivery left to
 * make (retries included) and every job has ended (succeeded or dead). Only then are outcomes
 * counted, so a duplicate still on its way would be seen.
 */
export async function settled(bed: FaultBed, timeoutMs: number): Promise<void> {
  const organizationId = new mongoose.Types.ObjectId(bed.organizationId);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await bed.control('GET', '/deliveries');
    const pending = (body.data as Array<{ outcome: string }>).some((d) => d.outcome === 'pending');
    const open = await bed.db
      .collection('jobs')
      .countDocuments({ organizationId, state: { $nin: ['succeeded', 'dead'] } });
    if (!pending && open === 0) return;
    if (Date.now() > deadline)
      throw new Error(
        `not settled after ${timeoutMs} ms: ${open} jobs open, deliveries pending: ${pending}`,
      );
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The bed's survey emails in the outbox (one `mail.send` job per message). */
export const surveyMailJobs = (bed: FaultBed) =>
  bed.db
    .collection('jobs')
    .find({
      type: 'mail.send',
      'payload.kind': 'survey.link',
      organizationId: new mongoose.Types.ObjectId(bed.organizationId),
    })
    .toArray();
