import fp from 'fastify-plugin';
import mongoose, { type Connection } from 'mongoose';
import { derivedCopyModel, ensureIndexes, revisions } from '../lib/db/index.ts';

declare module 'fastify' {
  interface FastifyInstance {
    mongo: Connection;
  }
}

// Unknown filter paths are dropped. Selector injection ({ "$ne": null } where a string belongs) is
// stopped earlier: every route schema types its inputs (strings stay strings). mongoose's global
// sanitizeFilter is not used: it also mangles our own operator queries ($lte on dates).
mongoose.set('strictQuery', true);

export interface MongoOptions {
  /** Overrides MONGODB_SERVER_SELECTION_TIMEOUT_MS (tests that cut the database). */
  serverSelectionTimeoutMS?: number;
}

/**
 * One mongoose connection per app instance (tests build several apps in one process). Models are
 * registered on it by the modules; boot waits for every index build and fails fast on any error.
 */
export default fp<MongoOptions>(
  async (app, opts) => {
    const connection = mongoose.createConnection(app.config.mongodbUri, {
      serverSelectionTimeoutMS:
        opts.serverSelectionTimeoutMS ?? app.config.mongo.serverSelectionTimeoutMs,
      maxPoolSize: app.config.mongo.poolSize,
      // Fail fast instead of queueing queries while the database is away; the API answers 503.
      bufferCommands: false,
      autoIndex: false,
      autoCreate: false,
    });
    await connection.asPromise();
    app.decorate('mongo', connection);
    // The collections of the database helpers every module may use: revisions, derived copies.
    revisions(connection);
    derivedCopyModel(connection);
    app.addHook('onReady', async () => {
      // Modules have registered their models by now: create collections and indexes, or refuse to start.
      for (const name of connection.modelNames()) await ensureIndexes(connection.model(name));
    });
    app.addHook('onClose', async () => {
      await connection.close();
    });
  },
  { name: 'mongo', dependencies: ['config'] },
);

/** Pings the database, giving up after `timeoutMs`. */
export async function pingDatabase(connection: Connection, timeoutMs = 2_000): Promise<boolean> {
  const db = connection.db;
  if (!db) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([
      db.command({ ping: 1 }).then(
        () => true,
        () => false,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
