import { Types } from 'mongoose';
import type { Page } from 'playwright-core';
import { newMessageId, sealedMailPlace } from '@eligo/server/lib/mail/outbox';
import { afterAll, beforeAll, expect } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { expectNoSeriousA11yViolations } from '../support/axe.ts';
import { eventually, heading, signInAs } from '../support/browser.ts';
import { startBuiltApp, type BuiltApp } from '../support/built-app.ts';
import {
  createOrganization,
  registerTestApplicant,
  type TestOrganization,
} from '../support/factories.ts';
import { docsImage } from '../support/docs-images.ts';
import { createLeverIntegration } from '../support/lever.ts';
import { after, expectFitsScreen } from '../support/plain-words.ts';
import { scenario } from '../support/scenario.ts';
import { markScreened } from '../support/screened.ts';

/**
 * Issue 24 items 1-2 in a real browser: sign-in opens the home; with nothing to do it says so;
 * then an applicant without an email and a disconnected Lever appear on the to-do list as links,
 * and a banner with the fix shows on every admin page. The credit card shows the potential credit
 * of the screened applicants; an email that gave up is listed and sent again with "Retry now".
 */
let e2e: BuiltApp;
let seeder: TestApp;
let org: TestOrganization;

beforeAll(async () => {
  e2e = await startBuiltApp(import.meta.filename);
  seeder = await createTestApp(import.meta.filename, {
    databaseName: new URL(e2e.server.mongoUri).pathname.slice(1),
    env: { ENCRYPTION_KEY: e2e.server.encryptionKey, SMTP_URL: e2e.smtp.url },
  });
  org = await createOrganization(seeder.app, { name: 'Home Test Co' });
});
afterAll(async () => {
  // Not seeder.close(): that would drop the server's database under it; stop() drops it after.
  await seeder?.app.close();
  await seeder?.db.close();
  await e2e?.stop();
});

const banner = (page: Page) => page.getByRole('region', { name: 'Lever problem' });

scenario('the admin home: what needs doing', (step) => {
  let page: Page;

  step(
    'sign-in opens the home; nothing to do, and it says so; Lever is to be connected',
    async () => {
      page = await (await e2e.browser.newContext()).newPage();
      await signInAs(page, e2e.server.url, org.admin);
      await eventually(() => page.getByTestId('todo-empty').count()).toBe(1);
      expect(await page.getByTestId('todo-empty').textContent()).toContain(
        'Nothing to do right now',
      );
      await eventually(() => page.getByText('Lever is not connected yet').count()).toBe(1);
      await eventually(() => page.getByTestId('credit-empty').count()).toBe(1);
      expect(await page.getByTestId('dead-work').count()).toBe(0);
      expect(await banner(page).count()).toBe(0);
      await expectNoSeriousA11yViolations(page, 'home (empty)');
      await after(page, 'home-empty');
    },
  );

  step('an applicant without an email and a disconnected Lever: listed, with links', async () => {
    await registerTestApplicant(seeder.app, org.organizationId, {
      name: 'Nina Noemail',
      email: null,
    });
    const { id } = await createLeverIntegration(
      seeder.app,
      org.organizationId,
      '6f1c3a52-9d0e-4b7a-8c21-3e5f7a9b1d40',
    );
    // As a refused token refresh leaves it (what Lever does when access is revoked).
    const { leverIntegrationModel } = await import('@eligo/server/modules/lever/integration.model');
    await leverIntegrationModel(seeder.app.mongo).updateOne(
      { _id: id, organizationId: org.organizationId },
      { $set: { status: 'disconnected', disconnectedAt: new Date() } },
    );
    // The logo opens the home.
    await page.goto(`${e2e.server.url}/account/profile`);
    await page.getByRole('link', { name: 'Eligo home' }).click();
    await eventually(() => page.locator('[data-todo]').count()).toBe(2);
    expect(await page.locator('[data-todo="lever-disconnected"]').textContent()).toContain(
      'Lever is disconnected: new applications are held until you reconnect.',
    );
    expect(await page.locator('[data-todo="missing-email"]').textContent()).toContain(
      '1 applicant has no email address',
    );
    expect(await page.getByTestId('lever-setup').locator('summary').textContent()).toContain(
      'Lever setup: 0 of 3 steps done',
    );
    await expectNoSeriousA11yViolations(page, 'home with things to do');
    await after(page, 'home-todo');
  });

  step('the banner shows on admin pages with the fix; a to-do line opens its list', async () => {
    await eventually(() => banner(page).count()).toBe(1);
    expect(
      await banner(page).getByRole('link', { name: 'Reconnect Lever' }).getAttribute('href'),
    ).toBe('/api/integrations/lever/connect');
    await page.locator('[data-todo="missing-email"] a').click();
    await eventually(() => heading(page).textContent()).toBe('WOTC Applicants');
    await eventually(() => page.locator('tbody tr').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('surveyStatus')).toBe('missing_email');
    expect(await page.locator('tbody').textContent()).toContain('Nina Noemail');
    expect(await banner(page).count()).toBe(1);
    await expectNoSeriousA11yViolations(page, 'dashboard with the Lever banner');
    await after(page, 'dashboard-lever-banner');
    // The Data Settings card says whether Lever is connected.
    await page.goto(`${e2e.server.url}/account/data-settings`);
    await eventually(() => page.getByTestId('ats-state').textContent()).toContain(
      'Lever is disconnected',
    );
    expect(await banner(page).count()).toBe(1);
    await expectNoSeriousA11yViolations(page, 'Data Settings with the Lever banner');
    await after(page, 'data-settings-lever-state');
  });

  step('the credit card: the potential credit of the screened applicants, by posting', async () => {
    // Submitted just now: "this year" on the server is the year of the read a moment later.
    for (const maxPotentialCredit of [2400, 9600]) {
      const { applicant } = await registerTestApplicant(seeder.app, org.organizationId, {
        postingTitle: 'Forklift Operator',
      });
      await markScreened(seeder.app, org.organizationId, applicant._id, {
        submittedAt: new Date(),
        maxPotentialCredit,
      });
    }
    await page.goto(e2e.server.url);
    const year = page.locator('[data-figure="year"]');
    await eventually(() => year.textContent()).toContain('$12,000');
    expect(await year.textContent()).toContain('2 Pre Qualified applicants');
    const row = page.getByRole('row', { name: /Forklift Operator/ });
    expect(await row.textContent()).toContain('$12,000');
    expect(await page.getByTestId('credit-empty').count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'home with the credit figures');
    await after(page, 'home-credit');
    await docsImage(page, '6-home-credit');
  });

  step('an email that gave up is listed; "Retry now" sends it', async () => {
    // A message the outbox stopped trying (the mail server refused it for too long): its job is
    // dead. Queued for later first, so no instance sends it before it is marked dead.
    const to = 'gave.up@home-test.example';
    const messageId = newMessageId('eligo@localhost');
    const orgId = new Types.ObjectId(org.organizationId);
    const sealed = await seeder.app.crypto.encryptJson(orgId, sealedMailPlace(messageId), {
      to,
      subject: 'An email that waited',
      text: 'It went out once an admin asked.',
    });
    const { id } = await seeder.app.jobs.enqueue(
      'mail.send',
      { messageId, kind: 'e2e.note', ref: {}, sealed },
      { organizationId: orgId, runAt: new Date(Date.now() + 86_400_000) },
    );
    await seeder.db.collection('jobs').updateOne({ _id: id as never }, { $set: { state: 'dead' } });
    await page.reload();
    const card = page.getByTestId('dead-work');
    await eventually(() => card.locator('[data-dead="mail"]').textContent()).toContain(
      'Emails not sent: 1',
    );
    await expectNoSeriousA11yViolations(page, 'home with dead work');
    await after(page, 'home-dead-work');
    await card.getByRole('button', { name: 'Retry now' }).click();
    await eventually(() => card.getByRole('status').textContent()).toBe(
      'Emails not sent: 1 queued again.',
    );
    const mail = await e2e.smtp.waitForMail(to);
    expect(mail.subject).toBe('An email that waited');
    expect(await card.locator('[data-dead]').count()).toBe(0);
  });

  step('the home fits a 375 px phone', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(e2e.server.url);
    await eventually(() => page.locator('[data-todo]').count()).toBe(2);
    await expectFitsScreen(page, 'home on a phone');
    await after(page, 'phone-home');
  });
});
