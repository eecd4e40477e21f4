/**
 * `pnpm --filter @eligo/server ferretdb:build` builds and caches the FerretDB binary;
 * `… ferretdb:start <port> <dataDir>` runs it in the foreground (used by .ci/run).
 */
import { ensureFerretDbBinary, startFerretDb } from './ferretdb.ts';
import { cacheDir } from './paths.ts';

const [command, port, dataDir] = process.argv.slice(2);
const binary = await ensureFerretDbBinary(cacheDir, console.log);
if (command === 'build') {
  console.log(binary);
} else if (command === 'start') {
  const db = await startFerretDb({
    binary,
    dataDir: dataDir ?? '/tmp/eligo-ferretdb',
    port: Number(port ?? 27017),
    log: console.log,
  });
  const stop = () => void db.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} else {
  console.error('usage: ferretdb-cli build | start [port] [dataDir]');
  process.exit(2);
}
