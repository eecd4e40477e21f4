/**
 * HTTP benchmarks against the built server and a real database server (the one the tests would use:
 * MONGODB_URI, else FerretDB 2, Docker's MongoDB or mongodb-memory-server). Prints requests per second and
 * latency for a bare Fastify route (the ceiling of this machine), `GET /api/health` (no database)
 * and `GET /api/auth/me` with a session (what every signed-in request pays to learn who is calling).
 *
 * Run: pnpm --filter @eligo/tests bench:http   (after `pnpm build`)
 * BENCH_SECONDS (default 8) and BENCH_CONNECTIONS (default 16) change the load. Also prints each
 * server process's CPU time per request, and `GET /api/health`'s share of the bare route with
 * PASS/MISS against the target (>= 60 %).
 */
import os from 'node:os';
import { startTestDatabaseServer } from '../support/database.ts';
import { uniqueDatabaseName, withDatabase } from '../support/mongo-uri.ts';
import { signUpRemotely } from '../support/remote-client.ts';
import { spawnBuiltServer } from '../support/server-process.ts';
import {
  loadAverage,
  loadSettings,
  measure,
  printRows,
  startBareFastify,
  type LoadRow,
} from './load.ts';

/** Issue 23: a request that touches no database costs little more than a bare route. */
const HEALTH_SHARE_TARGET = 0.6;

async function main(): Promise<void> {
  const database = await startTestDatabaseServer((message) => console.log(`[bench] ${message}`));
  const mongoUri = withDatabase(database.uri, uniqueDatabaseName('http-bench'));
  const server = await spawnBuiltServer(mongoUri);
  const bare = await startBareFastify();
  try {
    const { cookie } = await signUpRemotely(server.url);
    const rows = [
      await measure('bare Fastify GET / (no hooks, no database)', { url: bare.url }, bare.pid),
      await measure(
        'GET /api/health (no database)',
        { url: `${server.url}/api/health` },
        server.pid,
      ),
      await measure(
        'GET /api/auth/me (session)',
        { url: `${server.url}/api/auth/me`, headers: { cookie: cookie() } },
        server.pid,
      ),
    ];
    console.log(
      `\nHTTP benchmarks: ${loadSettings.connections} connections, ${loadSettings.seconds} s each, ` +
        `${os.cpus().length} CPUs, database ${database.description}\n`,
    );
    printRows(rows);
    const [bareRow, health] = rows as [LoadRow, LoadRow];
    const share = health.requestsPerSecond / bareRow.requestsPerSecond;
    const cpuShare = bareRow.cpuMsPerRequest! / health.cpuMsPerRequest!;
    console.log(
      `GET /api/health: ${(share * 100).toFixed(0)} % of the bare route's requests/s ` +
        `(target >= ${HEALTH_SHARE_TARGET * 100} %: ${share >= HEALTH_SHARE_TARGET ? 'PASS' : 'MISS'}); ` +
        `server CPU per request ${health.cpuMsPerRequest!.toFixed(3)} ms vs ${bareRow.cpuMsPerRequest!.toFixed(3)} ms ` +
        `bare (${(cpuShare * 100).toFixed(0)} %, less sensitive to other load on the machine); ` +
        `load average now ${loadAverage()}`,
    );
    const failed = rows.filter((r) => r.failures > 0);
    if (failed.length > 0) {
      console.error(`Some answers were not 2xx: ${failed.map((r) => r.name).join(', ')}`);
      process.exitCode = 1;
    }
  } finally {
    await bare.stop();
    await server.stop();
    await database.stop();
  }
}

await main();
