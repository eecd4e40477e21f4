import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { freePort, spawnLogged, stopProcess, waitForPort } from '../../processes.ts';
import { type Backoff, type Supervised, supervise } from '../../supervisor.ts';
import type { Log, RunningDatabase } from '../running-database.ts';
import { FERRETDB2_VERSION, type Engine } from './build.ts';
import {
  asAccount,
  clusterAccount,
  clusterDir,
  createCluster,
  psql,
  waitForPostgres,
} from './cluster.ts';

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
  /**
   * `pnpm start`: restart PostgreSQL or FerretDB whenever it exits on its own, with backoff, until
   * this signal aborts (Ctrl-C). Without it (tests), an exit is reported and the process stays down.
   */
  restartUntil?: AbortSignal;
  backoff?: Partial<Backoff>;
  log?: Log;
}

/**
 * Starts PostgreSQL (a cluster of its own in `dataDir/postgres`, on 127.0.0.1 only, created on first
 * use) and FerretDB 2 in front of it without authentication (it listens on 127.0.0.1 only).
 *
 * The two are supervised separately, each on its own fixed port: PostgreSQL comes back on its port
 * and data (its crash recovery replays the log) while FerretDB keeps running and re-dials it, so the
 * API's connections stay open and only see backend errors meanwhile (the API answers 503); a
 * FerretDB crash needs only FerretDB back, on the port the API's MONGODB_URI names. Restarting both
 * as one unit (the database CLI) would drop every client connection for either failure and, after a
 * SIGKILL, race PostgreSQL's orphaned backends for its shared memory on every attempt.
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
  const supervision = {
    ...(options.restartUntil ? { restartUntil: options.restartUntil } : {}),
    ...(options.backoff ? { backoff: options.backoff } : {}),
    ...(log ? { log } : {}),
  };
  const postgres = await supervise({
    name: 'PostgreSQL',
    spawn: () =>
      spawnLogged(
        path.join(engine.pgBin, 'postgres'),
        ['-D', pgData, '-p', String(pgPort)],
        asAccount(account),
      ),
    ready: ({ child, output }) => waitForPostgres(engine, pgPort, child, output ?? (() => '')),
    // SIGINT is PostgreSQL's "fast" shutdown: it ends sessions and checkpoints.
    stop: (child) => stopProcess(child, 30_000, 'SIGINT'),
    ...supervision,
  });
  let ferretdb: Supervised | undefined;
  try {
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
    ferretdb = await supervise({
      name: 'FerretDB',
      spawn: () =>
        spawnLogged(
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
        ),
      ready: async ({ child, output }) => {
        try {
          await waitForPort(port, { child, timeoutMs: 30_000 });
        } catch (error) {
          throw new Error(`FerretDB 2 did not start: ${(error as Error).message}\n${output?.()}`);
        }
      },
      stop: (child) => stopProcess(child),
      ...supervision,
    });
    const description = `FerretDB ${FERRETDB2_VERSION} on PostgreSQL ${versions[0]} with DocumentDB ${versions[1]}`;
    log?.(`${description} listening on 127.0.0.1:${port} (data in ${options.dataDir})`);
    const front = ferretdb;
    return {
      kind: 'ferretdb2',
      description,
      uri: `mongodb://127.0.0.1:${port}`,
      postgres: {
        pid: () => postgres.child().pid,
        kill: (signal) => postgres.kill(signal),
        restart: () => postgres.restart(),
      },
      ferretdb: { pid: () => front.child().pid },
      stop: async () => {
        await front.stop();
        await postgres.stop();
        if (options.ephemeral) await rm(pgData, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await ferretdb?.stop();
    await postgres.stop();
    throw error;
  }
}
