import fp from 'fastify-plugin';
import mongoose, { type Connection, type Model } from 'mongoose';

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
    app.addHook('onReady', async () => {
      // Modules have registered their models by now: create collections and indexes, or refuse to start.
      for (const name of connection.modelNames()) {
        const model = connection.model(name);
        await model.createCollection().catch((error: unknown) => {
          if ((error as { codeName?: string }).codeName !== 'NamespaceExists') throw error;
        });
        await model.createIndexes();
        await assertIndexesInPlace(model);
      }
    });
    app.addHook('onClose', async () => {
      await connection.close();
    });
  },
  { name: 'mongo', dependencies: ['config'] },
);

/**
 * Checks that every index the schema declares exists with the same keys and uniqueness. MongoDB and
 * FerretDB 2 refuse a conflicting createIndexes, but FerretDB v1 answers "ok" when an index of that
 * name already exists, even without `unique`; and on every engine an index with the same keys under
 * another name, without `unique`, would otherwise go unnoticed (docs/database.md).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any model of the connection
export async function assertIndexesInPlace(model: Model<any>): Promise<void> {
  const existing = (await model.listIndexes()) as Array<{
    key: Record<string, number>;
    unique?: boolean;
  }>;
  for (const [fields, options] of model.schema.indexes()) {
    const wanted = JSON.stringify(fields);
    const found = existing.find((index) => JSON.stringify(index.key) === wanted);
    if (!found || Boolean(found.unique) !== Boolean((options as { unique?: boolean }).unique)) {
      throw new Error(
        `Index ${wanted} (unique: ${Boolean((options as { unique?: boolean }).unique)}) on ${model.collection.collectionName} is ` +
          (found ? `there with unique: ${Boolean(found.unique)}` : 'missing') +
          '. Drop the conflicting index and restart.',
      );
    }
  }
}

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
