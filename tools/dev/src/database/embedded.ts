import { existsSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ensureFerretDbBinary, startFerretDb, type RunningDatabase } from './ferretdb1.ts';
import { ensureFerretDb2 } from './ferretdb2/build.ts';
import { startFerretDb2 } from './ferretdb2/server.ts';
import { buildOptionsFromEnv } from './ferretdb2/settings.ts';

type Log = (message: string) => void;

export type EmbeddedEngine = 'auto' | 'ferretdb2' | 'ferretdb' | 'mongodb-memory-server';

export interface EmbeddedDatabaseOptions {
  /** Where the database keeps its files; reused on the next start so data survives restarts. */
  dataDir: string;
  cacheDir: string;
  port?: number;
  /**
   * `auto` (default): FerretDB 2 + DocumentDB when this machine can build it (Debian, root or sudo);
   * otherwise mongodb-memory-server when its binary can be had; otherwise FerretDB v1 (SQLite).
   */
  prefer?: EmbeddedEngine;
  log?: Log;
}

async function startMongoMemoryServer(options: EmbeddedDatabaseOptions): Promise<RunningDatabase> {
  const { MongoBinary, MongoMemoryServer } = await import('mongodb-memory-server-core');
  // Throws quickly when the binary is neither cached nor downloadable (no internet here).
  await MongoBinary.getPath();
  const server = await MongoMemoryServer.create({
    instance: {
      dbPath: path.join(options.dataDir, 'mongodb'),
      storageEngine: 'wiredTiger',
      ...(options.port ? { port: options.port } : {}),
    },
  });
  options.log?.(`MongoDB (mongodb-memory-server) listening at ${server.getUri()}`);
  return {
    kind: 'mongodb-memory-server',
    description: 'MongoDB (mongodb-memory-server)',
    uri: server.getUri().replace(/\/$/, ''),
    stop: async () => {
      await server.stop({ doCleanup: false });
    },
  };
}

const RETRY_MONGODB_DOWNLOAD_AFTER_MS = 24 * 60 * 60 * 1000;

/** Remembers for a day that mongod could not be downloaded, so offline starts don't wait for it. */
function mongodRecentlyUnavailable(marker: string): boolean {
  return (
    existsSync(marker) && Date.now() - statSync(marker).mtimeMs < RETRY_MONGODB_DOWNLOAD_AFTER_MS
  );
}

/** Starts the database `pnpm start` and `pnpm dev` use when no MONGODB_URI is configured. */
export async function startEmbeddedDatabase(
  options: EmbeddedDatabaseOptions,
): Promise<RunningDatabase> {
  const prefer = options.prefer ?? 'auto';
  if (prefer === 'auto' || prefer === 'ferretdb2') {
    try {
      const engine = await ensureFerretDb2(buildOptionsFromEnv(options.log));
      const v1Data = path.join(options.dataDir, 'ferretdb');
      if (existsSync(v1Data) && !existsSync(path.join(options.dataDir, 'ferretdb2')))
        options.log?.(
          `earlier data of FerretDB v1 stays in ${v1Data}, not copied; ELIGO_EMBEDDED_DB=ferretdb starts it`,
        );
      return await startFerretDb2({
        engine,
        dataDir: path.join(options.dataDir, 'ferretdb2'),
        ...(options.port ? { port: options.port } : {}),
        ...(options.log ? { log: options.log } : {}),
      });
    } catch (error) {
      if (prefer === 'ferretdb2') throw error;
      options.log?.(
        `FerretDB 2 cannot run here (${(error as Error).message.split('\n')[0]}); ` +
          'falling back to an embedded MongoDB or FerretDB v1 (see README: Database)',
      );
    }
  }
  const marker = path.join(options.cacheDir, 'mongodb-memory-server.unavailable');
  if (
    prefer === 'mongodb-memory-server' ||
    (prefer === 'auto' && !mongodRecentlyUnavailable(marker))
  ) {
    try {
      return await startMongoMemoryServer(options);
    } catch (error) {
      if (prefer === 'mongodb-memory-server') throw error;
      const reason = (error as Error).message.split('\n')[0];
      options.log?.(`mongodb-memory-server unavailable (${reason}); using FerretDB`);
      await mkdir(options.cacheDir, { recursive: true });
      await writeFile(marker, `${new Date().toISOString()} ${reason}\n`);
    }
  }
  const binary = await ensureFerretDbBinary(options.cacheDir, options.log);
  return startFerretDb({
    binary,
    dataDir: path.join(options.dataDir, 'ferretdb'),
    ...(options.port ? { port: options.port } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
}
