import { randomBytes } from 'node:crypto';
import path from 'node:path';
import mongoose, { type Connection } from 'mongoose';
import type { Browser } from 'playwright-core';
import { inject } from 'vitest';
import { createEmulator, type Emulator } from '@eligo/lever-emulator';
import { freePort } from '@eligo/dev/processes';
import { launchBrowser } from './browser.ts';
import { emulatorControl, leverEnv } from './lever-env.ts';
import { uniqueDatabaseName, withDatabase } from './mongo-uri.ts';
import { spawnBuiltServer } from './server-process.ts';
import { startSmtpServer, type TestSmtpServer } from './smtp.ts';

export interface BuiltServer {
  url: string;
  /** The server's own database (fresh for this server). */
  mongoUri: string;
  /** Its ENCRYPTION_KEY (base64): another app instance on its database needs the same. */
  encryptionKey: string;
  output: () => string;
}

export interface BuiltApp {
  /** The production bundle (server/dist/server.mjs, serving web/dist) in its own process. */
  server: BuiltServer;
  /** A connection to the server's database, for seeding and checking what it stored. */
  db: Connection;
  /** The real SMTP server it sends mail through. */
  smtp: TestSmtpServer;
  /**
   * The Lever emulator it is configured with, on its own port (the server reaches it over HTTP
   * only); its OAuth client redirects back to the server. As in a real Lever account, the
   * Application created event group is off until a Super Admin switches it on.
   */
  lever: Emulator;
  leverUrl: string;
  /** The emulator's control API (`/_emulator/...`), over HTTP. */
  control(method: string, path: string, body?: unknown): ReturnType<typeof emulatorControl>;
  /** Headless Chromium. */
  browser: Browser;
  /** Closes the browser, stops the server, the emulator and SMTP, and drops the database. */
  stop(): Promise<void>;
}

const E2E_CLIENT = { clientId: 'eligo-e2e', clientSecret: 'eligo-e2e-secret' };

/**
 * Everything an end-to-end test drives: the built server on a fresh database of the run's
 * database server, with a real SMTP server and the Lever emulator, and a browser. The server's
 * port is chosen first so the emulator knows the OAuth callback URL. `env` adds or overrides the
 * server's settings.
 */
export async function startBuiltApp(
  label: string,
  env: Record<string, string> = {},
): Promise<BuiltApp> {
  const closers: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    for (const close of closers.reverse()) await close();
  };
  try {
    const smtp = await startSmtpServer();
    closers.push(() => smtp.close());
    const port = await freePort();
    const lever = createEmulator({
      client: {
        ...E2E_CLIENT,
        redirectUris: [`http://127.0.0.1:${port}/api/integrations/lever/callback`],
      },
    });
    const leverUrl = await lever.listen(0);
    closers.push(() => lever.close());
    const mongoUri = withDatabase(inject('mongoUri'), uniqueDatabaseName(path.basename(label)));
    const db = await mongoose.createConnection(mongoUri).asPromise();
    closers.push(async () => {
      await db.dropDatabase();
      await db.close();
    });
    const encryptionKey = env.ENCRYPTION_KEY ?? randomBytes(32).toString('base64');
    const spawned = await spawnBuiltServer(
      mongoUri,
      {
        ENCRYPTION_KEY: encryptionKey,
        SMTP_URL: smtp.url,
        ...leverEnv(leverUrl, E2E_CLIENT),
        ...env,
      },
      port,
    );
    closers.push(() => spawned.stop());
    const browser = await launchBrowser();
    closers.push(() => browser.close());
    return {
      server: { url: spawned.url, mongoUri, encryptionKey, output: spawned.output },
      db,
      smtp,
      lever,
      leverUrl,
      control: (method, path, body) => emulatorControl(leverUrl, method, path, body),
      browser,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
