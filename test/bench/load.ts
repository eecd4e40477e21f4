import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { freePort, stopProcess, waitForPort } from '@eligo/dev/processes';

/**
 * Load runs shared by the HTTP benchmarks (http.ts, webhook-ingest.bench.ts): autocannon with a
 * warm-up, and a bare Fastify server in its own process as this machine's ceiling.
 * BENCH_SECONDS (default 8) and BENCH_CONNECTIONS (default 16) change the load.
 */
export const loadSettings = {
  seconds: Number(process.env.BENCH_SECONDS ?? 8),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 16),
};

const testDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface LoadRow {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Answers that were not 2xx, errors and timeouts. */
  failures: number;
  /** How many answers of each status code (e.g. to tell 401 from 429 when some fail). */
  statusCodes: Record<string, number>;
  /** Load average (1/5/15 min) just before the measured run. */
  load: string;
  /** CPU time the watched process (`measure`'s `cpuOf`) used per answer, in ms. */
  cpuMsPerRequest?: number;
}

export interface LoadTarget {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** A fresh body for every request (e.g. a delivery with a token never seen before). */
  body?: () => string;
}

export const loadAverage = (): string =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

function run(target: LoadTarget, duration: number) {
  const { url, method = 'GET', headers = {}, body } = target;
  return autocannon({
    url,
    connections: loadSettings.connections,
    duration,
    requests: [
      {
        method,
        headers,
        ...(body ? { setupRequest: (request) => ({ ...request, body: body() }) } : {}),
      },
    ],
  });
}

/**
 * A one-second warm-up (JIT, connection pools), then `BENCH_SECONDS` measured; with `cpuOf` (a
 * process id), also the CPU time that process spent per answer during the measured run.
 */
export async function measure(name: string, target: LoadTarget, cpuOf?: number): Promise<LoadRow> {
  await run(target, 1);
  const load = loadAverage();
  const cpuBefore = cpuOf ? cpuTimeMs(cpuOf) : 0;
  const result = await run(target, loadSettings.seconds);
  const cpuMs = cpuOf ? cpuTimeMs(cpuOf) - cpuBefore : 0;
  return {
    ...(cpuOf ? { cpuMsPerRequest: cpuMs / Math.max(1, result.requests.total) } : {}),
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [
        code,
        stats?.count ?? 0,
      ]),
    ),
    load,
  };
}

/** The table every HTTP benchmark prints. */
export function printRows(rows: LoadRow[]): void {
  console.table(
    rows.map((r) => ({
      route: r.name,
      'req/s': r.requestsPerSecond,
      'p50 ms': r.p50,
      'p99 ms': r.p99,
      'non-2xx/errors': r.failures,
      ...(r.cpuMsPerRequest === undefined
        ? {}
        : { 'server CPU ms/req': Number(r.cpuMsPerRequest.toFixed(3)) }),
      'load avg (1/5/15 min) before': r.load,
    })),
  );
}

/**
 * A bare Fastify server in its own process, no hooks and no database: `GET /` answers
 * `{ ok: true }`, `POST /` parses the JSON body and answers the same.
 */
export async function startBareFastify(
  /** Node options before the script, e.g. `--cpu-prof`. */
  nodeArgs: string[] = [],
): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const port = await freePort();
  const source = `import Fastify from 'fastify';
const app = Fastify();
app.get('/', async () => ({ ok: true }));
app.post('/', async (request) => ({ ok: typeof request.body === 'object' }));
// Exit (not die) on SIGTERM, so that a --cpu-prof profile gets written.
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
await app.listen({ host: '127.0.0.1', port: ${port} });`;
  const child = spawn(process.execPath, [...nodeArgs, '--input-type=module', '-e', source], {
    cwd: testDir,
    stdio: 'inherit',
  });
  await waitForPort(port, { child });
  return { url: `http://127.0.0.1:${port}/`, pid: child.pid!, stop: () => stopProcess(child) };
}

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux). */
export function cpuTimeMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticksPerSecond = 100;
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}
