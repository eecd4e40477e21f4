/**
 * The embedded database engine (FerretDB 2 + DocumentDB), by hand and for .ci/run (docs/database.md):
 *   tsx src/database/cli.ts build                                      builds (once, cached)
 *   tsx src/database/cli.ts start [--port N] [--data DIR] [--ephemeral]
 * `start` runs in the foreground until SIGINT/SIGTERM. Either fails, saying why, where this machine
 * cannot build the engine: CI needs FerretDB 2 and does not fall back to anything else.
 */
import { parseArgs } from 'node:util';
import { ensureFerretDb2 } from './ferretdb2/build.ts';
import { startFerretDb2 } from './ferretdb2/server.ts';
import { buildOptionsFromEnv } from './ferretdb2/settings.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string' },
    data: { type: 'string' },
    ephemeral: { type: 'boolean', default: false },
  },
});
const command = positionals[0];
if (command !== 'build' && command !== 'start') {
  console.error('usage: cli.ts build | start [--port N] [--data DIR] [--ephemeral]');
  process.exit(2);
}
const log = (message: string) => console.log(`[database] ${message}`);
const started = Date.now();

try {
  const engine = await ensureFerretDb2(buildOptionsFromEnv(log));
  log(`engine ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${engine.ferretdb}`);
  if (command === 'start') {
    const db = await startFerretDb2({
      engine,
      dataDir: values.data ?? '/tmp/eligo-database',
      ephemeral: values.ephemeral,
      ...(values.port ? { port: Number(values.port) } : {}),
      log,
    });
    const stop = () => void db.stop().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  }
} catch (error) {
  console.error(
    `[database] FerretDB 2 cannot be ${command === 'build' ? 'built' : 'started'} here: ${(error as Error).message}`,
  );
  process.exit(1);
}
