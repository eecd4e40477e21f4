import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import mongoose, { type Connection } from 'mongoose';
import { inject } from 'vitest';
import { createApp } from '@eligo/server/app';
import type { Clock } from '@eligo/server/plugins/clock';
import { loadConfig, type Config } from '@eligo/server/config';
import { uniqueDatabaseName, withDatabase } from './mongo-uri.ts';

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  /** A separate raw connection to the same database, for asserting what is really stored. */
  db: Connection;
  databaseName: string;
  /** Every log line the app wrote, as parsed JSON. */
  logs: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  /** Points the app at another server (e.g. a proxy that the test can cut). */
  mongoUri?: string;
  /**
   * The server `db` (the test's own raw connection) reads: the run's server unless given, e.g. a
   * FerretDB the test started itself (behind a proxy, the run's server is the right one).
   */
  databaseServerUri?: string;
  serverSelectionTimeoutMS?: number;
  /**
   * Runs on the database of another test app, with its ENCRYPTION_KEY: a second API instance, as
   * production has. The first app's `close()` drops the database, this one's does not.
   */
  databaseOf?: TestApp;
  /** Runs on a database made elsewhere, by name (e.g. a built server's; pass its ENCRYPTION_KEY). */
  databaseName?: string;
  /** The app's clock (default: the real time), e.g. a `testClock` the test moves. */
  clock?: Clock;
}

/** Builds the real app against a fresh database of the run's server; `close()` drops it. */
export async function createTestApp(label: string, options: TestAppOptions = {}): Promise<TestApp> {
  const databaseName =
    options.databaseOf?.databaseName ??
    options.databaseName ??
    uniqueDatabaseName(path.basename(label));
  const serverUri = options.mongoUri ?? inject('mongoUri');
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    MONGODB_URI: withDatabase(serverUri, databaseName),
    ENCRYPTION_KEY: options.databaseOf
      ? options.databaseOf.config.encryptionKey.toString('base64')
      : randomBytes(32).toString('base64'),
    // app.inject() sends `Host: localhost:80`; the API answers only its PUBLIC_URL's host.
    PUBLIC_URL: 'http://localhost',
    ...options.env,
  });
  const logs: Array<Record<string, unknown>> = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n'))
        if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const app = await createApp(config, {
    logStream,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.serverSelectionTimeoutMS
      ? { mongo: { serverSelectionTimeoutMS: options.serverSelectionTimeoutMS } }
      : {}),
  });
  const db = await mongoose
    .createConnection(withDatabase(options.databaseServerUri ?? inject('mongoUri'), databaseName))
    .asPromise();
  return {
    app,
    config,
    db,
    databaseName,
    logs,
    async close() {
      await app.close();
      if (!options.databaseOf) await db.dropDatabase().catch(() => undefined);
      await db.close();
    },
  };
}
