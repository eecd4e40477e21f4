import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Log, RunningDatabase } from './running-database.ts';

/**
 * Real MongoDB through mongodb-memory-server, for machines that cannot build FerretDB 2 (macOS, no
 * root). It downloads the `mongod` binary once (into ~/.cache/mongodb-binaries) and so needs the
 * internet the first time; without it this rejects after a few seconds, with the download's error.
 * With `dataDir`, the files are kept there across restarts (`pnpm start`); without, they live in a
 * temporary folder removed on stop (tests).
 */
export async function startMongoMemoryServer(
  options: { dataDir?: string; port?: number; log?: Log } = {},
): Promise<RunningDatabase> {
  const { MongoBinary, MongoMemoryServer } = await import('mongodb-memory-server-core');
  // Fails fast, with the reason, when the binary is neither cached nor downloadable.
  await MongoBinary.getPath();
  const dbPath = options.dataDir ? path.join(options.dataDir, 'mongodb') : undefined;
  if (dbPath) await mkdir(dbPath, { recursive: true });
  const server = await MongoMemoryServer.create({
    instance: {
      ...(dbPath ? { dbPath } : {}),
      storageEngine: 'wiredTiger',
      ...(options.port ? { port: options.port } : {}),
    },
  });
  const description = 'MongoDB (mongodb-memory-server)';
  options.log?.(`${description} listening at ${server.getUri()}`);
  return {
    kind: 'mongodb-memory-server',
    description,
    uri: server.getUri().replace(/\/$/, ''),
    stop: async () => {
      await server.stop({ doCleanup: !dbPath });
    },
  };
}
