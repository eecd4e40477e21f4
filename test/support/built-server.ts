import path from 'node:path';
import mongoose from 'mongoose';
import { inject } from 'vitest';
import { createEmulator, type Emulator, type EmulatorOptions } from '@eligo/lever-emulator';
import { freePort } from '@eligo/dev/processes';
import { emulatorControl, leverEnv } from './lever-env.ts';
import { uniqueDatabaseName, withDatabase } from './mongo-uri.ts';
import { spawnBuiltServer } from './server-process.ts';

export interface BuiltServer {
  url: string;
  /** The server's own database (fresh for this server), for seeding and checking what it stored. */
  mongoUri: string;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts the production bundle (server/dist/server.mjs, serving web/dist) on a fresh database. */
export async function startBuiltServer(
  label: string,
  env: Record<string, string> = {},
  /** A port chosen beforehand (e.g. when Lever must know the callback URL first). */
  chosenPort?: number,
): Promise<BuiltServer> {
  const mongoUri = withDatabase(inject('mongoUri'), uniqueDatabaseName(path.basename(label)));
  const server = await spawnBuiltServer(mongoUri, env, chosenPort);
  return {
    url: server.url,
    mongoUri,
    output: server.output,
    async stop() {
      await server.stop();
      const db = await mongoose.createConnection(mongoUri).asPromise();
      await db.dropDatabase();
      await db.close();
    },
  };
}

export interface BuiltServerWithLever {
  server: BuiltServer;
  /** The Lever emulator, listening on its own port: the server reaches it over HTTP only. */
  lever: Emulator;
  leverUrl: string;
  /** The emulator's control API (`/_emulator/...`), over HTTP. */
  control(method: string, path: string, body?: unknown): ReturnType<typeof emulatorControl>;
  stop(): Promise<void>;
}

const E2E_CLIENT = { clientId: 'eligo-e2e', clientSecret: 'eligo-e2e-secret' };

/**
 * The built server connected to a Lever emulator whose OAuth client redirects back to it: the
 * server's port is chosen first so the emulator knows the callback URL. As in a real Lever
 * account, the Application created event group is off until a Super Admin switches it on.
 */
export async function startBuiltServerWithLever(
  label: string,
  env: Record<string, string> = {},
  emulator: Omit<EmulatorOptions, 'client'> = {},
): Promise<BuiltServerWithLever> {
  const port = await freePort();
  const lever = createEmulator({
    ...emulator,
    client: {
      ...E2E_CLIENT,
      redirectUris: [`http://127.0.0.1:${port}/api/integrations/lever/callback`],
    },
  });
  const leverUrl = await lever.listen(0);
  let server: BuiltServer;
  try {
    server = await startBuiltServer(label, { ...leverEnv(leverUrl, E2E_CLIENT), ...env }, port);
  } catch (error) {
    await lever.close();
    throw error;
  }
  return {
    server,
    lever,
    leverUrl,
    control: (method, path, body) => emulatorControl(leverUrl, method, path, body),
    async stop() {
      await server.stop();
      await lever.close();
    },
  };
}
