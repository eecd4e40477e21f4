/** The PostgreSQL cluster under FerretDB 2: its account, folder, settings, creation and readiness. */
import { createHash } from 'node:crypto';
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { appendFile, chmod, chown, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { run } from '../../processes.ts';
import type { Log } from '../running-database.ts';
import type { Engine } from './build.ts';

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

export interface Account {
  uid: number;
  gid: number;
  name: string;
}

/**
 * PostgreSQL refuses to run as root. As root, the cluster belongs to and runs as the `postgres`
 * system user that Debian's postgresql package creates; otherwise as the current user.
 */
export async function clusterAccount(): Promise<Account | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number((await run('id', ['-u', 'postgres'])).trim());
  const gid = Number((await run('id', ['-g', 'postgres'])).trim());
  return { uid, gid, name: 'postgres' };
}

export function asAccount(account: Account | undefined): SpawnOptions {
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
export async function clusterDir(
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

export async function createCluster(
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

export async function psql(engine: Engine, port: number, sql: string): Promise<string> {
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

export async function waitForPostgres(
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
