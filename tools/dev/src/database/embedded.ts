import path from 'node:path';
import { ensureFerretDb2 } from './ferretdb2/build.ts';
import { startFerretDb2 } from './ferretdb2/server.ts';
import { buildOptionsFromEnv } from './ferretdb2/settings.ts';
import { startMongoMemoryServer } from './memory-server.ts';
import type { Log, RunningDatabase } from './running-database.ts';

/** `ELIGO_EMBEDDED_DB`: which engine `pnpm start` runs when no MONGODB_URI is set. */
export const EMBEDDED_ENGINES = ['auto', 'ferretdb2', 'mongodb-memory-server'] as const;
export type EmbeddedEngine = (typeof EMBEDDED_ENGINES)[number];

/** Reads ELIGO_EMBEDDED_DB (empty: `auto`); anything else is refused, naming what is allowed. */
export function parseEmbeddedEngine(value: string | undefined): EmbeddedEngine {
  if (!value) return 'auto';
  if ((EMBEDDED_ENGINES as readonly string[]).includes(value)) return value as EmbeddedEngine;
  throw new Error(`ELIGO_EMBEDDED_DB=${value} is not one of ${EMBEDDED_ENGINES.join(', ')}`);
}

export interface EmbeddedDatabaseOptions {
  /** Where the database keeps its files; reused on the next start so data survives restarts. */
  dataDir: string;
  port?: number;
  /**
   * `auto` (default): FerretDB 2 + DocumentDB when this machine can build it (Debian/Ubuntu, root or
   * password-less sudo, Go); otherwise MongoDB through mongodb-memory-server.
   */
  prefer?: EmbeddedEngine;
  /** FerretDB 2: restart PostgreSQL or FerretDB when it exits, until this aborts (see server.ts). */
  restartUntil?: AbortSignal;
  log?: Log;
}

/** An error's message on one line, short enough for a log line (a failed command's output is long). */
const summary = (error: unknown) =>
  (error as Error).message.replace(/\s*\n\s*/g, ' ').slice(0, 300);

/** Starts the database `pnpm start` and `pnpm dev` use when no MONGODB_URI is configured. */
export async function startEmbeddedDatabase(
  options: EmbeddedDatabaseOptions,
): Promise<RunningDatabase> {
  const prefer = options.prefer ?? 'auto';
  const port = options.port ? { port: options.port } : {};
  const log = options.log ? { log: options.log } : {};
  let ferretDb2Failure: string | undefined;
  if (prefer !== 'mongodb-memory-server') {
    try {
      const engine = await ensureFerretDb2(buildOptionsFromEnv(options.log));
      const dataDir = path.join(options.dataDir, 'ferretdb2');
      const { restartUntil } = options;
      return await startFerretDb2({
        engine,
        dataDir,
        ...port,
        ...log,
        ...(restartUntil ? { restartUntil } : {}),
      });
    } catch (error) {
      if (prefer === 'ferretdb2') throw error;
      ferretDb2Failure = summary(error);
      options.log?.(
        `FerretDB 2 cannot run here (${ferretDb2Failure}); trying mongodb-memory-server`,
      );
    }
  }
  try {
    return await startMongoMemoryServer({ dataDir: options.dataDir, ...port, ...log });
  } catch (error) {
    throw new Error(
      [
        'no database to start.',
        ...(ferretDb2Failure ? [`  FerretDB 2: ${ferretDb2Failure}`] : []),
        `  mongodb-memory-server: ${summary(error)}`,
        'Set MONGODB_URI to a MongoDB you run; or run this on Debian/Ubuntu as root or with ' +
          'password-less sudo, with Go (FerretDB 2 is built once); or let this machine reach the ' +
          'internet once so mongodb-memory-server can download MongoDB (README: Database).',
      ].join('\n'),
    );
  }
}
