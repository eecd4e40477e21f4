/**
 * HTTP benchmarks against the built server and a real database server (the one the tests would use:
 * MONGODB_URI, else FerretDB 2, Docker's MongoDB or mongodb-memory-server). Prints requests per second and
 * latency for a bare Fastify route (the ceiling of this machine), `GET /api/health` (no database)
 * and `GET /api/auth/me` with a session (what every signed-in request pays to learn who is calling).
 *
 * Run: pnpm --filter @eligo/tests bench:http   (after `pnpm build`)
 * BENCH_SECONDS (default 8) and BENCH_CONNECTIONS (default 16) change the load.
 */
import os from 'node:os';
import { startTestDatabaseServer } from '../support/database.ts';
import { uniqueDatabaseName, withDatabase } from '../support/mongo-uri.ts';
import { signUpRemotely } from '../support/remote-client.ts';
import { spawnBuiltServer } from '../support/server-process.ts';
import { loadSettings, measure, printRows, startBareFastify } from './load.ts';

async function main(): Promise<void> {
  const database = await startTestDatabaseServer((message) => console.log(`[bench] ${message}`));
  const mongoUri = withDatabase(database.uri, uniqueDatabaseName('http-bench'));
  const server = await spawnBuiltServer(mongoUri);
  const bare = await startBareFastify();
  try {
    const { cookie } = await signUpRemotely(server.url);
    const rows = [
      await measure('bare Fastify GET / (no hooks, no database)', { url: bare.url }),
      await measure('GET /api/health (no database)', { url: `${server.url}/api/health` }),
      await measure('GET /api/auth/me (session)', {
        url: `${server.url}/api/auth/me`,
        headers: { cookie: cookie() },
      }),
    ];
    console.log(
      `\nHTTP benchmarks: ${loadSettings.connections} connections, ${loadSettings.seconds} s each, ` +
        `${os.cpus().length} CPUs, database ${database.description}\n`,
    );
    printRows(rows);
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
