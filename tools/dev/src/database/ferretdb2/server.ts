import { createHash } from 'node:crypto';
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, chmod, chown, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { freePort, run, stopProcess, waitForPort } from '../../processes.ts';
import type { Log, RunningDatabase } from '../running-database.ts';
import { FERRETDB2_VERSION, type Engine } from './build.ts';

/**
 * The cluster's settings (appended to postgresql.conf at initdb). DocumentDB's own packaging
 * (packaging/10-preload.sh in its sources) sets the same libraries and `documentdb.*` switches.
 */
const POSTGRESQL_CONF = `
# --- Eligo: PostgreSQL for FerretDB 2 + DocumentDB (tools/dev/src/database/ferretdb2/server.ts) ---
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
max_connections = 300
shared_preload_libraries = 'pg_cron,pg_documentdb_core,pg_documentdb'
cron.database_name = 'postgres'
documentdb.enableCompact = true
documentdb.enableLetAndCollationForQueryMatch = true
documentdb.enableNowSystemVariable = true
documentdb.enableSortbyIdPushDownToPrimaryKey = true
documentdb.enableSchemaValidation = true
documentdb.enableBypassDocumentValidation = true
documentdb.enableUserCrud = true
documentdb.maxUserLimit = 100
`;

/**
 * Throwaway clusters (tests, CI) skip durability: nothing there must survive a power cut. One
 * whose PostgreSQL a test kills (`crashSafe`) keeps synchronous commits, or a SIGKILL loses commits
 * already acknowledged (seen: every delivery then answered 401; docs/reliability.md §3).
 */
const ephemeralConf = (crashSafe: boolean) => `
fsync = off
${crashSafe ? '' : 'synchronous_commit = off\n'}full_page_writes = off
`;

export interface FerretDb2Options {
  engine: Engine;
  /** Holds `postgres/` (the cluster) and `ferretdb/` (FerretDB's state); reused across restarts. */
  dataDir: string;
  /** FerretDB's MongoDB port (default: a free one). */
  port?: number;
  /** Tests and CI: no fsync (faster; data may be lost on a crash of the machine), deleted on stop. */
  ephemeral?: boolean;
  /** With `ephemeral`: commits survive PostgreSQL being killed (fault tests kill it). */
  crashSafe?: boolean;
  log?: Log;
}

interface Account {
  uid: number;
  gid: number;
  name: string;
}

/**
 * PostgreSQL refuses to run as root. As root, the cluster belongs to and runs as the `postgres`
 * system user that Debian's postgresql package creates; otherwise as the current user.
 */
async function clusterAccount(): Promise<Account | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number((await run('id', ['-u', 'postgres'])).trim());
  const gid = Number((await run('id', ['-g', 'postgres'])).trim());
  return { uid, gid, name: 'postgres' };
}

function asAccount(account: Account | undefined): SpawnOptions {
  return account
    ? {
        uid: account.uid,
        gid: account.gid,
        env: { ...process.env, HOME: '/tmp', USER: 'postgres' },
      }
    : {};
}

/**
 * `dataDir/postgres`, when the postgres user can reach it. A folder it cannot pass through (a
 * checkout inside a `mktemp -d` folder, mode 700) would make initdb fail: the cluster then lives in
 * the postgres user's home, `/var/lib/postgresql/eligo-<hash of dataDir>`, still one per data folder.
 */
async function clusterDir(
  dataDir: string,
  account: Account | undefined,
  log?: Log,
): Promise<string> {
  const inPlace = path.join(dataDir, 'postgres');
  if (!account) return inPlace;
  const reachable = await run('test', ['-x', dataDir], asAccount(account)).then(
    () => true,
    () => false,
  );
  if (reachable) return inPlace;
  const hash = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 12);
  const elsewhere = `/var/lib/postgresql/eligo-${hash}`;
  log?.(`the postgres user cannot reach ${dataDir}; the cluster for it lives in ${elsewhere}`);
  return elsewhere;
}

async function createCluster(
  pgData: string,
  engine: Engine,
  account: Account | undefined,
  ephemeral: boolean,
  crashSafe: boolean,
): Promise<void> {
  await mkdir(pgData, { recursive: true, mode: 0o700 });
  if (account) await chown(pgData, account.uid, account.gid);
  await chmod(pgData, 0o700);
  try {
    await run(
      path.join(engine.pgBin, 'initdb'),
      ['-D', pgData, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8'],
      asAccount(account),
    );
  } catch (error) {
    throw new Error(
      `initdb failed${account ? ' (running as the postgres user: every folder above ' + pgData + ' must let it through)' : ''}: ${(error as Error).message}`,
    );
  }
  await appendFile(
    path.join(pgData, 'postgresql.conf'),
    POSTGRESQL_CONF + (ephemeral ? ephemeralConf(crashSafe) : ''),
  );
}

async function psql(engine: Engine, port: number, sql: string): Promise<string> {
  return run(path.join(engine.pgBin, 'psql'), [
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    '-U',
    'postgres',
    '-d',
    'postgres',
    '-v',
    'ON_ERROR_STOP=1',
    '-Atqc',
    sql,
  ]);
}

async function waitForPostgres(
  engine: Engine,
  port: number,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`PostgreSQL exited (code ${child.exitCode}):\n${output()}`);
    try {
      await psql(engine, port, 'SELECT 1');
      return;
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(
          `PostgreSQL did not accept connections: ${(error as Error).message}\n${output()}`,
        );
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

function spawnLogged(
  command: string,
  args: string[],
  options: SpawnOptions,
): { child: ChildProcess; output: () => string } {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return { child, output: () => output };
}

/**
 * Starts PostgreSQL (a cluster of its own in `dataDir/postgres`, on 127.0.0.1 only, created on first
 * use) and FerretDB 2 in front of it without authentication (it listens on 127.0.0.1 only).
 */
export async function startFerretDb2(options: FerretDb2Options): Promise<RunningDatabase> {
  const { engine, log } = options;
  const account = await clusterAccount();
  await mkdir(options.dataDir, { recursive: true });
  const pgData = await clusterDir(options.dataDir, account, log);
  if (!existsSync(path.join(pgData, 'PG_VERSION'))) {
    log?.(`creating the PostgreSQL cluster in ${pgData}`);
    const { ephemeral = false, crashSafe = false } = options;
    await createCluster(pgData, engine, account, ephemeral, crashSafe);
  }
  const pgPort = await freePort();
  let stopping = false;
  let killed = false;
  const spawnPostgres = () => {
    const started = spawnLogged(
      path.join(engine.pgBin, 'postgres'),
      ['-D', pgData, '-p', String(pgPort)],
      asAccount(account),
    );
    // Say why, when it goes away on its own: the clients only see refused connections.
    started.child.on('exit', (code, signal) => {
      if (!stopping && !killed)
        log?.(`PostgreSQL exited unexpectedly (${signal ?? `code ${code}`}):\n${started.output()}`);
    });
    return started;
  };
  let postgres = spawnPostgres();
  // SIGINT is PostgreSQL's "fast" shutdown: it ends sessions and checkpoints.
  const stopPostgres = () => {
    stopping = true;
    return stopProcess(postgres.child, 30_000, 'SIGINT');
  };
  let ferretdb: ChildProcess | undefined;
  try {
    await waitForPostgres(engine, pgPort, postgres.child, postgres.output);
    await psql(engine, pgPort, 'CREATE EXTENSION IF NOT EXISTS documentdb CASCADE');
    const versions = (
      await psql(
        engine,
        pgPort,
        "SELECT split_part(current_setting('server_version'), ' ', 1) || ' ' || (SELECT extversion FROM pg_extension WHERE extname = 'documentdb')",
      )
    )
      .trim()
      .split(' ');
    const port = options.port ?? (await freePort());
    const stateDir = path.join(options.dataDir, 'ferretdb');
    await mkdir(stateDir, { recursive: true });
    const started = spawnLogged(
      engine.ferretdb,
      [
        `--postgresql-url=postgres://postgres@127.0.0.1:${pgPort}/postgres`,
        `--listen-addr=127.0.0.1:${port}`,
        `--state-dir=${stateDir}`,
        '--debug-addr=-',
        '--telemetry=disable',
        '--no-auth',
        '--log-level=warn',
      ],
      {},
    );
    ferretdb = started.child;
    ferretdb.on('exit', (code, signal) => {
      if (!stopping)
        log?.(`FerretDB exited unexpectedly (${signal ?? `code ${code}`}):\n${started.output()}`);
    });
    try {
      await waitForPort(port, { child: ferretdb, timeoutMs: 30_000 });
    } catch (error) {
      throw new Error(`FerretDB 2 did not start: ${(error as Error).message}\n${started.output()}`);
    }
    const description = `FerretDB ${FERRETDB2_VERSION} on PostgreSQL ${versions[0]} with DocumentDB ${versions[1]}`;
    log?.(`${description} listening on 127.0.0.1:${port} (data in ${options.dataDir})`);
    const child = ferretdb;
    return {
      kind: 'ferretdb2',
      description,
      uri: `mongodb://127.0.0.1:${port}`,
      postgres: {
        pid: () => postgres.child.pid,
        async kill(signal = 'SIGKILL') {
          killed = true;
          const exited = new Promise<void>((resolve) =>
            postgres.child.once('exit', () => resolve()),
          );
          postgres.child.kill(signal);
          await exited;
        },
        async restart() {
          if (postgres.child.exitCode === null && postgres.child.signalCode === null)
            throw new Error('PostgreSQL is still running');
          killed = false;
          postgres = spawnPostgres();
          await waitForPostgres(engine, pgPort, postgres.child, postgres.output);
        },
      },
      stop: async () => {
        stopping = true;
        await stopProcess(child);
        await stopPostgres();
        if (options.ephemeral) await rm(pgData, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (ferretdb) await stopProcess(ferretdb);
    await stopPostgres();
    throw error;
  }
}
