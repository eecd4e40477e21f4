import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { expectNoSeriousA11yViolations } from '../support/axe.ts';
import { eventually, heading } from '../support/browser.ts';
import { startBuiltApp, type BuiltApp } from '../support/built-app.ts';
import {
  createOrganization,
  registerTestApplicant,
  type TestOrganization,
} from '../support/factories.ts';
import { createLeverIntegration } from '../support/lever.ts';
import { after, expectFitsScreen } from '../support/plain-words.ts';
import { scenario } from '../support/scenario.ts';

/**
 * Issue 24 items 1-2 in a real browser: sign-in opens the home; with nothing to do it says so;
 * then an applicant without an email and a disconnected Lever appear on the to-do list as links,
 * and a banner with the fix shows on every admin page.
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
      await page.goto(`${e2e.server.url}/login`);
      await page.getByLabel('Email').fill(org.admin.email);
      await page.getByLabel('Password').fill(org.admin.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await eventually(() => heading(page).textContent()).toBe('Home');
      await eventually(() => page.getByTestId('todo-empty').count()).toBe(1);
      expect(await page.getByTestId('todo-empty').textContent()).toContain(
        'Nothing to do right now',
      );
      await eventually(() => page.getByText('Lever is not connected yet').count()).toBe(1);
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

  step('the home fits a 375 px phone', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(e2e.server.url);
    await eventually(() => page.locator('[data-todo]').count()).toBe(2);
    await expectFitsScreen(page, 'home on a phone');
    await after(page, 'phone-home');
  });
});
