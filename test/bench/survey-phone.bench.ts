import os from 'node:os';
import type { Browser, CDPSession } from 'playwright-core';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { startTestDatabaseServer, type TestDatabaseServer } from '../support/database.ts';
import { uniqueDatabaseName, withDatabase } from '../support/mongo-uri.ts';
import { spawnBuiltServer, type ServerProcess } from '../support/server-process.ts';
import { connect, seedSurveyApplicant } from '../support/survey-seed.ts';
import { loadAverage } from './load.ts';

/**
 * The survey on a slow phone (issue 23 item 4): the BUILT server on the tests' database server, a
 * survey link opened in headless Chromium on a 375×812 touch screen, cold cache, with
 *   - the network throttled to "Slow 4G" as the issue defines it: 400 ms round trip added to every
 *     request (`Network.emulateNetworkConditions` latency) and 400 kbit/s each way;
 *   - the CPU slowed down 4× (`Emulation.setCPUThrottlingRate`).
 * Each run is a new applicant (a first visit: the link goes from sent to opened) in a new browser
 * context (empty cache, no connections kept). Times are from navigation start (the page's
 * `performance.now()`):
 *   - first question visible: the first `<label>` of the survey form (step 1's first question) is
 *     laid out with a size (it may be below the fold: the greeting comes first), seen on the next
 *     animation frame;
 *   - interactive: right after that, a key typed into the first input changes its value, and a
 *     click on "Save and continue" shows the form's error summary (client-side validation: the
 *     app's handlers run). Time when the summary appeared.
 * Target: first question < 2.5 s (p95), printed PASS/MISS. The requests of the last run are listed
 * with their start and end, to see what the critical path is made of.
 *
 * Run (after `pnpm build`): pnpm --filter @eligo/tests bench:file survey-phone
 * BENCH_SURVEY_RUNS (default 7) sets the number of runs.
 */
const RUNS = Number(process.env.BENCH_SURVEY_RUNS ?? 7);
const FIRST_QUESTION_TARGET_MS = 2_500;
const SLOW_4G = {
  offline: false,
  latency: 400,
  downloadThroughput: (400 * 1000) / 8,
  uploadThroughput: (400 * 1000) / 8,
};
const CPU_SLOWDOWN = 4;

/** Runs in the page before its own scripts: records when the milestones happen. */
const MILESTONES = `(() => {
  const marks = (window.__benchMarks = {});
  const frame = () => {
    const label = document.querySelector('form.step label');
    if (label && label.getBoundingClientRect().height > 0) {
      marks.firstQuestion = performance.now();
      return;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  document.addEventListener('input', () => { marks.keystroke ??= performance.now(); }, true);
  new MutationObserver(() => {
    if (marks.firstQuestion && !marks.responded && document.querySelector('form.step .error-summary'))
      marks.responded = performance.now();
  }).observe(document, { childList: true, subtree: true });
})();`;

interface Marks {
  firstQuestion?: number;
  keystroke?: number;
  responded?: number;
}

interface RequestTiming {
  path: string;
  startMs: number;
  endMs: number;
  bytes: number;
}

let database: TestDatabaseServer;
let server: ServerProcess;
let db: Connection;
let browser: Browser;
const results: Array<{ firstQuestion: number; interactive: number; load: string }> = [];
let lastWaterfall: RequestTiming[] = [];

beforeAll(async () => {
  database = await startTestDatabaseServer((message) => console.log(`[bench] ${message}`));
  const mongoUri = withDatabase(database.uri, uniqueDatabaseName('bench-survey-phone'));
  server = await spawnBuiltServer(mongoUri);
  db = await connect(mongoUri);
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  console.log(report());
  await browser?.close();
  await db?.dropDatabase().catch(() => undefined);
  await db?.close();
  await server?.stop();
  await database?.stop();
}, 120_000);

/** Bytes and times of every request, from the DevTools protocol, relative to navigation start. */
function recordRequests(cdp: CDPSession): () => RequestTiming[] {
  const started = new Map<string, { path: string; at: number }>();
  const done: Array<{ path: string; at: number; end: number; bytes: number }> = [];
  cdp.on('Network.requestWillBeSent', (event) => {
    started.set(event.requestId, {
      path: new URL(event.request.url).pathname,
      at: event.timestamp,
    });
  });
  cdp.on('Network.loadingFinished', (event) => {
    const request = started.get(event.requestId);
    if (request) done.push({ ...request, end: event.timestamp, bytes: event.encodedDataLength });
  });
  return () => {
    const origin = Math.min(...done.map((r) => r.at));
    return done
      .map((r) => ({
        path: r.path
          .replace(/^\/survey\/[^/]+/, '/survey/<token>')
          .replace(/^\/api\/survey\/[^/]+/, '/api/survey/<token>'),
        startMs: (r.at - origin) * 1000,
        endMs: (r.end - origin) * 1000,
        bytes: r.bytes,
      }))
      .sort((a, b) => a.startMs - b.startMs);
  };
}

async function openOnce(run: number): Promise<void> {
  const seeded = await seedSurveyApplicant(db, server.url, `Phone Bench ${run}`, { state: 'IL' });
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    isMobile: true,
    hasTouch: true,
  });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const requests = recordRequests(cdp);
    await page.addInitScript(MILESTONES);
    const load = loadAverage();
    await page.goto(seeded.url, { waitUntil: 'commit', timeout: 60_000 });
    const marks = () =>
      page.evaluate(() => (window as unknown as { __benchMarks: Marks }).__benchMarks);
    await page.waitForFunction(
      () => (window as unknown as { __benchMarks: Marks }).__benchMarks.firstQuestion,
      null,
      { timeout: 60_000 },
    );
    const input = page.locator('form.step input:not([type="hidden"]):not([disabled])').first();
    await input.press('x');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.waitForFunction(
      () => (window as unknown as { __benchMarks: Marks }).__benchMarks.responded,
      null,
      { timeout: 60_000 },
    );
    const got = await marks();
    if (!got.keystroke) throw new Error('the keystroke changed nothing in the first input');
    results.push({ firstQuestion: got.firstQuestion!, interactive: got.responded!, load });
    await page.waitForLoadState('networkidle');
    lastWaterfall = requests();
  } finally {
    await context.close();
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function report(): string {
  if (results.length === 0) return '\nSurvey on a phone: no run finished';
  const first = results.map((r) => r.firstQuestion);
  const interactive = results.map((r) => r.interactive);
  const p95 = percentile(first, 95);
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  return [
    '',
    `Survey on a phone (Slow 4G: +${SLOW_4G.latency} ms per request, 400 kbit/s each way; CPU ${CPU_SLOWDOWN}× slower; ` +
      `cold cache), ${results.length} runs on ${database.description}; ${os.cpus().length} CPUs; ` +
      `load average before the first run ${results[0]!.load}, now ${loadAverage()}`,
    `  first question visible: p50 ${ms(percentile(first, 50))}, p95 ${ms(p95)} ` +
      `(target < ${ms(FIRST_QUESTION_TARGET_MS)}: ${p95 < FIRST_QUESTION_TARGET_MS ? 'PASS' : 'MISS'})`,
    `  interactive (keystroke taken, Next answered): p50 ${ms(percentile(interactive, 50))}, p95 ${ms(percentile(interactive, 95))}`,
    `  runs: ${results.map((r) => `${ms(r.firstQuestion)} / ${ms(r.interactive)}`).join(', ')}`,
    '  requests of the last run (start → end, bytes on the wire), from the first request:',
    ...lastWaterfall.map(
      (r) =>
        `    ${ms(r.startMs).padStart(8)} → ${ms(r.endMs).padStart(8)}  ${String(r.bytes).padStart(7)} B  ${r.path}`,
    ),
  ].join('\n');
}

describe('the survey on a slow phone', () => {
  bench(
    `open a survey link ${RUNS} times (figures printed below)`,
    async () => {
      for (let run = 1; run <= RUNS; run++) await openOnce(run);
    },
    { time: 0, iterations: 1, warmupTime: 0, warmupIterations: 0 },
  );
});
