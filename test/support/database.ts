import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { ensureFerretDb2 } from '@eligo/dev/database/ferretdb2/build';
import { startFerretDb2 } from '@eligo/dev/database/ferretdb2/server';
import { buildOptionsFromEnv } from '@eligo/dev/database/ferretdb2/settings';
import { startMongoMemoryServer } from '@eligo/dev/database/memory-server';
import type { RunningDatabase } from '@eligo/dev/database/running-database';

/** What the server reports itself as (docs/database.md): MongoDB, or FerretDB 2 + DocumentDB. */
export type DatabaseEngine = 'mongodb' | 'ferretdb2';

export interface TestDatabaseServer {
  /** Connection string without a database name. */
  uri: string;
  /** What the run talks to, for the test output, e.g. "FerretDB v2.7.0 on PostgreSQL 15.20 …". */
  description: string;
  engine: DatabaseEngine;
  stop(): Promise<void>;
}

type Log = (message: string) => void;

/** Names the engine and its versions from what the server itself reports. */
export async function describeServer(
  uri: string,
): Promise<{ description: string; engine: DatabaseEngine }> {
  const connection = await mongoose
    .createConnection(uri, { serverSelectionTimeoutMS: 10_000 })
    .asPromise();
  try {
    const admin = connection.db!.admin();
    const info = (await admin.command({ buildInfo: 1 })) as {
      version: string;
      ferretdbVersion?: string;
      ferretdb?: { version: string };
    };
    // FerretDB v1 reported `ferretdbVersion`; it was retired (not atomic for conditional updates).
    if (info.ferretdbVersion)
      throw new Error(
        `${uri} is FerretDB ${info.ferretdbVersion}: the tests need MongoDB or FerretDB 2 (docs/database.md)`,
      );
    if (info.ferretdb) {
      const status = (await admin.command({ serverStatus: 1 })) as {
        ferretdb?: { postgresql?: string; documentdb?: string };
      };
      // e.g. "PostgreSQL 15.20 (Debian …) on x86_64…" and "0.107.0 gitref: … buildId: …"
      const postgresql = /^PostgreSQL [\d.]+/.exec(status.ferretdb?.postgresql ?? '')?.[0];
      const documentdb = status.ferretdb?.documentdb?.split(' ')[0];
      return {
        description:
          `FerretDB ${info.ferretdb.version} on ${postgresql ?? 'PostgreSQL'} with DocumentDB ` +
          `${documentdb ?? '(version unknown)'} (MongoDB ${info.version} wire protocol)`,
        engine: 'ferretdb2',
      };
    }
    return { description: `MongoDB ${info.version}`, engine: 'mongodb' };
  } finally {
    await connection.close();
  }
}

/** An error's message on one line, short enough for a log line (a failed command's output is long). */
const summary = (error: unknown) =>
  (error as Error).message.replace(/\s*\n\s*/g, ' ').slice(0, 300);

/**
 * FerretDB 2 + DocumentDB in a throwaway cluster of its own, with its PostgreSQL in the caller's
 * hands (`postgres.kill()`, `postgres.restart()`: the fault tests; `crashSafe` keeps the commits
 * acknowledged before a kill); undefined (with the reason logged) where the engine cannot be built.
 */
export async function startOwnFerretDb2(
  log: Log,
  { crashSafe = true }: { crashSafe?: boolean } = {},
): Promise<(RunningDatabase & Required<Pick<RunningDatabase, 'postgres'>>) | undefined> {
  let engine;
  try {
    engine = await ensureFerretDb2(buildOptionsFromEnv(log));
  } catch (error) {
    log(`FerretDB 2 cannot be built here: ${summary(error)}`);
    return undefined;
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'eligo-test-ferretdb2-'));
  // mkdtemp makes it 0700; the cluster inside runs as the postgres user when we are root.
  await chmod(dataDir, 0o711);
  const db = await startFerretDb2({ engine, dataDir, ephemeral: true, crashSafe, log });
  return {
    ...db,
    postgres: db.postgres!,
    stop: async () => {
      await db.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** FerretDB 2 + DocumentDB in a throwaway cluster; undefined (with the reason logged) where it cannot be built. */
const tryFerretDb2 = (log: Log): Promise<Pick<TestDatabaseServer, 'uri' | 'stop'> | undefined> =>
  startOwnFerretDb2(log, { crashSafe: false });

async function tryTestcontainers(
  log: Log,
): Promise<Pick<TestDatabaseServer, 'uri' | 'stop'> | undefined> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
  } catch {
    log('no Docker engine answers; testcontainers is not an option here');
    return undefined;
  }
  try {
    const { MongoDBContainer } = await import('@testcontainers/mongodb');
    const container = await new MongoDBContainer('mongo:8.0').start();
    const uri = `${container.getConnectionString()}/?directConnection=true`;
    return { uri, stop: async () => void (await container.stop()) };
  } catch (error) {
    log(`testcontainers could not start MongoDB (${summary(error)})`);
    return undefined;
  }
}

async function tryMongoMemoryServer(
  log: Log,
): Promise<Pick<TestDatabaseServer, 'uri' | 'stop'> | undefined> {
  try {
    return await startMongoMemoryServer({ log });
  } catch (error) {
    log(`mongodb-memory-server cannot start MongoDB here: ${summary(error)}`);
    return undefined;
  }
}

/**
 * The database server for one test run: MONGODB_URI if set; otherwise FerretDB 2 + DocumentDB, built
 * once and cached; otherwise a MongoDB container when a Docker engine answers; otherwise MongoDB
 * through mongodb-memory-server. None of them: the run stops, saying what was tried.
 */
export async function startTestDatabaseServer(log: Log): Promise<TestDatabaseServer> {
  let server: Pick<TestDatabaseServer, 'uri' | 'stop'> | undefined;
  let source = 'MONGODB_URI';
  if (process.env.MONGODB_URI) {
    server = { uri: process.env.MONGODB_URI, stop: async () => {} };
  } else {
    const candidates: Array<[string, typeof tryFerretDb2]> = [
      ['embedded FerretDB 2', tryFerretDb2],
      ['testcontainers', tryTestcontainers],
      ['mongodb-memory-server', tryMongoMemoryServer],
    ];
    for (const [name, start] of candidates) {
      server = await start(log);
      source = name;
      if (server) break;
    }
  }
  if (!server)
    throw new Error(
      'No database for the tests: FerretDB 2 cannot be built here, no Docker engine runs MongoDB, ' +
        'and mongodb-memory-server cannot get MongoDB (reasons above). Set MONGODB_URI to a ' +
        'MongoDB (or FerretDB 2) you run; see docs/database.md.',
    );
  const { description, engine } = await describeServer(server.uri);
  return { ...server, description: `${description} via ${source}`, engine };
}
