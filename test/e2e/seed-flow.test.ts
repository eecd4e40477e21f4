import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { expectNoSeriousA11yViolations } from '../support/axe.ts';
import { artifactsDir, eventually, heading, saveScreenshot } from '../support/browser.ts';
import { startBuiltApp, type BuiltApp } from '../support/built-app.ts';
import { docsImage } from '../support/docs-images.ts';
import { SUPER_ADMIN } from '../support/lever.ts';
import {
  candidateTags,
  connectLever,
  createCandidate,
  followHereLink,
  openAtsIntegrations,
  revokeAuthorizedApps,
  signUp,
  switchOnApplicationCreated,
  tileStatus,
  type NewCandidate,
} from '../support/lever-browser.ts';
import { scenario } from '../support/scenario.ts';
import { linkFrom, type TestSmtpServer } from '../support/smtp.ts';
import { completeSurvey, illinoisApplicant, openPhone } from '../support/survey-browser.ts';

/**
 * The help-center article this product comes from, top to bottom, as people would do it: in one
 * headless Chromium, against the built server, the test database, a real SMTP server and the Lever
 * emulator (reached over HTTP by the server; its pages and control API read by the test). Each
 * numbered step below is a test of its own; every one saves screenshots under artifacts/seed-flow/
 * (see SCREENSHOTS below); a broken step fails under its own name and the later ones are skipped.
 *
 *  1. An admin signs up and connects Lever: My Account → Data Settings → MANAGE → ADD NEW → Lever →
 *     GO TO LEVER → log in to Lever as the Super Admin → Accept.
 *  2. The **here** link opens Lever's Webhooks settings: Application created is switched on.
 *  3. A candidate with an email applies to a posting in Lever: the survey email arrives; on a phone
 *     the applicant fills the three steps and submits; WOTC Applicants finds them by part of their
 *     name as Pre Qualified; Lever's Candidates page shows the tag.
 *  4. A candidate without an email shows Missing email; the admin sets one, which sends the
 *     survey; the applicant completes it as Not Qualified; Lever shows that tag.
 *  5. Manage ATS Credentials → Regenerate signature token: the next candidate's email still comes.
 *  6. Delete Integration → YES, DELETE: our webhook is gone from Lever.
 *  7. A new connection, revoked under Lever's Authorized Apps: the tile shows Disconnected.
 */
const SCREENSHOTS = path.join(artifactsDir, 'seed-flow');

let e2e: BuiltApp;
let smtp: TestSmtpServer;
let browser: Browser;

beforeAll(async () => {
  // Only this run's pictures in the folder.
  await rm(SCREENSHOTS, { recursive: true, force: true });
  e2e = await startBuiltApp(import.meta.filename);
  ({ smtp, browser } = e2e);
});
afterAll(async () => {
  await e2e?.stop();
  console.log(`[seed flow] screenshots of every step: ${SCREENSHOTS}`);
});

const ADMIN = {
  organization: 'Seed Flow Logistics',
  name: 'Casey Admin',
  email: 'casey@seed-flow.test',
  password: 'casey has a long passphrase',
};
const POSTING = 'Warehouse Associate';

let shots = 0;
/** Saves the next numbered screenshot of the walk (artifacts/seed-flow/NN-name.png). */
async function shot(page: Page, name: string): Promise<void> {
  shots += 1;
  await saveScreenshot(page, `seed-flow/${String(shots).padStart(2, '0')}-${name}`);
}
/** A step hook of the shared helpers: a screenshot named after the step, behind `prefix`. */
const shotEach = (prefix: string) => (step: string, page: Page) => shot(page, `${prefix}-${step}`);

/**
 * WOTC Applicants: types part of a name into the search, then reloads until `name` is the one row
 * found (the application may still be on its way from Lever).
 */
async function findApplicant(page: Page, appUrl: string, query: string, name: string) {
  await page.goto(`${appUrl}/applicants`);
  await eventually(() => heading(page).textContent()).toBe('WOTC Applicants');
  await page.getByLabel('Search by name or email').fill(query);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForURL((url) => url.searchParams.get('q') === query);
  const rows = page.locator('tbody tr');
  const row = page.locator('tbody tr', { has: page.getByRole('link', { name }) });
  const answered = rows.or(page.getByText(/^No applicants (match this search|yet)/));
  await eventually(async () => {
    await answered.first().waitFor();
    if ((await row.count()) === 0) await page.reload();
    return row.count();
  }).toBe(1);
  // Only them: the search filtered the list.
  await eventually(() => rows.count()).toBe(1);
  return row;
}

/** The row's WOTC status and survey status cells (columns of ApplicantsTable.vue). */
const cells = async (row: ReturnType<Page['locator']>) => {
  const texts = (await row.locator('td').allTextContents()).map((t) => t.trim());
  return { survey: texts[4], wotc: texts[5], tag: texts[6] };
};

/** Waits for the survey email to `to` and returns its personal link. */
async function surveyLinkFor(to: string, appUrl: string, nth = 1): Promise<string> {
  const mails = await smtp.waitForMails(to, nth, 60_000);
  const mail = mails[nth - 1]!;
  return linkFrom(mail, `${appUrl}/survey/`);
}

/** The applicant opens their link on a phone and completes the survey. */
async function applicantAnswers(link: string, preQualified: boolean, prefix: string) {
  const phone = await openPhone(browser);
  await phone.page.goto(link);
  await completeSurvey(phone.page, illinoisApplicant(preQualified), async (step, page) => {
    if (step === 'about-you') await expectNoSeriousA11yViolations(page, `survey ${step}`);
    await shot(page, `${prefix}-${step}`);
    if (prefix === 'survey-1' && step === 'about-you') await docsImage(page, '2-survey-phone');
  });
  expect(phone.consoleErrors).toEqual([]);
  await phone.context.close();
}

scenario('the seed, top to bottom, in one browser run', (step) => {
  let appUrl: string;
  let leverUrl: string;
  let control: BuiltApp['control'];
  let admin: BrowserContext;
  let page: Page;
  let lever: Page;
  const pageErrors: string[] = [];
  const ourWebhooks = async () =>
    (
      (await control('GET', '/webhooks')).body.data as Array<{
        id: string;
        url: string;
        event: string;
      }>
    ).filter((w) => w.url.startsWith(`${appUrl}/api/webhooks/lever/`));
  // One webhook per event we listen to: applications and hires.
  const OUR_EVENTS = ['applicationCreated', 'candidateHired'];
  const ourEvents = async () => (await ourWebhooks()).map((w) => w.event).sort();

  step('1. sign up; My Account → Data Settings → MANAGE → ADD NEW → Lever → Accept', async () => {
    ({ leverUrl, control } = e2e);
    appUrl = e2e.server.url;
    admin = await browser.newContext();
    page = await admin.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await signUp(page, appUrl, ADMIN);
    await shot(page, 'signed-up');
    await openAtsIntegrations(page);
    await eventually(() => page.getByText('No ATS integration yet').count()).toBe(1);
    await shot(page, 'ats-integrations');
    await connectLever(page, SUPER_ADMIN, shotEach('connect'));
    await eventually(() => tileStatus(page)).toContain('Waiting for the first event');
    expect(await page.getByRole('status').first().textContent()).toContain('Lever is connected');
    await shot(page, 'lever-listed');
    await docsImage(page, '1-lever-tile');
    expect(await ourEvents()).toEqual(OUR_EVENTS);
  });

  step('2. the "here" link → Lever\'s Webhooks settings → Application created on', async () => {
    lever = await followHereLink(page);
    expect(lever.url()).toBe(`${leverUrl}/settings/integrations/webhooks`);
    await switchOnApplicationCreated(lever);
    expect((await control('GET', '/event-groups')).body).toMatchObject({
      data: expect.objectContaining({ applicationCreated: true }),
    });
    await shot(lever, 'application-created-on');
  });

  step(
    '3. a candidate with an email: survey email, phone, dashboard, tag in Lever',
    async () => {
      const first: NewCandidate = {
        name: 'Jordan Riverside',
        email: 'jordan.riverside@seed-flow.test',
        posting: POSTING,
      };
      const created = await createCandidate(lever, leverUrl, first, shotEach('candidate-1'));
      expect(created.notice).toContain('Application created was sent to 1 webhook');
      await shot(lever, 'candidate-1-created');
      const firstLink = await surveyLinkFor(first.email!, appUrl);
      await applicantAnswers(firstLink, true, 'survey-1');

      const firstRow = await findApplicant(page, appUrl, 'riversi', first.name);
      await eventually(async () => (await cells(firstRow)).wotc).toBe('Pre Qualified');
      expect((await cells(firstRow)).survey).toBe('Submitted');
      await expectNoSeriousA11yViolations(page, 'dashboard search');
      await shot(page, 'dashboard-found-pre-qualified');
      await eventually(() => candidateTags(lever, leverUrl, first.name)).toContain(
        'Eligo-WOTC:Pre Qualified',
      );
      await shot(lever, 'lever-tag-pre-qualified');
      await docsImage(lever, '4-lever-tag');
      await eventually(async () => {
        await page.reload();
        await firstRow.waitFor();
        return (await cells(firstRow)).tag;
      }).toBe('Synced');
      await docsImage(page, '3-dashboard');
    },
    120_000,
  );

  step(
    '4. a candidate without an email: Missing email; the admin sets one, which sends the survey',
    async () => {
      const second: NewCandidate = { name: 'Morgan Nomail', email: null, posting: POSTING };
      await createCandidate(lever, leverUrl, second);
      await shot(lever, 'candidate-2-created');
      const secondRow = await findApplicant(page, appUrl, 'nomail', second.name);
      expect((await cells(secondRow)).survey).toBe('Missing email');
      await shot(page, 'dashboard-missing-email');
      await secondRow.getByRole('link', { name: second.name }).click();
      await eventually(() => heading(page).textContent()).toBe(second.name);
      const secondEmail = 'morgan.nomail@seed-flow.test';
      await page.getByLabel("Applicant's email").fill(secondEmail);
      await shot(page, 'set-email');
      await page.getByRole('button', { name: 'Save email and send survey' }).click();
      await eventually(() => page.getByRole('status').allTextContents()).toContain(
        `The survey was sent to ${secondEmail}.`,
      );
      const secondLink = await surveyLinkFor(secondEmail, appUrl);
      await applicantAnswers(secondLink, false, 'survey-2');
      await page.reload();
      const eligibility = page.locator('article', {
        has: page.getByRole('heading', { name: 'Eligibility' }),
      });
      await eventually(() => eligibility.textContent()).toContain('Not Qualified');
      await shot(page, 'applicant-not-qualified');
      await eventually(() => candidateTags(lever, leverUrl, second.name)).toContain(
        'Eligo-WOTC:Not Qualified',
      );
      await shot(lever, 'lever-tag-not-qualified');
    },
    120_000,
  );

  step(
    '5. Manage ATS Credentials → Regenerate signature token; the next candidate still comes',
    async () => {
      await openAtsIntegrations(page);
      const applications = (list: Array<{ id: string; event: string }>) =>
        list.find((w) => w.event === 'applicationCreated');
      const webhookBefore = applications(await ourWebhooks());
      await page.getByRole('button', { name: 'Manage ATS Credentials' }).click();
      const manage = page.getByRole('dialog', { name: 'Manage ATS Credentials' });
      await manage.getByRole('button', { name: 'Regenerate signature token' }).click();
      await eventually(() => manage.getByRole('status').first().textContent()).toContain(
        'new signature token',
      );
      await shot(page, 'regenerated-token');
      await manage.getByRole('button', { name: 'Close' }).click();
      const webhooksAfter = await ourWebhooks();
      expect(webhooksAfter.map((w) => w.event).sort()).toEqual(OUR_EVENTS);
      expect(applications(webhooksAfter)!.id).not.toBe(webhookBefore!.id);
      const third: NewCandidate = {
        name: 'Riley Thirdly',
        email: 'riley.thirdly@seed-flow.test',
        posting: POSTING,
      };
      await createCandidate(lever, leverUrl, third);
      await surveyLinkFor(third.email!, appUrl);
      await findApplicant(page, appUrl, 'thirdl', third.name);
      await shot(page, 'candidate-3-arrived');
    },
    120_000,
  );

  step('6. Delete Integration → YES, DELETE: the webhook leaves Lever too', async () => {
    await openAtsIntegrations(page);
    await page.getByRole('button', { name: 'Delete Integration' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete the Lever integration?' });
    await shot(page, 'delete-confirm');
    await confirm.getByRole('button', { name: 'YES, DELETE' }).click();
    await eventually(() => page.getByText('No ATS integration yet').count()).toBe(1);
    expect(await ourWebhooks()).toEqual([]);
    await lever.goto(`${leverUrl}/settings/integrations/webhooks`);
    const group = lever.getByRole('region', { name: 'Application created' });
    expect(await group.getByText('No webhooks yet.').count()).toBe(1);
    await shot(lever, 'lever-webhook-removed');
  });

  step(
    "7. set up anew, then Revoke access under Lever's Authorized Apps: the tile says Disconnected",
    async () => {
      await connectLever(page, SUPER_ADMIN);
      await eventually(() => tileStatus(page)).toContain('Waiting for the first event');
      expect(await ourEvents()).toEqual(OUR_EVENTS);
      expect(await revokeAuthorizedApps(lever, leverUrl)).toBeGreaterThanOrEqual(1);
      await shot(lever, 'lever-access-revoked');
      // Lever does not tell apps about a revoke: Eligo notices at its next call to Lever, here the
      // next application (Lever keeps calling the webhook; the application is kept for later).
      await createCandidate(lever, leverUrl, {
        name: 'Avery Afterrevoke',
        email: 'avery.afterrevoke@seed-flow.test',
        posting: POSTING,
      });
      await eventually(async () => {
        await page.reload();
        return tileStatus(page);
      }).toContain('Disconnected');
      await expectNoSeriousA11yViolations(page, 'Lever tile, disconnected');
      await shot(page, 'lever-disconnected');
    },
    120_000,
  );

  step('no page error on the way', async () => {
    expect(pageErrors).toEqual([]);
    await admin.close();
  });
});
