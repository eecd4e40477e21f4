import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { freePort } from '@eligo/dev/processes';
import { eventually, heading, launchBrowser, saveScreenshot } from '../support/browser.ts';
import { launch, type Launched } from '../support/launcher.ts';
import {
  candidateTags,
  connectLever,
  createCandidate,
  followHereLink,
  openAtsIntegrations,
  signUp,
  switchOnApplicationCreated,
} from '../support/lever-browser.ts';
import { uniqueDatabaseName, withDatabase } from '../support/mongo-uri.ts';
import { scenario } from '../support/scenario.ts';
import { completeSurvey, illinoisApplicant, openPhone } from '../support/survey-browser.ts';

/**
 * README "Walkthrough", steps 1–8, as written and with only what `pnpm start` prints: the
 * launcher (its Lever emulator, the dev mailbox instead of SMTP, local secrets), the printed
 * Lever login, and the survey link read from the dev mailbox page. (The rest of the setup guide,
 * with a real SMTP server, is seed-flow.test.ts.) The database is this run's test server.
 */
let running: Launched;
let dataDir: string;
let browser: Browser;
const mongoUri = withDatabase(inject('mongoUri'), uniqueDatabaseName('demo-walkthrough'));

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'eligo-demo-'));
  running = await launch({
    MONGODB_URI: mongoUri,
    ELIGO_DATA_DIR: dataDir,
    PORT: String(await freePort()),
    LEVER_EMULATOR_PORT: String(await freePort()),
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await running?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  const db = await mongoose.createConnection(mongoUri).asPromise();
  await db.dropDatabase();
  await db.close();
});

/** A line of the launcher's "Open:" table: the link printed after `name`. */
function printed(name: string): string {
  const link = new RegExp(`\\[eligo\\] +${name} +(http\\S+)`).exec(running.output())?.[1];
  if (!link) throw new Error(`pnpm start printed no ${name} link:\n${running.output()}`);
  return link;
}

const shot = (page: Page, name: string) => saveScreenshot(page, `demo-walkthrough/${name}`);

scenario('README walkthrough under pnpm start: sign up to the tag in Lever', (step) => {
  let appUrl: string;
  let leverUrl: string;
  let admin: BrowserContext;
  let page: Page;
  let lever: Page;
  const candidate = { name: 'Wren Walkthrough', email: 'wren@walkthrough.test' };

  step(
    '1–3. sign up; My Account › Data Settings › Manage › Add new › Lever › Go to Lever; Accept',
    async () => {
      appUrl = printed('Eligo');
      leverUrl = new URL(printed('Lever')).origin;
      const login = /log in as (\S+) \/ (\S+) \(Super Admin\)/.exec(running.output());
      expect(login, 'the printed Lever login').not.toBeNull();
      const superAdmin = { email: login![1]!, password: login![2]! };

      admin = await browser.newContext();
      page = await admin.newPage();
      await signUp(page, appUrl, {
        organization: 'Walkthrough Co',
        name: 'Wally Walker',
        email: 'wally@walkthrough.test',
        password: 'wally has a long passphrase',
      });
      await openAtsIntegrations(page);
      await connectLever(page, superAdmin);
      await eventually(() => page.getByTestId('lever-status').textContent()).toContain(
        'Waiting for the first event',
      );
    },
    120_000,
  );

  step('4. the tile\'s "here" link; Application created on', async () => {
    lever = await followHereLink(page);
    await switchOnApplicationCreated(lever);
  });

  step('5. Candidates › New candidate: a name, an email, the preselected posting', async () => {
    await lever.goto(printed('Lever'));
    const { notice } = await createCandidate(lever, leverUrl, {
      ...candidate,
      posting: 'Warehouse Associate',
    });
    expect(notice).toContain('Application created was sent to 1 webhook');
  });

  step(
    '6. the dev mailbox has the survey email; its link, opened on a phone, takes the survey',
    async () => {
      await page.goto(printed('Dev mailbox'));
      await eventually(() => heading(page).textContent()).toBe('Dev mailbox');
      const mail = page.locator('article.mail', { hasText: `To ${candidate.email}` });
      // Refresh until it is there: each time, count once the list has been read again.
      await eventually(async () => {
        await Promise.all([
          page.waitForResponse((r) => new URL(r.url()).pathname === '/api/dev/mailbox'),
          page.getByRole('button', { name: 'Refresh' }).click(),
        ]);
        await page.getByText('Loading mail…').waitFor({ state: 'hidden' });
        return mail.count();
      }).toBe(1);
      await shot(page, 'dev-mailbox');
      const link = await mail.locator('a[href*="/survey/"]').getAttribute('href');
      expect(link).toMatch(new RegExp(`^${appUrl}/survey/`));
      const phone = await openPhone(browser);
      await phone.page.goto(link!);
      await completeSurvey(phone.page, illinoisApplicant(true));
      await phone.context.close();
    },
    120_000,
  );

  step('7. WOTC Applicants: found by part of the name, Pre Qualified', async () => {
    await page.goto(`${appUrl}/applicants`);
    await page.getByLabel('Search by name or email').fill('walkth');
    await page.getByRole('button', { name: 'Search' }).click();
    const row = page.locator('tbody tr', { hasText: candidate.name });
    await eventually(() => row.textContent()).toContain('Pre Qualified');
    await shot(page, 'dashboard');
  });

  step("8. Lever's Candidates page: the tag", async () => {
    await eventually(() => candidateTags(lever, leverUrl, candidate.name)).toContain(
      'Eligo-WOTC:Pre Qualified',
    );
    await shot(lever, 'lever-tag');
    await admin.close();
  });
});
