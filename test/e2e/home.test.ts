import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { saveScreenshot } from '../support/browser.ts';
import { startBuiltApp, type BuiltApp, type BuiltServer } from '../support/built-app.ts';

let e2e: BuiltApp;
let server: BuiltServer;
let browser: Browser;

beforeAll(async () => {
  e2e = await startBuiltApp(import.meta.filename);
  ({ server, browser } = e2e);
});
afterAll(() => e2e?.stop());

describe('the built app in a real browser', () => {
  test('the home page shows the API health status', async () => {
    const page = await browser.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      // An anonymous visitor's "who am I?" check answers 401 by design; anything else is a bug.
      if (message.type() === 'error' && !message.text().includes('status of 401'))
        consoleErrors.push(message.text());
    });
    await page.goto(server.url);
    await expect
      .poll(() => page.getByTestId('health-status').textContent())
      .toContain('API status: ok');
    expect(await page.title()).toBe('Home · Eligo');
    await saveScreenshot(page, 'e2e/home');
    expect(consoleErrors).toEqual([]);
  });

  test('a deep link is handled by the SPA and unknown pages say so', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${server.url}/no/such/page`);
    expect(response?.status()).toBe(200);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Page not found');
    await page.getByRole('link', { name: 'Go to the home page' }).click();
    await expect
      .poll(() => page.getByTestId('health-status').textContent())
      .toContain('API status: ok');
  });
});
