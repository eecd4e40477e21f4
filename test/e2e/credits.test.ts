import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { expectNoSeriousA11yViolations } from '../support/axe.ts';
import { eventually, heading, saveScreenshot, signInAs } from '../support/browser.ts';
import { startBuiltApp, type BuiltApp, type BuiltServer } from '../support/built-app.ts';
import { certify, payrollCsv } from '../support/credits.ts';
import { createOrganization, signedIn, type TestOrganization } from '../support/factories.ts';
import { hireBody, hiredApplicant } from '../support/hires.ts';
import { scenario } from '../support/scenario.ts';

/**
 * The Credits screen in a real browser against the built server: upload a payroll CSV (dry run,
 * then import), see the certified hire's credit and the Form 5884 totals, download them as CSV.
 * Then a July–June tax year chosen on the Employer profile: the Credits screen names its window and
 * draws the credit by month. Dates are fixed (tax year 2025 by URL), so nothing depends on today.
 */
let e2e: BuiltApp;
let server: BuiltServer;
let seeder: TestApp;
let browser: Browser;
let org: TestOrganization;
let opportunityId: string;

beforeAll(async () => {
  e2e = await startBuiltApp(import.meta.filename);
  ({ server, browser } = e2e);
  // A second app instance on the server's database records the hire and the state's certification.
  seeder = await createTestApp(import.meta.filename, {
    databaseName: new URL(server.mongoUri).pathname.slice(1),
    env: { ENCRYPTION_KEY: server.encryptionKey },
  });
  org = await createOrganization(seeder.app, { name: 'Browser Credits Co' });
  const hired = await hiredApplicant(seeder.app, org.organizationId, {}, { name: 'Dana Credit' });
  opportunityId = hired.opportunityId;
  const admin = await signedIn(seeder.app, org.admin);
  const put = await admin.put(
    `/api/applicants/${hired.applicantId}/hire`,
    hireBody({ startedOn: '2025-10-01' }),
  );
  if (put.statusCode !== 200) throw new Error(`hire: ${put.statusCode} ${put.body}`);
  await certify(seeder.app, seeder.db, org.organizationId, hired.applicantId, 'A');
});
afterAll(async () => {
  // Not seeder.close(): that would drop the server's database under it; stop() drops it after.
  await seeder?.app.close();
  await seeder?.db.close();
  await e2e?.stop();
});

const signIn = (page: Page) => signInAs(page, server.url, org.admin);

/** October to December 2025: 80 hours and $1,200 a month. */
const file = (employee: string) =>
  payrollCsv(
    ['10-31', '11-30', '12-31'].map(
      (end) => `${employee},2025-${end.slice(0, 2)}-01,2025-${end},80,1200`,
    ),
  );

describe('Credits in a real browser', () => {
  scenario('upload payroll, see the credit, download the Form 5884 totals', (step) => {
    let context: BrowserContext;
    let page: Page;
    const pageErrors: string[] = [];

    step('the Credits screen from the navigation', async () => {
      context = await browser.newContext({ acceptDownloads: true });
      page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await signIn(page);
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Credits' })
        .click();
      await eventually(() => heading(page).textContent()).toBe('Credits');
      await page.goto(`${server.url}/credits?taxYear=2025`);
      await eventually(() => page.getByRole('heading', { level: 2 }).textContent()).toBe(
        'Tax year 2025: Jan 1, 2025 – Dec 31, 2025',
      );
      expect(await page.locator('[data-line="credit"]').textContent()).toContain('$0.00');
    });

    step('upload payroll: the dry run says what would change, Import writes it', async () => {
      await page.getByRole('button', { name: 'Upload payroll (CSV)' }).click();
      await page.getByLabel('CSV file of pay periods').setInputFiles({
        name: 'payroll.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(file(opportunityId)),
      });
      await eventually(() => page.getByRole('dialog').textContent()).toContain(
        '3 pay periods would be added',
      );
      await expectNoSeriousA11yViolations(page, 'payroll dialog');
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await eventually(() => page.getByRole('dialog').textContent()).toContain(
        'The pay periods were imported.',
      );
      await page.getByRole('button', { name: 'Close' }).click();
    });

    step('the credit of the certified hire and the totals', async () => {
      await eventually(() => page.locator('[data-line="credit"]').textContent()).toContain(
        '$900.00',
      );
      const row = page.locator('tbody tr', { hasText: 'Dana Credit' });
      expect(await row.textContent()).toContain('25 %');
      expect(await page.locator('[data-line="1a"]').textContent()).toContain('$3,600.00');
      await expectNoSeriousA11yViolations(page, 'credits');
      await saveScreenshot(page, 'e2e/credits-1-ledger');
    });

    step('download the Form 5884 totals', async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download the Form 5884 totals (CSV)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('form-5884-2025.csv');
      const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
      const lines = csv.trimEnd().split('\r\n');
      expect(lines[1]).toMatch(
        /^"2025","2025-01-01","2025-12-31","1a",".*","3600.00","0.25","900.00"$/,
      );
      expect(lines[4]).toBe(
        '"2025","2025-01-01","2025-12-31","2","Add lines 1a, 1b and 1c","","","900.00"',
      );
      expect(pageErrors).toEqual([]);
    });

    step('a July–June tax year, chosen in Data Settings › Employer', async () => {
      await page.goto(`${server.url}/account/data-settings`);
      await page.getByRole('link', { name: 'EMPLOYER PROFILE' }).click();
      await eventually(() => heading(page).textContent()).toBe('Employer profile');
      const month = page.getByLabel('Tax year starts in');
      await eventually(() => month.inputValue()).toBe('1');
      await month.selectOption({ label: 'July' });
      await page.getByRole('button', { name: 'Save the employer profile' }).click();
      await eventually(() => page.getByRole('status').textContent()).toContain(
        'The employer profile was saved.',
      );
      await page.reload();
      await eventually(() => page.getByLabel('Tax year starts in').inputValue()).toBe('7');
    });

    step('Credits shows the fiscal year and its chart, readable at 375 px', async () => {
      await page.setViewportSize({ width: 375, height: 812 });
      await page.goto(`${server.url}/credits?taxYear=2025`);
      await eventually(() => page.getByRole('heading', { level: 2 }).textContent()).toBe(
        'Tax year 2025: Jul 1, 2025 – Jun 30, 2026',
      );
      // October to December at 25 % (240 hours): $300 a month, the year's $900.
      expect(await page.locator('[data-line="credit"]').textContent()).toContain('$900.00');
      const months = page.getByTestId('chart-months-table');
      const row = (month: string) => months.getByRole('row', { name: month });
      expect(await row('Jul 2025').textContent()).toContain('$0.00');
      for (const month of ['Oct 2025', 'Nov 2025', 'Dec 2025']) {
        expect(await row(month).textContent()).toContain('$300.00');
      }
      expect(await row('Jun 2026').textContent()).toContain('$0.00');
      const chart = page.getByRole('img', { name: /^Credit by month, tax year 2025/ });
      expect(await chart.getAttribute('aria-label')).toBe(
        'Credit by month, tax year 2025: Oct 2025 $300.00, Nov 2025 $300.00, Dec 2025 $300.00; $900.00 in all.',
      );
      // Drawn: Chart.js sized the canvas to its box (within the phone's width) and painted bars.
      await eventually(() => chart.evaluate((c: HTMLCanvasElement) => c.width)).toBeGreaterThan(0);
      const box = (await chart.boundingBox())!;
      expect(box.width).toBeGreaterThan(200);
      expect(box.width).toBeLessThanOrEqual(375);
      expect(box.height).toBeGreaterThan(100);
      await eventually(() =>
        chart.evaluate((c: HTMLCanvasElement) => {
          const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
          return data.some((value, i) => i % 4 === 3 && value > 0);
        }),
      ).toBe(true);
      expect(await page.getByTestId('chart-groups-table').textContent()).toMatch(/A: .*1\$900\.00/);
      // Nothing wider than the phone: no sideways scrolling.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        375,
      );
      await expectNoSeriousA11yViolations(page, 'credits with charts, fiscal year');
      await saveScreenshot(page, 'e2e/credits-2-fiscal-year-375');
      expect(pageErrors).toEqual([]);
      await context.close();
    });
  });
});
