import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { Types } from 'mongoose';
import { expect } from 'vitest';
import {
  authorizeWithHttp,
  createEmulator,
  seedAccount,
  signDelivery,
  type Emulator,
  type EmulatorOptions,
} from '@eligo/lever-emulator';
import { createApp } from '@eligo/server/app';
import type { LeverIntegration } from '@eligo/shared/schemas/integrations';
import { freePort } from '@eligo/dev/processes';
import { createTestApp, type TestApp, type TestAppOptions } from './app.ts';
import { emulatorControl, leverEnv } from './lever-env.ts';
import { createOrganization, signedIn } from './factories.ts';
import type { ApiClient } from './http.ts';
import { startSmtpServer, type TestSmtpServer } from './smtp.ts';
import { waitFor } from './wait.ts';

export const SUPER_ADMIN = { email: 'sam.super@acme.example', password: 'lever' };
export const LEVER_ADMIN = { email: 'alex.admin@acme.example', password: 'lever' };
export const LEVER_ACCOUNT_ID = seedAccount.id;
/** The emulator's seeded "Warehouse Associate" posting. */
export const WAREHOUSE_POSTING_ID = 'c4d5e6f7-0a1b-4c2d-9e3f-405162738495';
const CLIENT = { clientId: 'eligo-test-client', clientSecret: 'eligo-test-secret' };

export interface LeverTestbed {
  t: TestApp;
  lever: Emulator;
  /** Where the app listens (its PUBLIC_URL): Lever's webhooks reach it over real HTTP. */
  appUrl: string;
  leverUrl: string;
  /** Calls the emulator's control API (`/_emulator/...`) and returns the parsed body. */
  control(
    method: string,
    path: string,
    body?: unknown,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- emulator JSON, read loosely by tests
  ): Promise<{ status: number; body: any }>;
  /** Runs the whole OAuth dance as `admin` and returns the `?lever=` outcome of the final redirect. */
  connect(
    admin: ApiClient,
    user?: { email: string; password: string },
    decision?: 'accept' | 'deny',
  ): Promise<string>;
  /**
   * A candidate applies in Lever: the emulator creates the opportunity (for the Warehouse
   * Associate posting unless `postingId` says otherwise) and emits Application created.
   * `email: null` makes one without an email. Returns the opportunity's id.
   */
  apply(fields: Record<string, unknown>): Promise<string>;
  /** The admin's Lever tile as the API shows it. */
  tile(admin: ApiClient): Promise<LeverIntegration>;
  /**
   * A clean slate for one test: the emulator back to its seed, no Lever integration in the
   * database (there is one emulated Lever account per file), and a new organization whose admin
   * is signed in — connected to Lever when `connect` is true.
   */
  startOver(options?: { connect?: boolean }): Promise<{ admin: ApiClient; organizationId: string }>;
  /**
   * Waits until nothing more can happen for the organization: Lever has no delivery left to make
   * (retries included) and every job of the organization has ended. A delivery is answered only
   * once its job is queued, and a job sends its mail before it ends: every mail is in by then.
   */
  settled(organizationId: string): Promise<void>;
  /** The SMTP server the app sends through (with `mail: true`). */
  smtp: TestSmtpServer | null;
  /** Another API instance on the same database and settings (not listening). */
  secondInstance(): Promise<FastifyInstance>;
  close(): Promise<void>;
}

/**
 * The real app, listening on a free port, connected over real HTTP to a fresh Lever emulator
 * whose OAuth client redirects back to it.
 */
export async function startLeverTestbed(
  label: string,
  options: {
    emulator?: EmulatorOptions;
    app?: TestAppOptions;
    /** Send mail to a real SMTP server of the bed's own, and look for due jobs every 100 ms. */
    mail?: boolean;
    /**
     * Leave `appUrl`'s port free and the app not listening: the test puts a load balancer there
     * (test/support/round-robin-proxy.ts) in front of instances it starts itself.
     */
    balanced?: boolean;
  } = {},
): Promise<LeverTestbed> {
  const smtp = options.mail ? await startSmtpServer() : null;
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const lever = createEmulator({
    retryDelayScale: 0.001,
    ...options.emulator,
    client: { ...CLIENT, redirectUris: [`${appUrl}/api/integrations/lever/callback`] },
    switches: { eventGroupsEnabledByDefault: true, ...options.emulator?.switches },
  });
  const leverUrl = await lever.listen(0);
  const t = await createTestApp(label, {
    ...options.app,
    env: {
      PUBLIC_URL: appUrl,
      ...leverEnv(leverUrl, CLIENT),
      ...(smtp ? { SMTP_URL: smtp.url, JOBS_POLL_INTERVAL_MS: '100' } : {}),
      ...options.app?.env,
    },
  });
  if (!options.balanced) await t.app.listen({ port, host: '127.0.0.1' });
  const extraApps: FastifyInstance[] = [];

  const control: LeverTestbed['control'] = (method, path, body) =>
    emulatorControl(leverUrl, method, path, body);

  async function connect(
    admin: ApiClient,
    user = SUPER_ADMIN,
    decision: 'accept' | 'deny' = 'accept',
  ): Promise<string> {
    const start = await admin.get('/api/integrations/lever/connect');
    expect(start.statusCode).toBe(302);
    const callback = await authorizeWithHttp(start.headers.location as string, user, decision);
    expect(callback.origin).toBe(appUrl);
    const back = await admin.get(callback.pathname + callback.search);
    expect(back.statusCode).toBe(302);
    const location = new URL(back.headers.location as string, appUrl);
    expect(location.pathname).toBe('/account/data-settings/ats-integrations');
    return location.searchParams.get('lever') ?? '';
  }

  return {
    t,
    lever,
    appUrl,
    leverUrl,
    smtp,
    control,
    connect,
    async apply(fields) {
      const created = await control('POST', '/opportunities', {
        postingId: WAREHOUSE_POSTING_ID,
        ...fields,
      });
      expect(created.status).toBe(201);
      return created.body.data.id as string;
    },
    async tile(admin) {
      const response = await admin.get('/api/integrations');
      expect(response.statusCode).toBe(200);
      return response.json().items[0];
    },
    async settled(organizationId) {
      await waitFor('Lever and our jobs to be done', async () => {
        const { body } = await control('GET', '/deliveries');
        if (body.data.some((d: { outcome: string }) => d.outcome === 'pending')) return false;
        const open = await t.db.collection('jobs').countDocuments({
          organizationId: new Types.ObjectId(organizationId),
          state: { $nin: ['succeeded', 'dead'] },
        });
        return open === 0;
      });
    },
    async startOver(options = {}) {
      lever.reset();
      await t.db.collection('leverintegrations').deleteMany({});
      const org = await createOrganization(t.app);
      const admin = await signedIn(t.app, org.admin);
      if (options.connect) expect(await connect(admin)).toBe('connected');
      return { admin, organizationId: org.organizationId };
    },
    async secondInstance() {
      const logStream = new Writable({
        write(chunk: Buffer, _encoding, done) {
          for (const line of chunk.toString().split('\n'))
            if (line.trim()) t.logs.push(JSON.parse(line) as Record<string, unknown>);
          done();
        },
      });
      const app = await createApp(t.config, { logStream });
      extraApps.push(app);
      return app;
    },
    async close() {
      for (const app of extraApps) await app.close();
      await t.close();
      await lever.close();
      await smtp?.close();
    },
  };
}

/** A delivery as Lever would sign it with `signatureToken` (lever-api.md §5.2–5.3). */
export function signedDelivery(
  signatureToken: string,
  fields: {
    event?: string;
    data?: Record<string, unknown>;
    triggeredAt?: number;
    token?: string;
  } = {},
) {
  const token = fields.token ?? randomDeliveryToken();
  const triggeredAt = fields.triggeredAt ?? Date.now();
  return {
    triggeredAt,
    event: fields.event ?? 'applicationCreated',
    data: fields.data ?? {
      applicationId: crypto.randomUUID(),
      contactId: crypto.randomUUID(),
      opportunityId: crypto.randomUUID(),
    },
    signature: signDelivery(signatureToken, token, triggeredAt),
    token,
  };
}

export function randomDeliveryToken(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(24))).toString('hex');
}

/** Every collection of the database, raw (no mongoose), as one string per document. */
export async function rawDump(t: TestApp): Promise<string[]> {
  const out: string[] = [];
  for (const { name } of await t.db.listCollections()) {
    for (const doc of await t.db.collection(name).find().toArray()) {
      out.push(`${name}: ${JSON.stringify(doc)}`);
    }
  }
  return out;
}

/**
 * A Lever integration written straight to the database (for sweeps that need one to exist, not
 * to work): encrypted placeholder tokens and one API webhook secret.
 */
export async function createLeverIntegration(
  app: FastifyInstance,
  organizationId: string,
  leverAccountId: string,
): Promise<{ id: string; publicId: string }> {
  const { leverIntegrationModel, tokenPlace } =
    await import('@eligo/server/modules/lever/integration.model');
  const { leverWebhookSecretModel, signatureTokenPlace } =
    await import('@eligo/server/modules/lever/webhook-secret.model');
  const _id = new Types.ObjectId();
  const secretId = new Types.ObjectId();
  const publicId = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
  const encrypt = (place: Parameters<typeof app.crypto.encrypt>[1]) =>
    app.crypto.encrypt(organizationId, place, 'placeholder-token');
  await leverIntegrationModel(app.mongo).create({
    _id,
    organizationId,
    publicId,
    leverAccountId,
    status: 'connected',
    connectedAt: new Date(),
    accessToken: await encrypt(tokenPlace(_id, 'accessToken')),
    refreshToken: await encrypt(tokenPlace(_id, 'refreshToken')),
    accessTokenExpiresAt: new Date(Date.now() + 3_600_000),
    lastRefreshAt: new Date(),
  });
  await leverWebhookSecretModel(app.mongo).create({
    _id: secretId,
    organizationId,
    integrationId: _id,
    mode: 'api',
    leverWebhookId: 'webhook-of-bravo',
    signatureToken: await encrypt(signatureTokenPlace(secretId)),
    createdAt: new Date(),
  });
  return { id: _id.toHexString(), publicId };
}
