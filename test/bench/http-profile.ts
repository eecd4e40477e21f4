/**
 * Where a request's CPU goes: the built server under `node --cpu-prof`, autocannon on one route
 * (default `GET /api/health`, which touches no database), then the profile summarized — self time
 * by package and by function, and the time under each of our hooks — and drawn as a flame graph.
 *
 * Run (after `pnpm build`): pnpm --filter @eligo/tests bench:profile
 *   BENCH_PROFILE_PATH=/api/auth/me   another route (signed in as a fresh admin: the session cookie is sent)
 *   BENCH_PROFILE_PATH=bare           the bare Fastify route of bench:http, for comparison
 *   BENCH_PROFILE_PATH=webhook        the Lever webhook ack of bench webhook-ingest (signed
 *                                     applicationCreated deliveries, the jobs they queue paused)
 *   BENCH_PROFILE_OUT=../docs/perf    also write <name>.md (the summary) and <name>.svg (the flame graph) there
 *   BENCH_SECONDS / BENCH_CONNECTIONS as for bench:http (bench/load.ts)
 */
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startTestDatabaseServer } from '../support/database.ts';
import { uniqueDatabaseName, withDatabase } from '../support/mongo-uri.ts';
import { signUpRemotely } from '../support/remote-client.ts';
import { spawnBuiltServer } from '../support/server-process.ts';
import { pauseJobs, webhookTarget } from './ack-load.ts';
import {
  callTree,
  flameGraphSvg,
  inclusiveMs,
  monotonicUs,
  readProfile,
  summarize,
  type Window,
} from './cpu-profile.ts';
import {
  loadAverage,
  loadSettings,
  measure,
  printRows,
  startBareFastify,
  type LoadRow,
  type LoadTarget,
} from './load.ts';
import { startStack } from './lever-stack.ts';

const routePath = process.env.BENCH_PROFILE_PATH ?? '/api/health';
const outDir = process.env.BENCH_PROFILE_OUT;
const routeLabel =
  routePath === 'webhook'
    ? 'POST /api/webhooks/lever/:id (signed deliveries, jobs paused)'
    : `GET ${routePath}`;

/**
 * Frames that tell which hook or stage a request is in (the bundle keeps our function names).
 * Inclusive time: everything that ran below them.
 */
const STAGES: Array<[string, RegExp]> = [
  ['HTTP parser + socket (node internals)', /^(parserOnHeadersComplete|parserOnIncoming) /],
  ['fastify routing (lookup → runPreParsing)', /^(lookup|routeHandler) .*fastify/],
  ['hooks run by hookIterator (onRequest, preHandler…)', /^hookIterator /],
  ['helmet (all its middlewares)', /helmet/],
  ['logger: child logger + serializers', /^(child|asJson|req) .*pino|^req .*server\.mjs/],
  [
    'sending the answer (onSend hooks, serializing, socket write)',
    /^(serialize|onSendEnd|onSendHook) /,
  ],
];

interface ProfiledRun {
  row: LoadRow;
  window: Window;
}

/** Warm-up, then the measured run; the samples between its start and end are summarized. */
async function profiledLoad(target: LoadTarget, pid: number): Promise<ProfiledRun> {
  await measure('warm-up (not in the summary)', target);
  const fromUs = monotonicUs();
  const row = await measure(`${routeLabel} (profiled)`, target, pid);
  return { row, window: { fromUs, toUs: monotonicUs() } };
}

/** The bare Fastify route (`BENCH_PROFILE_PATH=bare`) or a route of the built server, profiled. */
async function run(profileArgs: string[]): Promise<ProfiledRun> {
  if (routePath === 'bare') {
    const bare = await startBareFastify(profileArgs);
    try {
      return await profiledLoad({ url: bare.url }, bare.pid);
    } finally {
      await bare.stop(); // SIGTERM: it closes and exits, and Node writes the profile.
    }
  }
  const database = await startTestDatabaseServer((message) => console.log(`[bench] ${message}`));
  if (routePath === 'webhook') {
    const stack = await startStack(
      database,
      'webhook-profile',
      { LEVER_WEBHOOK_RATE_LIMIT_PER_MINUTE: '100000000' },
      profileArgs,
    );
    try {
      await pauseJobs(stack);
      return await profiledLoad(webhookTarget(stack), stack.server.pid);
    } finally {
      await stack.stop(); // SIGTERM: the server closes gracefully and Node writes the profile.
      await database.stop();
    }
  }
  const mongoUri = withDatabase(database.uri, uniqueDatabaseName('http-profile'));
  const server = await spawnBuiltServer(mongoUri, {}, undefined, profileArgs);
  try {
    const headers: Record<string, string> = {};
    if (routePath !== '/api/health') headers.cookie = (await signUpRemotely(server.url)).cookie();
    return await profiledLoad({ url: `${server.url}${routePath}`, headers }, server.pid);
  } finally {
    await server.stop(); // SIGTERM: the server closes gracefully and Node writes the profile.
    await database.stop();
  }
}

async function main(): Promise<void> {
  const profileDir = await mkdtemp(path.join(os.tmpdir(), 'eligo-cpu-prof-'));
  const { row, window } = await run([
    '--cpu-prof',
    `--cpu-prof-dir=${profileDir}`,
    '--cpu-prof-name=server.cpuprofile',
  ]);
  printRows([row]);
  const files = await readdir(profileDir);
  if (!files.includes('server.cpuprofile'))
    throw new Error(`no profile written in ${profileDir}: ${files.join(', ')}`);
  const file = path.join(profileDir, 'server.cpuprofile');
  const profile = readProfile(file);
  const summary = summarize(profile, window);
  const tree = callTree(profile, window);
  const busy = summary.busyMs;
  const pct = (ms: number) => `${((ms / busy) * 100).toFixed(1)} %`;
  const lines = [
    `# CPU profile of the built server under autocannon: ${routeLabel}`,
    '',
    `${loadSettings.connections} connections, ${loadSettings.seconds} s measured after a 1 s warm-up; ` +
      `${row.requestsPerSecond} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, ` +
      `${row.cpuMsPerRequest?.toFixed(3)} ms of server CPU per request; ${os.cpus().length} CPUs, ` +
      `load average before ${row.load}, after ${loadAverage()}. Summarized: the samples of the measured ` +
      `run only (after a separate warm-up run; start-up and shutdown left out), ` +
      `${(summary.totalMs / 1000).toFixed(1)} s sampled, ${(busy / 1000).toFixed(1)} s of it busy (not idle).`,
    '',
    '## Self time by package (share of busy time)',
    '',
    '| package | ms | share |',
    '|---|---:|---:|',
    ...summary.byPackage
      .slice(0, 15)
      .map((p) => `| ${p.name} | ${p.ms.toFixed(0)} | ${pct(p.ms)} |`),
    '',
    '## Inclusive time by stage (frames matched by name; stages overlap)',
    '',
    '| stage | ms | share |',
    '|---|---:|---:|',
    ...STAGES.map(([name, pattern]) => {
      const ms = inclusiveMs(tree, pattern);
      return `| ${name} | ${ms.toFixed(0)} | ${pct(ms)} |`;
    }),
    '',
    '## Top 30 functions by self time',
    '',
    '| function (file:line in the bundle or package) | ms | share |',
    '|---|---:|---:|',
    ...summary.byFunction
      .filter((f) => f.name !== '(idle)')
      .slice(0, 30)
      .map((f) => `| \`${f.name.replace(/\|/g, '\\|')}\` | ${f.ms.toFixed(0)} | ${pct(f.ms)} |`),
  ];
  console.log(`\n${lines.join('\n')}`);
  if (outDir) {
    const name = `profile-${routePath.replace(/^\/api\//, '').replace(/[^a-z0-9]+/gi, '-')}`;
    await mkdir(outDir, { recursive: true });
    await writeFile(path.join(outDir, `${name}.md`), `${lines.join('\n')}\n`);
    await writeFile(
      path.join(outDir, `${name}.svg`),
      flameGraphSvg(
        tree,
        `Eligo built server, ${routeLabel} under autocannon (${row.requestsPerSecond} req/s)`,
      ),
    );
    console.log(`\nwrote ${name}.md and ${name}.svg in ${outDir}`);
  }
  // Kept (not committed: about 1 MB): Chrome DevTools › Performance › Load profile opens it.
  console.log(`raw profile: ${file}`);
}

await main();
