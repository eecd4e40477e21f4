import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import mongoose from 'mongoose';
import { inject } from 'vitest';
import { repoRoot } from '@eligo/server/dev/paths';
import { freePort, stopProcess } from '@eligo/server/dev/processes';
import { uniqueDatabaseName, withDatabase } from './mongo-uri.ts';

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
  const bundle = path.join(repoRoot, 'server', 'dist', 'server.mjs');
  if (!existsSync(bundle))
    throw new Error(
      'server/dist/server.mjs is missing: run "pnpm build" (pnpm test does it first)',
    );
  if (!existsSync(path.join(repoRoot, 'web', 'dist', 'index.html')))
    throw new Error('web/dist is missing: run "pnpm build"');
  const port = chosenPort ?? (await freePort());
  const mongoUri = withDatabase(inject('mongoUri'), uniqueDatabaseName(path.basename(label)));
  const child = spawn(process.execPath, ['--enable-source-maps', bundle], {
    cwd: path.join(repoRoot, 'server'),
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      MONGODB_URI: mongoUri,
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    const ready = await fetch(`${url}/api/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`server did not become ready:\n${output}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    mongoUri,
    output: () => output,
    async stop() {
      await stopProcess(child);
      const db = await mongoose.createConnection(mongoUri).asPromise();
      await db.dropDatabase();
      await db.close();
    },
  };
}
