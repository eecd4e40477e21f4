import { existsSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ensureFerretDbBinary, startFerretDb, type RunningDatabase } from './ferretdb.ts';

type Log = (message: string) => void;

export interface EmbeddedDatabaseOptions {
  /** Where the database keeps its files; reused on the next start so data survives restarts. */
  dataDir: string;
  cacheDir: string;
  port?: number;
  /** `auto` (default): mongodb-memory-server when its binary can be had, otherwise FerretDB. */
  prefer?: 'auto' | 'ferretdb' | 'mongodb-memory-server';
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
