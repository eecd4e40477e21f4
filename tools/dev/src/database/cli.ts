/**
 * The embedded database engines, by hand and for .ci/run (docs/database.md):
 *   tsx src/dev/database-cli.ts build [--v1]              builds (once, cached) and prints the engine
 *   tsx src/dev/database-cli.ts start [--v1] [--port N] [--data DIR] [--ephemeral]
 * `start` runs in the foreground until SIGINT/SIGTERM. Default engine: FerretDB 2 + DocumentDB.
 */
import { parseArgs } from 'node:util';
import { ensureFerretDbBinary, startFerretDb, type RunningDatabase } from './ferretdb1.ts';
import { ensureFerretDb2 } from './ferretdb2/build.ts';
import { startFerretDb2 } from './ferretdb2/server.ts';
import { buildOptionsFromEnv } from './ferretdb2/settings.ts';
import { cacheDir } from '../paths.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    v1: { type: 'boolean', default: false },
    port: { type: 'string' },
    data: { type: 'string' },
    ephemeral: { type: 'boolean', default: false },
  },
});
const command = positionals[0];
if (command !== 'build' && command !== 'start') {
  console.error(
    'usage: database-cli build [--v1] | start [--v1] [--port N] [--data DIR] [--ephemeral]',
  );
  process.exit(2);
}
const log = (message: string) => console.log(`[database] ${message}`);
const started = Date.now();
const port = values.port ? Number(values.port) : undefined;
const dataDir = values.data ?? '/tmp/eligo-database';

let db: RunningDatabase | undefined;
if (values.v1) {
  const binary = await ensureFerretDbBinary(cacheDir, log);
  if (command === 'start')
    db = await startFerretDb({ binary, dataDir, ...(port ? { port } : {}), log });
} else {
  const engine = await ensureFerretDb2(buildOptionsFromEnv(log));
  log(`engine ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${engine.ferretdb}`);
  if (command === 'start')
    db = await startFerretDb2({
      engine,
      dataDir,
      ephemeral: values.ephemeral,
      ...(port ? { port } : {}),
      log,
    });
}
if (db) {
  const running = db;
  const stop = () => void running.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
