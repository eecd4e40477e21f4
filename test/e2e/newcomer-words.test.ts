import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { RULES_VERSION } from '@eligo/shared/wotc';
import { inviteApplicant } from '@eligo/server/modules/survey/index';
import { createTestApp, type TestApp } from '../support/app.ts';
import { answerSurvey } from '../support/applicants.ts';
import { expectNoSeriousA11yViolations } from '../support/axe.ts';
import { eventually, heading, signInAs } from '../support/browser.ts';
import { startBuiltApp, type BuiltApp } from '../support/built-app.ts';
import { thisMonth, usMonth } from '../support/dates.ts';
import {
  createOrganization,
  registerTestApplicant,
  type TestOrganization,
} from '../support/factories.ts';
import { LEVER_ACCOUNT_ID, SUPER_ADMIN } from '../support/lever.ts';
import { connectLever, openAtsIntegrations } from '../support/lever-browser.ts';
import {
  after,
  expectFitsScreen,
  expectNoSchemaWording,
  expectSentenceCaseButtons,
} from '../support/plain-words.ts';
import { scenario } from '../support/scenario.ts';
import { allNoAnswers } from '../support/survey.ts';

/**
 * Issue 24 items 3, 7 and 8 in a real browser: the applicant page, its timeline, the CSV and the
 * Lever tile in words rather than codes; the admin screens on a 375 px phone without sideways
 * scrolling; the small things (the Webhooks link, the sort select, domain search, button case).
 */
let e2e: BuiltApp;
let seeder: TestApp;
let org: TestOrganization;
let applicantId: string;
const ACCOUNT_ID = LEVER_ACCOUNT_ID;

beforeAll(async () => {
  e2e = await startBuiltApp(import.meta.filename);
  seeder = await createTestApp(import.meta.filename, {
    databaseName: new URL(e2e.server.mongoUri).pathname.slice(1),
    env: {
      ENCRYPTION_KEY: e2e.server.encryptionKey,
      SMTP_URL: e2e.smtp.url,
      PUBLIC_URL: e2e.server.url,
    },
  });
  org = await createOrganization(seeder.app, { name: 'Acme Inc.' });
  const { applicant } = await registerTestApplicant(seeder.app, org.organizationId, {
    name: 'José García',
    email: 'jose.garcia@example.com',
    postingTitle: 'Line Cook',
  });
  applicantId = applicant._id.toHexString();
  await inviteApplicant(seeder.app, applicant);
  // Dayton, Montgomery County, Ohio; SSI this month (whatever day the test runs); no long TANF.
  await answerSurvey(
    seeder.app,
    org.organizationId,
    applicantId,
    allNoAnswers({
      first_name: 'José',
      last_name: 'García',
      city: 'Dayton',
      state: 'OH',
      zip: '45402',
      county: '39113',
      q_ssi: 'yes',
      q_ssi_last_month: thisMonth(),
      q_tanf_long: [],
    }),
  );
  await registerTestApplicant(seeder.app, org.organizationId, {
    name: "Liam O'Brien",
    email: null,
    postingTitle: 'Driver',
  });
});

/**
 * Lever connected for real (the emulator), once, by whichever step needs the tile first: a
 * placeholder integration would be found revoked by the server's first call to Lever, and what
 * the tile shows would depend on when that happens. (In a step: the browser helpers poll.)
 */
let leverConnected: Promise<void> | undefined;
function withLever(): Promise<void> {
  leverConnected ??= (async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    await signIn(page);
    await openAtsIntegrations(page);
    await connectLever(page, SUPER_ADMIN);
    await context.close();
  })();
  return leverConnected;
}
afterAll(async () => {
  // Not seeder.close(): that would drop the server's database under it; stop() drops it after.
  await seeder?.app.close();
  await seeder?.db.close();
  await e2e?.stop();
});

const signIn = (page: Page) => signInAs(page, e2e.server.url, org.admin);

scenario('what a person reads: words, not codes', (step) => {
  let context: BrowserContext;
  let page: Page;

  step(
    'the applicant page: the county, the months, the groups and the timeline in words',
    async () => {
      context = await e2e.browser.newContext({
        viewport: { width: 1280, height: 900 },
        acceptDownloads: true,
      });
      page = await context.newPage();
      await signIn(page);
      await page.goto(`${e2e.server.url}/applicants/${applicantId}`);
      await eventually(() => heading(page).textContent()).toBe('José García');
      const answer = async (id: string) =>
        (await page.locator(`[data-answer="${id}"]`).textContent())?.trim();
      // The address and the months are protected answers (issue 26): an admin views them, audited.
      await page.getByRole('button', { name: 'View these answers' }).click();
      const view = page.getByRole('dialog', { name: 'View protected answers' });
      await view.getByLabel('Reason').fill('Checking the county for the filing');
      await view.getByRole('button', { name: 'View', exact: true }).click();
      // The county's name comes with its state's county list.
      await eventually(() => answer('county')).toBe('Montgomery County, OH');
      expect(await answer('state')).toBe('Ohio');
      expect(await answer('q_ssi_last_month')).toBe(usMonth(thisMonth()));
      expect(await answer('q_tanf_long')).toBe('None of these');

      const group = page.locator('[data-target-group="H"]');
      expect(await group.textContent()).toContain('SSI recipient:');
      expect(await page.locator('[data-personal-reasons]').textContent()).toContain(
        `received SSI for ${usMonth(thisMonth())}`,
      );
      await eventually(() => page.locator('[data-event-type="evaluated"]').textContent()).toContain(
        'Evaluated: Pre Qualified — SSI recipient',
      );
      const text = await page.locator('main').innerText();
      expect(text).not.toContain(RULES_VERSION);
      // No internal state, no county FIPS code (the ZIP 45402 is shown, as typed), no ISO month.
      expect(text).not.toMatch(/\(groups |pre qualified|\b39113\b|\b\d{4}-\d{2}\b/);
      await expectNoSchemaWording(page, 'applicant page');
      await expectSentenceCaseButtons(page, 'applicant page');
      await expectNoSeriousA11yViolations(page, 'applicant page');
      await after(page, 'applicant-page');
    },
  );

  step('the CSV and the audit log: target groups by name, the search in words', async () => {
    await page.goto(`${e2e.server.url}/applicants?q=jose`);
    await eventually(() => page.locator('tbody tr').count()).toBe(1);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv).toContain('"SSI recipient"');
    expect(csv).not.toContain('"H"');
    await page.goto(`${e2e.server.url}/account/audit-log`);
    await eventually(() =>
      page.locator('[data-audit-action="applicants_exported"]').textContent(),
    ).toContain('1 row (search: “jose”)');
    await after(page, 'audit-log');
  });

  step(
    'the Lever tile: "your Lever account", its id on demand; the link says where it goes',
    async () => {
      await withLever();
      await page.goto(`${e2e.server.url}/account/data-settings/ats-integrations`);
      const tile = page.locator('[data-provider="lever"]');
      await eventually(() => tile.count()).toBe(1);
      expect(await tile.innerText()).toContain('Your Lever account');
      expect(await tile.innerText()).not.toContain(ACCOUNT_ID);
      await tile.getByText('Account id', { exact: true }).click();
      expect(await tile.getByLabel('Lever account id').inputValue()).toBe(ACCOUNT_ID);
      const link = tile.getByRole('link', {
        name: 'open Lever’s Webhooks settings (opens in a new tab)',
      });
      expect(await link.getAttribute('target')).toBe('_blank');
      await expectSentenceCaseButtons(page, 'ATS integrations');
      await expectNoSeriousA11yViolations(page, 'ATS integrations');
      await after(page, 'lever-tile');
    },
  );

  step(
    'the dashboard: the sort select shows its whole words; a domain search says why',
    async () => {
      await page.goto(`${e2e.server.url}/applicants`);
      await eventually(() => page.locator('tbody tr').count()).toBe(2);
      expect(await selectFits(page, 'Sort')).toBe(true);
      await expectSentenceCaseButtons(page, 'dashboard');
      await page.getByLabel('Search by name or email').fill('@example.com');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await eventually(() => page.getByRole('status').allTextContents()).toContain(
        'No applicants match: email addresses are found from their start, not by domain.',
      );
      expect(await page.locator('#applicant-search-hint').textContent()).toContain(
        'Not a domain such as @example.com',
      );
      await after(page, 'dashboard-search-domain');
      // Searching from the start of the address works.
      await page.getByLabel('Search by name or email').fill('jose.garcia@');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await eventually(() => page.locator('tbody tr').count()).toBe(1);
      await context.close();
    },
  );
});

/** Whether a select is wide enough for its chosen option's words (it would cut them otherwise). */
function selectFits(page: Page, label: string): Promise<boolean> {
  return page.getByLabel(label, { exact: true }).evaluate((element) => {
    const select = element as HTMLSelectElement;
    const probe = document.createElement('span');
    probe.style.font = getComputedStyle(select).font;
    probe.style.whiteSpace = 'nowrap';
    probe.textContent = select.selectedOptions[0]?.text ?? '';
    document.body.append(probe);
    const needed = probe.getBoundingClientRect().width;
    probe.remove();
    // Its padding and the arrow take about 2.5rem.
    return select.clientWidth >= needed + 40;
  });
}

scenario('the admin screens on a 375 px phone', (step) => {
  let page: Page;
  const pages: Array<[name: string, path: () => string, ready: (p: Page) => Promise<unknown>]> = [
    [
      'phone-dashboard',
      () => '/applicants',
      (p) => eventually(() => p.locator('tbody tr').count()).toBe(2),
    ],
    [
      'phone-applicant',
      () => `/applicants/${applicantId}`,
      (p) => eventually(() => heading(p).textContent()).toBe('José García'),
    ],
    [
      'phone-ats',
      () => '/account/data-settings/ats-integrations',
      (p) => eventually(() => p.getByTestId('lever-status').count()).toBe(1),
    ],
    [
      'phone-users',
      () => '/account/users',
      (p) => eventually(() => p.locator('[data-user-email]').count()).toBe(1),
    ],
    [
      'phone-audit',
      () => '/account/audit-log',
      (p) => eventually(() => p.getByRole('heading', { name: 'Audit log' }).count()).toBe(1),
    ],
    [
      'phone-data-settings',
      () => '/account/data-settings',
      (p) => eventually(() => p.getByLabel('Tag prefix').count()).toBe(1),
    ],
  ];

  step('sign in on the phone', async () => {
    const phone = await e2e.browser.newContext({
      viewport: { width: 375, height: 812 },
      isMobile: true,
      hasTouch: true,
    });
    page = await phone.newPage();
    await signIn(page);
  });

  for (const [name, path, ready] of pages) {
    step(`${name}: nothing wider than the screen`, async () => {
      if (name === 'phone-ats') await withLever();
      await page.goto(`${e2e.server.url}${path()}`);
      await ready(page);
      await expectFitsScreen(page, name);
      await expectNoSeriousA11yViolations(page, name);
      await after(page, name);
    });
  }

  step('the Sort select is not cut on the phone either', async () => {
    await page.goto(`${e2e.server.url}/applicants`);
    await eventually(() => page.locator('tbody tr').count()).toBe(2);
    expect(await selectFits(page, 'Sort')).toBe(true);
  });
});
