/**
 * HTTP benchmarks against the built server and a real database server (the one the tests would use:
 * MONGODB_URI, else Docker's MongoDB, else the embedded FerretDB). Prints requests per second and
 * latency for a bare Fastify route (the ceiling of this machine), `GET /api/health` (no database)
 * and `GET /api/auth/me` with a session (what every signed-in request pays to learn who is calling).
 *
 * Run: pnpm --filter @eligo/tests bench:http   (after `pnpm build`)
 * BENCH_SECONDS (default 8) and BENCH_CONNECTIONS (default 16) change the load.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { freePort, stopProcess, waitForPort } from '@eligo/server/dev/processes';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@eligo/shared/http';
import { startTestDatabaseServer } from '../support/database.ts';
import { uniqueDatabaseName, withDatabase } from '../support/mongo-uri.ts';
import { spawnBuiltServer } from '../support/server-process.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const testDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Row {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  failures: number;
  load: string;
}

async function measure(
  name: string,
  url: string,
  headers: Record<string, string> = {},
): Promise<Row> {
  // A short warm-up so JIT and connection pools are settled before the measured run.
  await autocannon({ url, connections, duration: 1, headers });
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  const result = await autocannon({ url, connections, duration: seconds, headers });
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
    load,
  };
}

/** A bare Fastify server in its own process: one route, no hooks, no database. */
async function startBareFastify(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const source = `import Fastify from 'fastify';
const app = Fastify();
app.get('/', async () => ({ ok: true }));
await app.listen({ host: '127.0.0.1', port: ${port} });`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', source], {
    cwd: testDir,
    stdio: 'inherit',
  });
  await waitForPort(port, { child });
  return { url: `http://127.0.0.1:${port}/`, stop: () => stopProcess(child) };
}

async function sessionCookie(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CSRF_HEADER]: CSRF_HEADER_VALUE },
    body: JSON.stringify({
      organizationName: 'Bench Inc',
      name: 'Bench Admin',
      email: 'bench@example.com',
      password: 'a long enough bench passphrase',
    }),
  });
  if (response.status !== 201) throw new Error(`sign-up failed: ${response.status}`);
  const cookie = response.headers.getSetCookie()[0];
  if (!cookie) throw new Error('sign-up set no session cookie');
  return cookie.split(';')[0]!;
}

async function main(): Promise<void> {
  const database = await startTestDatabaseServer((message) => console.log(`[bench] ${message}`));
  const mongoUri = withDatabase(database.uri, uniqueDatabaseName('http-bench'));
  const server = await spawnBuiltServer(mongoUri);
  const bare = await startBareFastify();
  try {
    const cookie = await sessionCookie(server.url);
    const rows = [
      await measure('bare Fastify GET / (no hooks, no database)', bare.url),
      await measure('GET /api/health (no database)', `${server.url}/api/health`),
      await measure('GET /api/auth/me (session)', `${server.url}/api/auth/me`, { cookie }),
    ];
    console.log(
      `\nHTTP benchmarks: ${connections} connections, ${seconds} s each, ${os.cpus().length} CPUs, ` +
        `database ${database.description}\n`,
    );
    console.table(
      rows.map((r) => ({
        route: r.name,
        'req/s': r.requestsPerSecond,
        'p50 ms': r.p50,
        'p99 ms': r.p99,
        'non-2xx/errors': r.failures,
        'load avg (1/5/15 min) before': r.load,
      })),
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
