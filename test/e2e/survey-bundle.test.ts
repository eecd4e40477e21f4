import type { Browser, CDPSession, Page } from 'playwright-core';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startBuiltApp, type BuiltApp, type BuiltServer } from '../support/built-app.ts';
import { seedSurveyApplicant } from '../support/survey-seed.ts';

/**
 * What a phone downloads before the survey can be used, measured in headless Chromium from the bytes
 * that really crossed the wire (DevTools `Network.loadingFinished.encodedDataLength`: compressed
 * body plus response headers), with an empty cache.
 */
const BUDGET_BROTLI = 60 * 1024;

interface Transfer {
  path: string;
  type: string;
  /** Bytes received: response headers and the (compressed) body. */
  bytes: number;
  /** Of which the body. */
  bodyBytes: number;
  encoding: string;
}

let e2e: BuiltApp;
let server: BuiltServer;
let browser: Browser;
let db: Connection;

beforeAll(async () => {
  e2e = await startBuiltApp(import.meta.filename);
  ({ server, browser, db } = e2e);
});
afterAll(() => e2e?.stop());

/** Records every response of the page over the DevTools protocol. */
async function recordTransfers(page: Page, acceptEncoding?: string) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (acceptEncoding) {
    await cdp.send('Network.setExtraHTTPHeaders', {
      headers: { 'Accept-Encoding': acceptEncoding },
    });
  }
  const pending = new Map<
    string,
    Omit<Transfer, 'bytes' | 'bodyBytes'> & { headerBytes: number }
  >();
  const done: Transfer[] = [];
  cdp.on('Network.responseReceived', (event) => {
    const headers = Object.fromEntries(
      Object.entries(event.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]),
    );
    pending.set(event.requestId, {
      path: new URL(event.response.url).pathname,
      type: event.type,
      encoding: headers['content-encoding'] ?? 'identity',
      // What had arrived when the headers were parsed: the status line and headers.
      headerBytes: event.response.encodedDataLength,
    });
  });
  cdp.on('Network.loadingFinished', (event) => {
    const response = pending.get(event.requestId);
    if (!response) return;
    const { headerBytes, ...rest } = response;
    done.push({
      ...rest,
      bytes: event.encodedDataLength,
      bodyBytes: event.encodedDataLength - headerBytes,
    });
  });
  return done;
}

/** Opens a survey link on a phone-sized page and waits until step 1 can be filled in. */
async function openSurvey(acceptEncoding?: string, language: 'en' | 'es' = 'en') {
  const seeded = await seedSurveyApplicant(db, server.url, 'Acme Widgets', {
    state: 'IL',
    language,
  });
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  const transfers = await recordTransfers(page, acceptEncoding);
  await page.goto(seeded.url);
  await expect
    .poll(() => page.getByRole('heading', { level: 1 }).textContent())
    .toBe(language === 'en' ? 'About you' : 'Sus datos');
  await page.waitForLoadState('networkidle');
  await context.close();
  const assets = transfers.filter((t) => /\.(js|css)$/.test(t.path));
  const total = assets.reduce((sum, t) => sum + t.bytes, 0);
  const bodies = assets.reduce((sum, t) => sum + t.bodyBytes, 0);
  return { transfers, assets, total, bodies };
}

const uncompressed = (assets: Transfer[], encoding: string) =>
  assets.filter((t) => t.encoding !== encoding && t.bodyBytes >= 512);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function report(label: string, run: Awaited<ReturnType<typeof openSurvey>>) {
  const others = run.transfers.filter((t) => !run.assets.includes(t));
  console.log(
    `[survey bundle, ${label}] ${kb(run.total)} of JS and CSS transferred (bodies ${kb(run.bodies)}, headers ${kb(run.total - run.bodies)}):\n${run.assets
      .map(
        (t) =>
          `  ${kb(t.bytes).padStart(9)}  ${kb(t.bodyBytes).padStart(9)}  ${t.encoding.padEnd(8)} ${t.path}`,
      )
      .join('\n')}\n  besides: ${others.map((t) => `${t.path} ${kb(t.bytes)}`).join(', ')}`,
  );
}

describe('the survey on a phone, first visit', () => {
  test(`brotli: the survey's JS and CSS transfer in at most ${BUDGET_BROTLI / 1024} KB`, async () => {
    const run = await openSurvey();
    report('brotli', run);
    expect(run.assets.length).toBeGreaterThan(2);
    expect(run.assets.some((t) => t.path.endsWith('.css'))).toBe(true);
    // Every file came compressed with brotli (Chromium offers it to localhost), but those too
    // small for compression to pay (web/build/precompress.ts).
    expect(uncompressed(run.assets, 'br')).toEqual([]);
    expect(run.total).toBeLessThanOrEqual(BUDGET_BROTLI);
    // None of the admin app (its screens, router and stores), no schema library, and no Spanish
    // wording for an English survey.
    const unwanted = /\/(admin-app|AdminLayout|AppHeader|HomeView|pinia|vue-router|typebox|es)-/;
    expect(run.transfers.filter((t) => unwanted.test(t.path))).toEqual([]);
    // No source maps are published: the files do not point at any.
    for (const asset of run.assets) {
      const text = await (await fetch(`${server.url}${asset.path}`)).text();
      expect(text).not.toContain('sourceMappingURL');
    }
  });

  test('in Spanish too (the Spanish wording comes on demand)', async () => {
    const run = await openSurvey(undefined, 'es');
    report('brotli, Spanish', run);
    expect(run.assets.some((t) => /\/es-[\w-]+\.js$/.test(t.path))).toBe(true);
    expect(run.total).toBeLessThanOrEqual(BUDGET_BROTLI);
  });

  test('gzip for a client without brotli: still compressed, reported beside it', async () => {
    const run = await openSurvey('gzip, deflate');
    report('gzip', run);
    expect(uncompressed(run.assets, 'gzip')).toEqual([]);
    expect(run.total).toBeLessThanOrEqual(BUDGET_BROTLI * 1.25);
  });
});
