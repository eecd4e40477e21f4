/**
 * `pnpm start` / `pnpm dev`: brings up everything Eligo needs on one machine and prints the URL.
 *   1. the database: MONGODB_URI if set, otherwise an embedded server with its data in .data/
 *   2. the Lever emulator, unless a real Lever client (LEVER_CLIENT_ID) is configured
 *   3. the API (built bundle for `start`, watch mode for `--dev`) and, with `--dev`, Vite's dev server
 * Ctrl-C stops them all, in reverse order.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startEmbeddedDatabase, type EmbeddedEngine } from './embedded-db.ts';
import { applyLaunchDefaults, displayPath, resolveDataDir } from './launch-env.ts';
import { loadOrCreateLocalSecrets } from './local-secrets.ts';
import { cacheDir, dataDir as defaultDataDir, repoRoot } from './paths.ts';
import { stopProcess, waitForPort } from './processes.ts';

const dev = process.argv.includes('--dev');
const env: Record<string, string | undefined> = { ...process.env };
const log = (message: string) => console.log(`[eligo] ${message}`);
const stops: Array<() => Promise<void>> = [];
let stopping = false;
/** Ctrl-C reaches every process of the terminal's group: the children are already stopping. */
let interrupted = false;

async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  }
  process.exit(code);
}
process.on('SIGINT', () => {
  interrupted = true;
  void stopAll(0);
});
process.on('SIGTERM', () => void stopAll(0));

function startChild(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string | undefined> },
): ChildProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    log(`${name} stopped unexpectedly (${signal ?? `code ${code}`}); shutting down`);
    void stopAll(1);
  });
  stops.push(async () => {
    // After Ctrl-C, let the child finish its own graceful close (a second signal would cut it short).
    if (interrupted && (await exitsWithin(child, 10_000))) return;
    await stopProcess(child);
  });
  return child;
}

/** Resolves true once `child` has exited (false after `ms`). */
function exitsWithin(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function provideDatabase(dataDir: string): Promise<void> {
  if (env.MONGODB_URI) {
    log(`Database: MONGODB_URI from the environment`);
    return;
  }
  const prefer = (env.ELIGO_EMBEDDED_DB ?? 'auto') as EmbeddedEngine;
  const db = await startEmbeddedDatabase({ dataDir, cacheDir, prefer, log });
  stops.push(db.stop);
  env.MONGODB_URI = `${db.uri}/eligo`;
  log(`Database: ${db.description} at ${env.MONGODB_URI}`);
}

async function provideSecrets(dataDir: string): Promise<void> {
  if (env.ENCRYPTION_KEY) return;
  const { secrets, file, created } = await loadOrCreateLocalSecrets(dataDir);
  env.ENCRYPTION_KEY = secrets.ENCRYPTION_KEY;
  log(
    `${created ? 'Generated' : 'Using'} local secrets in ${displayPath(file, env)} (for this machine only)`,
  );
}

async function provideLever(apiPort: number): Promise<void> {
  if (env.LEVER_CLIENT_ID) {
    log('Lever: the configured Lever client (LEVER_CLIENT_ID)');
    return;
  }
  const emulatorDir = path.join(repoRoot, 'test', 'lever-emulator');
  if (!existsSync(path.join(emulatorDir, 'package.json'))) {
    log('Lever: no LEVER_CLIENT_ID and no emulator package found; Lever features are unavailable');
    return;
  }
  const port = Number(env.LEVER_EMULATOR_PORT ?? 4010);
  const base = `http://127.0.0.1:${port}`;
  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${apiPort}`;
  const clientId = 'eligo-local-client';
  const clientSecret = 'eligo-local-secret';
  const child = startChild('Lever emulator', 'pnpm', ['exec', 'tsx', 'src/main.ts'], {
    cwd: emulatorDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LEVER_EMULATOR_CLIENT_ID: clientId,
      LEVER_EMULATOR_CLIENT_SECRET: clientSecret,
      LEVER_EMULATOR_REDIRECT_URIS: `${publicUrl}/api/integrations/lever/callback`,
    },
  });
  await waitForPort(port, { child, timeoutMs: 30_000 });
  Object.assign(env, {
    LEVER_CLIENT_ID: clientId,
    LEVER_CLIENT_SECRET: clientSecret,
    LEVER_AUTH_URL: base,
    LEVER_API_URL: `${base}/v1`,
    LEVER_WEB_URL: base,
    LEVER_AUDIENCE: `${base}/v1/`,
  });
  log(`Lever: emulator at ${base} (settings pages at ${base}/settings/integrations)`);
}

async function main(): Promise<void> {
  const dataDir = resolveDataDir(env, defaultDataDir);
  applyLaunchDefaults(env, { dev });
  const apiPort = Number(env.PORT);

  await provideDatabase(dataDir);
  await provideSecrets(dataDir);
  await provideLever(apiPort);

  const serverDir = path.join(repoRoot, 'server');
  if (dev) {
    startChild('API', 'pnpm', ['exec', 'tsx', 'watch', '--clear-screen=false', 'src/server.ts'], {
      cwd: serverDir,
      env,
    });
  } else {
    const bundle = path.join(serverDir, 'dist', 'server.mjs');
    if (!existsSync(bundle))
      throw new Error(
        'server/dist/server.mjs is missing: run `pnpm build` first (`pnpm start` does).',
      );
    startChild('API', process.execPath, ['--enable-source-maps', bundle], { cwd: serverDir, env });
  }
  const apiUrl = `http://localhost:${apiPort}`;
  await waitForHttp(`http://127.0.0.1:${apiPort}/api/ready`);

  let url = env.PUBLIC_URL ?? apiUrl;
  if (dev) {
    const webPort = Number(env.WEB_DEV_PORT ?? 5173);
    startChild('Vite', 'pnpm', ['exec', 'vite', '--port', String(webPort), '--strictPort'], {
      cwd: path.join(repoRoot, 'web'),
      env: { ...process.env, API_URL: `http://127.0.0.1:${apiPort}` },
    });
    await waitForPort(webPort);
    url = `http://localhost:${webPort}`;
  }
  if (env.SMTP_URL) log('Mail: sent through SMTP_URL');
  else if (env.DEV_MAILBOX === 'true')
    log(`Mail: kept in the outbox, readable at ${url}/dev/mailbox (local use only)`);
  else
    log(
      'Mail: no SMTP_URL, so mail stays in the outbox. To read it on this machine, start with ' +
        'DEV_MAILBOX=true (or use `pnpm dev`), or set SMTP_URL',
    );
  log(`Eligo is running at ${url}  (API docs: ${apiUrl}/api/docs; press Ctrl-C to stop)`);
}

main().catch((error: unknown) => {
  console.error(`[eligo] could not start: ${(error as Error).message}`);
  void stopAll(1);
});
