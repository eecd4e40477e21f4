import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { expectNoSeriousA11yViolations } from '../support/axe.ts';
import { eventually, heading, saveScreenshot } from '../support/browser.ts';
import { startBuiltApp, type BuiltApp, type BuiltServer } from '../support/built-app.ts';
import { certify, payrollCsv } from '../support/credits.ts';
import { createOrganization, signedIn, type TestOrganization } from '../support/factories.ts';
import { hireBody, hiredApplicant } from '../support/hires.ts';
import { scenario } from '../support/scenario.ts';

/**
 * The Credits screen in a real browser against the built server: upload a payroll CSV (dry run,
 * then import), see the certified hire's credit and the Form 5884 totals, download them as CSV.
 * Dates are fixed (tax year 2025 by URL), so nothing depends on today.
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

async function signIn(page: Page): Promise<void> {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Email').fill(org.admin.email);
  await page.getByLabel('Password').fill(org.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Signing in opens the admin home.
  await eventually(() => heading(page).textContent()).toBe('Home');
}

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
        'Tax year 2025',
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
      expect(lines[1]).toMatch(/^"2025","1a",".*","3600.00","0.25","900.00"$/);
      expect(lines[4]).toBe('"2025","2","Add lines 1a, 1b and 1c","","","900.00"');
      expect(pageErrors).toEqual([]);
      await context.close();
    });
  });
});
