import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inviteApplicant } from '@eligo/server/modules/survey/index';
import { recordTagSyncOutcome } from '@eligo/server/modules/lever/sync/tag-sync';
import { createTestApp, type TestApp } from '../support/app.ts';
import { answerSurvey } from '../support/applicants.ts';
import { expectNoSeriousA11yViolations } from '../support/axe.ts';
import { eventually, heading, saveScreenshot, signInAs } from '../support/browser.ts';
import { startBuiltApp, type BuiltApp, type BuiltServer } from '../support/built-app.ts';
import {
  createOrganization,
  registerTestApplicant,
  type TestOrganization,
} from '../support/factories.ts';
import { thisMonth } from '../support/dates.ts';
import { linkFrom, type TestSmtpServer } from '../support/smtp.ts';
import { scenario } from '../support/scenario.ts';
import { allNoAnswers, canary } from '../support/survey.ts';
import { outboxSent } from '../support/wait.ts';

/**
 * The WOTC Applicants dashboard and the applicant page in a real browser against the built server:
 * search by name, open an applicant, see the timeline and the Lever tag state, retry the tag, reveal
 * the SSN, fix a missing email and send the survey, resend it, override the status, export CSV.
 */
let e2e: BuiltApp;
let smtp: TestSmtpServer;
let server: BuiltServer;
let seeder: TestApp;
let browser: Browser;
let org: TestOrganization;
const ids: Record<string, string> = {};

beforeAll(async () => {
  e2e = await startBuiltApp(import.meta.filename);
  ({ smtp, server, browser } = e2e);
  // A second app instance on the server's database seeds what Lever and applicants would do.
  seeder = await createTestApp(import.meta.filename, {
    databaseName: new URL(server.mongoUri).pathname.slice(1),
    env: {
      ENCRYPTION_KEY: server.encryptionKey,
      SMTP_URL: smtp.url,
      SURVEY_SUBMIT_RATE_LIMIT_PER_MINUTE: '1000',
    },
  });
  org = await createOrganization(seeder.app, { name: 'Browser Applicants Co' });
  const add = async (name: string, email: string | null, postingTitle: string, daysAgo: number) => {
    const { applicant } = await registerTestApplicant(seeder.app, org.organizationId, {
      name,
      email,
      postingTitle,
      appliedAt: new Date(Date.now() - daysAgo * 86_400_000),
      lever: { opportunityId: `opp-${name.replace(/\W/g, '')}`, postingId: `p-${postingTitle}` },
    });
    ids[name] = applicant._id.toHexString();
    return applicant;
  };
  const jose = await add('José García', 'jose.garcia@browser.test', 'Line Cook', 3);
  await add('Anna Smith', 'anna.smith@browser.test', 'Line Cook', 2);
  await add("Liam O'Brien", null, 'Driver', 1);
  await add('Mary-Ann Jones', 'mary.ann@browser.test', 'Driver', 4);
  await inviteApplicant(seeder.app, jose);
  // The invitation goes out through the outbox (the built server's job worker sends it); the
  // applicant answers the email once it arrived.
  await outboxSent(seeder.db);
  await answerSurvey(
    seeder.app,
    org.organizationId,
    ids['José García']!,
    allNoAnswers({
      first_name: 'José',
      last_name: 'García',
      ssn: canary.ssn,
      q_ssi: 'yes',
      q_ssi_last_month: thisMonth(),
    }),
  );
  await recordTagSyncOutcome(
    seeder.app,
    { _id: jose._id, organizationId: new Types.ObjectId(org.organizationId) },
    { state: 'failed', reason: 'Lever answered 503', nextRetryAt: new Date(Date.now() + 600_000) },
  );
});
afterAll(async () => {
  // Not seeder.close(): that would drop the server's database under it; stop() drops it after.
  await seeder?.app.close();
  await seeder?.db.close();
  await e2e?.stop();
});

const mailsTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));

async function signIn(page: Page): Promise<void> {
  await signInAs(page, server.url, org.admin);
  // Sign-in opens the home (the to-do list); the dashboard is one click away.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'WOTC Applicants' })
    .click();
  await eventually(() => heading(page).textContent()).toBe('WOTC Applicants');
}

describe('the WOTC Applicants dashboard in a real browser', () => {
  scenario(
    'search, open, retry the tag, reveal the SSN, fix an email, resend, override, export',
    (step) => {
      let context: BrowserContext;
      let page: Page;
      const consoleErrors: string[] = [];
      const rows = () => page.locator('tbody tr');
      const timeline = () => page.locator('.timeline li');
      const eventTypes = () =>
        timeline().evaluateAll((items) => items.map((i) => i.getAttribute('data-event-type')));

      step('the dashboard: the counts and the table', async () => {
        context = await browser.newContext({ acceptDownloads: true });
        page = await context.newPage();
        page.on('pageerror', (error) => consoleErrors.push(error.message));
        await signIn(page);

        await eventually(() => rows().count()).toBe(4);
        expect(await page.locator('[data-survey-status="missing_email"]').textContent()).toContain(
          '1',
        );
        await expectNoSeriousA11yViolations(page, 'dashboard');
        await saveScreenshot(page, 'e2e/applicants-1-dashboard');
      });

      step('search by name, accent-insensitive; the URL holds it', async () => {
        await page.getByLabel('Search by name or email').fill('jose');
        await page.getByRole('button', { name: 'Search' }).click();
        await eventually(() => rows().count()).toBe(1);
        expect(new URL(page.url()).searchParams.get('q')).toBe('jose');
        expect(await rows().first().textContent()).toContain('José García');
        await saveScreenshot(page, 'e2e/applicants-2-search');
      });

      step(
        'the applicant page: timeline, result, tag state with its retry, masked SSN',
        async () => {
          await page.getByRole('link', { name: 'José García' }).click();
          await eventually(() => heading(page).textContent()).toBe('José García');
          await eventually(eventTypes).toEqual([
            'received',
            'invitation_sent',
            'survey_submitted',
            'evaluated',
            'tag_sync_requested',
            'tag_sync_failed',
          ]);
          const tagCard = page.locator('article', {
            has: page.getByRole('heading', { name: 'Lever tag' }),
          });
          expect(await tagCard.textContent()).toContain('Failed');
          expect(await tagCard.textContent()).toContain('Lever answered 503');
          expect(await page.locator('[data-answer="ssn"]').textContent()).toContain('***-**-5946');
          expect(await page.content()).not.toContain(canary.ssn);
          await expectNoSeriousA11yViolations(page, 'applicant page');
          await saveScreenshot(page, 'e2e/applicants-3-applicant');

          await tagCard.getByRole('button', { name: 'Retry tag sync' }).click();
          await eventually(() => tagCard.textContent()).toContain('Pending');
          expect(await tagCard.getByRole('button', { name: 'Retry tag sync' }).count()).toBe(0);
        },
      );

      step(
        'reveal the SSN with a reason (audited); it disappears when the dialog closes',
        async () => {
          await page.getByRole('button', { name: 'Reveal SSN' }).click();
          const reveal = page.getByRole('dialog', { name: 'Reveal the SSN' });
          await reveal.getByLabel('Reason').fill('Filing Form 8850');
          await reveal.getByRole('button', { name: 'Reveal' }).click();
          await eventually(() => reveal.locator('[data-revealed-ssn]').textContent()).toBe(
            canary.ssn,
          );
          await saveScreenshot(page, 'e2e/applicants-4-ssn-revealed');
          await reveal.getByRole('button', { name: 'Close' }).click();
          expect(await page.content()).not.toContain(canary.ssn);
        },
      );

      step('override the status with a reason, after confirming', async () => {
        await page.getByLabel('New status').selectOption('not_qualified');
        await page.getByLabel('Reason (required)').fill('Hired before; not a new hire');
        await page.getByRole('button', { name: 'Override status' }).click();
        await page
          .getByRole('dialog', { name: 'Override the WOTC status?' })
          .getByRole('button', { name: 'Yes, override' })
          .click();
        await eventually(() => page.getByRole('status').allTextContents()).toContain(
          'The WOTC status was changed.',
        );
        const result = page.locator('article', {
          has: page.getByRole('heading', { name: 'Eligibility' }),
        });
        expect(await result.textContent()).toContain('Not Qualified');
        expect(await result.textContent()).toContain('Hired before; not a new hire');
        await eventually(() => timeline().last().textContent()).toContain(
          'Eligo-WOTC:Not Qualified',
        );
      });

      step(
        'back to the search (the back button keeps it), then the "Missing email" count',
        async () => {
          await page.goBack();
          await eventually(() => heading(page).textContent()).toBe('WOTC Applicants');
          expect(await page.getByLabel('Search by name or email').inputValue()).toBe('jose');
          await page.goto(`${server.url}/applicants`);
          await page.locator('[data-survey-status="missing_email"]').click();
          await eventually(() => rows().count()).toBe(1);
          expect(new URL(page.url()).searchParams.get('surveyStatus')).toBe('missing_email');
          await page.getByRole('link', { name: "Liam O'Brien" }).click();
          await eventually(() => heading(page).textContent()).toBe("Liam O'Brien");
        },
      );

      let firstLink: string;
      step('fix the missing email: the survey is emailed to it', async () => {
        await page.getByLabel("Applicant's email").fill('liam.obrien@browser.test');
        await saveScreenshot(page, 'e2e/applicants-5-set-email');
        await page.getByRole('button', { name: 'Save email and send survey' }).click();
        await eventually(() => page.getByRole('status').allTextContents()).toContain(
          'The survey was sent to liam.obrien@browser.test.',
        );
        const invitation = await smtp.waitForMail('liam.obrien@browser.test');
        firstLink = linkFrom(invitation, `${server.url}/survey/`);
        const survey = page.locator('article', {
          has: page.getByRole('heading', { name: 'Survey' }),
        });
        // "Sending" while the outbox hands it to the mail server; "Sent" once it accepted it, without
        // a reload (the page refreshes itself while an email is on its way).
        await eventually(() => survey.getByText('Sent', { exact: true }).count()).toBe(1);
      });

      step('resend after confirming: a second email with a new link', async () => {
        await page.getByRole('button', { name: 'Resend survey' }).click();
        await page
          .getByRole('dialog', { name: 'Resend the survey?' })
          .getByRole('button', { name: 'Yes, resend' })
          .click();
        await eventually(() => mailsTo('liam.obrien@browser.test').length).toBe(2);
        const secondLink = linkFrom(
          mailsTo('liam.obrien@browser.test')[1]!,
          `${server.url}/survey/`,
        );
        expect(secondLink).not.toBe(firstLink);
        await eventually(eventTypes).toEqual([
          'received',
          'missing_email',
          'email_set',
          'invitation_sent',
          'survey_resent',
        ]);
        await saveScreenshot(page, 'e2e/applicants-6-resent');
      });

      step('export the whole list as CSV and read it back', async () => {
        await page.goto(`${server.url}/applicants?sort=name_asc`);
        await eventually(() => rows().count()).toBe(4);
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: 'Export CSV' }).click(),
        ]);
        expect(download.suggestedFilename()).toMatch(/^wotc-applicants-\d{4}-\d{2}-\d{2}\.csv$/);
        const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
        const lines = csv.trimEnd().split('\r\n');
        expect(lines).toHaveLength(5);
        expect(lines[0]).toMatch(/^"Name","Email","Posting"/);
        expect(lines[2]).toMatch(/^"José García","jose.garcia@browser.test","Line Cook"/);
        expect(lines[2]).toContain('"Not Qualified"');
        expect(lines[3]).toMatch(/^"Liam O'Brien","liam.obrien@browser.test","Driver"/);
        expect(csv).not.toContain(canary.ssn);
      });

      step('the audit log lists the reveal and the export', async () => {
        await page.goto(`${server.url}/account/audit-log`);
        await eventually(() =>
          page
            .locator('tbody tr')
            .evaluateAll((r) => r.map((x) => x.getAttribute('data-audit-action'))),
        ).toEqual(['applicants_exported', 'ssn_revealed']);
        await expectNoSeriousA11yViolations(page, 'audit log');
        await saveScreenshot(page, 'e2e/applicants-7-audit-log');
      });

      step('data settings: the tag prefix and the survey email language', async () => {
        await page.goto(`${server.url}/account/data-settings`);
        await page.getByLabel('Tag prefix').fill('Acme HR');
        await page.getByLabel('Survey email language').selectOption('es');
        await page.getByRole('button', { name: 'Save settings' }).click();
        await eventually(() => page.getByRole('status').allTextContents()).toContain(
          'Settings saved.',
        );
        await expectNoSeriousA11yViolations(page, 'data settings');
        await saveScreenshot(page, 'e2e/applicants-8-data-settings');
      });

      step('no page error on the way', async () => {
        expect(consoleErrors).toEqual([]);
        await context.close();
      });
    },
  );

  test('a member sees the page read-only and never the SSN', { timeout: 60_000 }, async () => {
    const { createUser } = await import('../support/factories.ts');
    const member = await createUser(seeder.app, org.organizationId, { role: 'member' });
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, server.url, member);
    await page.goto(`${server.url}/applicants`);
    await eventually(() => page.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Export CSV' }).count()).toBe(0);
    await page.goto(`${server.url}/applicants/${ids['José García']}`);
    await eventually(() => heading(page).textContent()).toBe('José García');
    expect(await page.locator('[data-answer="ssn"]').textContent()).toContain('***-**-5946');
    for (const name of ['Reveal SSN', 'Override status', 'Resend survey', 'Retry tag sync']) {
      expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    }
    await expectNoSeriousA11yViolations(page, 'applicant page (member)');
    await saveScreenshot(page, 'e2e/applicants-9-member');
    await context.close();
  });
});
