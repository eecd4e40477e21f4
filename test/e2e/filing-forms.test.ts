import { execFile } from 'node:child_process';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { artifactsDir, eventually, saveScreenshot, signInAs } from '../support/browser.ts';
import { startBuiltApp, type BuiltApp, type BuiltServer } from '../support/built-app.ts';
import { createOrganization, signedIn, type TestOrganization } from '../support/factories.ts';
import { thisMonth, usDate } from '../support/dates.ts';
import {
  employerToday,
  hiredToday,
  putHire,
  saveEmployerProfile,
  screenedApplicant,
  unzip,
} from '../support/filing.ts';
import { scenario } from '../support/scenario.ts';
import { allNoAnswers, canaryAnswers } from '../support/survey.ts';

/**
 * Issue 20 in a real browser against the built server: sign two hires for the employer on Filing,
 * download their state packet, record the submission and then the certification on the applicant
 * page, and see it on the dashboard. Both PDFs' pages are rendered to PNG in artifacts/forms/ for a
 * person to compare with the official forms.
 */
let e2e: BuiltApp;
let server: BuiltServer;
let seeder: TestApp;
let org: TestOrganization;
const ids: Record<string, string> = {};
const run = promisify(execFile);

beforeAll(async () => {
  e2e = await startBuiltApp(import.meta.filename);
  ({ server } = e2e);
  seeder = await createTestApp(import.meta.filename, {
    databaseName: new URL(server.mongoUri).pathname.slice(1),
    env: { ENCRYPTION_KEY: server.encryptionKey, SURVEY_SUBMIT_RATE_LIMIT_PER_MINUTE: '1000' },
  });
  org = await createOrganization(seeder.app, { name: 'Lone Star Freight' });
  const admin = await signedIn(seeder.app, org.admin);
  await saveEmployerProfile(admin);
  ids.ada = await screenedApplicant(seeder.app, org.organizationId, { answers: canaryAnswers() });
  ids.ana = await screenedApplicant(seeder.app, org.organizationId, {
    name: 'Ana Zamora',
    // SSI last month: pre-qualified (Filing lists the hires there is something to file for).
    answers: allNoAnswers({
      first_name: 'Ana',
      last_name: 'Zamora',
      ssn: '219-09-9999',
      q_ssi: 'yes',
      q_ssi_last_month: thisMonth(),
    }),
  });
  for (const id of Object.values(ids)) await putHire(admin, id, hiredToday());
});
afterAll(async () => {
  await seeder?.app.close();
  await seeder?.db.close();
  await e2e?.stop();
});

const signIn = (page: Page) => signInAs(page, server.url, org.admin);

/** Each page of a PDF as artifacts/forms/<name>-<n>.png (poppler's pdftoppm, 110 dpi). */
async function renderPages(pdf: Buffer, name: string): Promise<string[]> {
  const dir = path.join(artifactsDir, 'forms');
  await mkdir(dir, { recursive: true });
  const source = path.join(dir, `${name}.pdf`);
  await writeFile(source, pdf);
  await run('pdftoppm', ['-png', '-r', '110', source, path.join(dir, name)]);
  await rm(source);
  return (await readdir(dir)).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
}

describe('forms, packet and filing status in a real browser', () => {
  scenario('sign, download the packet, mark submitted then certified', (step) => {
    let context: BrowserContext;
    let page: Page;
    const errors: string[] = [];
    const pick = (id: string) => page.locator(`[data-pick="${id}"]`);

    step('Filing: pick both hires and sign for the employer', async () => {
      context = await browser().newContext({ acceptDownloads: true });
      page = await context.newPage();
      page.on('pageerror', (error) => errors.push(error.message));
      await signIn(page);
      await page.goto(`${server.url}/filing`);
      await eventually(() => pick(ids.ada!).count()).toBe(1);
      await pick(ids.ada!).check();
      await pick(ids.ana!).check();
      await page.getByRole('button', { name: 'Sign and mark ready (2)' }).click();
      const dialog = page.getByRole('dialog', { name: 'Sign and mark ready' });
      await dialog.getByLabel('Your title').fill('People Operations Lead');
      await dialog.getByLabel(/I agree to sign electronically/).check();
      await saveScreenshot(page, 'e2e/filing-forms-1-sign');
      await dialog.getByRole('button', { name: 'Sign and mark ready' }).click();
      await eventually(() => page.getByTestId('filing-notice').textContent()).toContain(
        'Signed for 2 hires',
      );
    });

    step('download the packet of the two ready hires and read it', async () => {
      await eventually(() => pick(ids.ada!).isChecked()).toBe(false);
      await pick(ids.ada!).check();
      await pick(ids.ana!).check();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download packet (2)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`wotc-packet-TX-${employerToday()}.zip`);
      const files = await unzip(await readFile((await download.path())!));
      expect([...files.keys()]).toEqual([
        'manifest.csv',
        `TX/Lovelace-${ids.ada}/8850.pdf`,
        `TX/Lovelace-${ids.ada}/9061.pdf`,
        `TX/Zamora-${ids.ana}/8850.pdf`,
        `TX/Zamora-${ids.ana}/9061.pdf`,
      ]);
      const f8850 = await renderPages(files.get(`TX/Lovelace-${ids.ada}/8850.pdf`)!, '8850');
      const f9061 = await renderPages(files.get(`TX/Lovelace-${ids.ada}/9061.pdf`)!, '9061');
      expect(f8850.length).toBeGreaterThanOrEqual(3);
      expect(f9061.length).toBeGreaterThanOrEqual(2);
      await saveScreenshot(page, 'e2e/filing-forms-2-packet');
    });

    step('the applicant page: mark submitted, then certified', async () => {
      await page.goto(`${server.url}/applicants/${ids.ada}`);
      const card = page.locator('#filing');
      await card.getByRole('button', { name: 'Record what the state did' }).click();
      await card.getByLabel('On', { exact: true }).fill(usDate(employerToday()));
      await card.getByLabel('Sent by').selectOption('portal');
      await card.getByLabel('The state’s reference (optional)').fill('TX-2291');
      await card.getByRole('button', { name: 'Record' }).click();
      await eventually(() => card.textContent()).toContain('(reference TX-2291)');

      await card.getByRole('button', { name: 'Record what the state did' }).click();
      await card.getByLabel('Status').selectOption('certified');
      await card.getByLabel('On', { exact: true }).fill(usDate(employerToday()));
      await card.getByLabel('Target group certified (DOL code)').selectOption('G');
      await card.getByRole('button', { name: 'Record' }).click();
      await eventually(() => card.locator('[data-testid="filing-bucket"]').textContent()).toBe(
        'Filed',
      );
      await eventually(() => page.locator('.timeline li').allTextContents()).toEqual(
        expect.arrayContaining([
          expect.stringContaining('Submitted to the state on'),
          expect.stringContaining('Certified on'),
        ]),
      );
      await saveScreenshot(page, 'e2e/filing-forms-3-certified');
    });

    step('the dashboard shows it', async () => {
      await page.goto(`${server.url}/applicants`);
      const row = page.locator(`tr[data-applicant-id="${ids.ada}"]`);
      await eventually(() =>
        row.locator('[data-filing-state]').getAttribute('data-filing-state'),
      ).toBe('certified');
      expect(await row.textContent()).toContain('Certified');
      await saveScreenshot(page, 'e2e/filing-forms-4-dashboard');
      expect(errors).toEqual([]);
      await context.close();
    });
  });
});

const browser = () => e2e.browser;
