/**
 * `pnpm start` / `pnpm dev`: brings up everything Eligo needs on one machine and prints the URL.
 *   1. the database: MONGODB_URI if set, otherwise an embedded server with its data in .data/
 *      (FerretDB 2's PostgreSQL and FerretDB are restarted when they die, until Ctrl-C)
 *   2. the Lever emulator, unless a real Lever client (LEVER_CLIENT_ID) is configured, with its
 *      state in .data/lever-emulator.json
 *   3. the API (built bundle for `start`, watch mode for `--dev`) and, with `--dev`, Vite's dev server
 * Ctrl-C stops them all, in reverse order.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseEmbeddedEngine, startEmbeddedDatabase } from '../database/embedded.ts';
import {
  EMULATOR_CLIENT,
  apiPublicUrl,
  applyLaunchDefaults,
  displayPath,
  emulatorEnv,
  resolveDataDir,
  type MailSetup,
} from './launch-env.ts';
import { loadOrCreateLocalSecrets } from './local-secrets.ts';
import { dataDir as defaultDataDir, repoRoot } from '../paths.ts';
import { stopProcess, waitForPort } from '../processes.ts';

const dev = process.argv.includes('--dev');
const env: Record<string, string | undefined> = { ...process.env };
const log = (message: string) => console.log(`[eligo] ${message}`);
const stops: Array<() => Promise<void>> = [];
/** Aborted the moment shutdown begins: the database's supervisor then restarts nothing. */
const shutdown = new AbortController();
let stopping = false;
let stopped: Promise<never> | undefined;
/** Ctrl-C reaches every process of the terminal's group: the children are already stopping. */
let interrupted = false;

/** Stops everything in reverse order, then exits; a second signal meanwhile changes nothing. */
function stopAll(code: number): Promise<never> {
  stopped ??= (async () => {
    stopping = true;
    shutdown.abort();
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    process.exit(code);
  })();
  return stopped;
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
    if (interrupted && (await exitsWithin(child, closeWaitMs()))) return;
    await stopProcess(child);
  });
  return child;
}

/** How long a child may take to close after Ctrl-C: the API's SHUTDOWN_GRACE_MS and a margin. */
const closeWaitMs = () => Number(env.SHUTDOWN_GRACE_MS ?? 20_000) + 5_000;

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
  const prefer = parseEmbeddedEngine(env.ELIGO_EMBEDDED_DB);
  // After Ctrl-C the database's processes stop along with everything else: not worth a word.
  const dbLog = (message: string) => {
    if (!stopping) console.log(`[database] ${message}`);
  };
  // PostgreSQL and FerretDB are restarted when they die (with backoff, said on the console), so
  // the API, which answers 503 meanwhile, finds its database again without anyone restarting it.
  const db = await startEmbeddedDatabase({
    dataDir,
    prefer,
    log: dbLog,
    restartUntil: shutdown.signal,
  });
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

/** The emulator's address when it runs (null with a real Lever client, or without the package). */
async function provideLever(dataDir: string): Promise<string | null> {
  if (env.LEVER_CLIENT_ID) {
    log('Lever: the configured Lever client (LEVER_CLIENT_ID)');
    return null;
  }
  const emulatorDir = path.join(repoRoot, 'test', 'lever-emulator');
  if (!existsSync(path.join(emulatorDir, 'package.json'))) {
    log('Lever: no LEVER_CLIENT_ID and no emulator package found; Lever features are unavailable');
    return null;
  }
  const port = Number(env.LEVER_EMULATOR_PORT ?? 4010);
  const base = `http://127.0.0.1:${port}`;
  const child = startChild('Lever emulator', 'pnpm', ['exec', 'tsx', 'src/main.ts'], {
    cwd: emulatorDir,
    env: { ...process.env, ...emulatorEnv(env, port, dataDir) },
  });
  await waitForPort(port, { child, timeoutMs: 30_000 });
  Object.assign(env, {
    LEVER_CLIENT_ID: EMULATOR_CLIENT.clientId,
    LEVER_CLIENT_SECRET: EMULATOR_CLIENT.clientSecret,
    LEVER_AUTH_URL: base,
    LEVER_API_URL: `${base}/v1`,
    LEVER_WEB_URL: base,
    LEVER_AUDIENCE: `${base}/v1/`,
  });
  log(`Lever: emulator at ${base}, redirecting back to ${apiPublicUrl(env)}`);
  return base;
}

function mailLine(mail: MailSetup, url: string): string {
  switch (mail) {
    case 'smtp':
      return 'Mail: sent through SMTP_URL';
    case 'mailbox-asked':
      return `Mail: kept in the outbox (DEV_MAILBOX=true), shown at ${url}/dev/mailbox`;
    case 'mailbox-by-launcher':
      return (
        `Mail: no SMTP_URL, so the launcher started the API with DEV_MAILBOX=true: every email ` +
        `stays in the outbox and is shown at ${url}/dev/mailbox. That is safe here: the API ` +
        `listens on ${env.HOST ?? '127.0.0.1'} only and answers local host names only ` +
        `(localhost, 127.0.0.1), so neither another machine nor a web page re-pointing its own ` +
        `domain at this one (DNS rebinding) can read it. Set SMTP_URL to send real mail, or ` +
        `DEV_MAILBOX=false to keep the mailbox closed.`
      );
    case 'outbox-only':
      return (
        'Mail: no SMTP_URL, so mail stays in the outbox, and the dev mailbox is off ' +
        (env.DEV_MAILBOX === 'false'
          ? '(DEV_MAILBOX=false).'
          : '(this server is reachable from other machines). Set SMTP_URL to send mail.')
      );
  }
}

/** What to open, printed once everything answers. */
function printWelcome(url: string, apiUrl: string, lever: string | null, mail: MailSetup): void {
  const mailbox = mail === 'mailbox-asked' || mail === 'mailbox-by-launcher';
  const rows: Array<[string, string, string]> = [
    ['Eligo', url, 'the app: the first visit signs up your organization'],
  ];
  if (lever) {
    rows.push([
      'Lever',
      `${lever}/candidates`,
      'the Lever emulator: log in as sam.super@acme.example / lever (Super Admin)',
    ]);
  }
  if (mailbox) rows.push(['Dev mailbox', `${url}/dev/mailbox`, 'every email Eligo sends']);
  rows.push(['API docs', `${apiUrl}/api/docs`, '']);
  const width = Math.max(...rows.map(([, link]) => link.length));
  log('Open:');
  for (const [name, link, what] of rows)
    log(`  ${name.padEnd(12)} ${link.padEnd(width)}  ${what}`.trimEnd());
  if (lever && mailbox) {
    log(
      'Try it: sign up; My Account › Data Settings › ATS Integrations › Add new › Lever › Go to ' +
        'Lever, log in to Lever as the Super Admin and accept; follow the tile’s link to Lever’s ' +
        'Webhooks settings and ' +
        'switch on Application created; add a candidate with an email and a posting on Lever’s ' +
        'Candidates page; the survey email arrives in the dev mailbox.',
    );
  }
  // Last, in one line: what the tests and scripts wait for.
  log(`Eligo is running at ${url}  (press Ctrl-C to stop)`);
}

async function main(): Promise<void> {
  const dataDir = resolveDataDir(env, defaultDataDir);
  const mail = applyLaunchDefaults(env, { dev });
  const apiPort = Number(env.PORT);

  await provideDatabase(dataDir);
  await provideSecrets(dataDir);
  const lever = await provideLever(dataDir);

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
  log(mailLine(mail, url));
  printWelcome(url, apiUrl, lever, mail);
}

main().catch((error: unknown) => {
  console.error(`[eligo] could not start: ${(error as Error).message}`);
  void stopAll(1);
});
