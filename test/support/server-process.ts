import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@eligo/dev/paths';
import { freePort, stopProcess } from '@eligo/dev/processes';

export interface ServerProcess {
  url: string;
  /** The server's process id (benchmarks read its CPU time). */
  pid: number;
  output: () => string;
  stop(): Promise<void>;
}

/**
 * Starts the production bundle (server/dist/server.mjs, serving web/dist) against `mongoUri` and
 * waits until it is ready. Used by the browser tests and the HTTP benchmarks (no vitest here).
 */
export async function spawnBuiltServer(
  mongoUri: string,
  env: Record<string, string> = {},
  chosenPort?: number,
  /** Extra Node options before the bundle, e.g. `--cpu-prof` (not allowed in NODE_OPTIONS). */
  nodeArgs: string[] = [],
): Promise<ServerProcess> {
  const bundle = path.join(repoRoot, 'server', 'dist', 'server.mjs');
  if (!existsSync(bundle))
    throw new Error(
      'server/dist/server.mjs is missing: run "pnpm build" (pnpm test does it first)',
    );
  if (!existsSync(path.join(repoRoot, 'web', 'dist', 'index.html')))
    throw new Error('web/dist is missing: run "pnpm build"');
  const port = chosenPort ?? (await freePort());
  const child = spawn(process.execPath, ['--enable-source-maps', ...nodeArgs, bundle], {
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
  return { url, pid: child.pid!, output: () => output, stop: () => stopProcess(child) };
}
