import path from 'node:path';
import mongoose from 'mongoose';
import { inject } from 'vitest';
import { uniqueDatabaseName, withDatabase } from './mongo-uri.ts';
import { spawnBuiltServer } from './server-process.ts';

export interface BuiltServer {
  url: string;
  /** The server's own database (fresh for this server), for seeding and checking what it stored. */
  mongoUri: string;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts the production bundle (server/dist/server.mjs, serving web/dist) on a fresh database. */
export async function startBuiltServer(
  label: string,
  env: Record<string, string> = {},
  /** A port chosen beforehand (e.g. when Lever must know the callback URL first). */
  chosenPort?: number,
): Promise<BuiltServer> {
  const mongoUri = withDatabase(inject('mongoUri'), uniqueDatabaseName(path.basename(label)));
  const server = await spawnBuiltServer(mongoUri, env, chosenPort);
  return {
    url: server.url,
    mongoUri,
    output: server.output,
    async stop() {
      await server.stop();
      const db = await mongoose.createConnection(mongoUri).asPromise();
      await db.dropDatabase();
      await db.close();
    },
  };
}
