import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { expectNoSeriousA11yViolations } from '../support/axe.ts';
import { eventually, heading } from '../support/browser.ts';
import { startBuiltApp, type BuiltApp } from '../support/built-app.ts';
import { registerTestApplicant } from '../support/factories.ts';
import { createLeverIntegration } from '../support/lever.ts';
import { after, expectNoSchemaWording } from '../support/plain-words.ts';
import { scenario } from '../support/scenario.ts';
import { seedSurveyApplicant } from '../support/survey-seed.ts';

/**
 * Issue 24 items 4, 5 and 8 in a real browser: every form walked with bad input answers in
 * sentences (never "must match pattern …"), "Forgot password?" through the dev mailbox to a new
 * password (every other session ended), the focus on a wrong password's error, no filters before
 * the empty dashboard, the invitation notice's link to the dev mailbox. No SMTP server here: mail
 * stays in the outbox, read at /dev/mailbox as on a laptop.
 */
let e2e: BuiltApp;
let seeder: TestApp;

beforeAll(async () => {
  e2e = await startBuiltApp(import.meta.filename, { SMTP_URL: '', DEV_MAILBOX: 'true' });
  seeder = await createTestApp(import.meta.filename, {
    databaseName: new URL(e2e.server.mongoUri).pathname.slice(1),
    env: { ENCRYPTION_KEY: e2e.server.encryptionKey, PUBLIC_URL: e2e.server.url },
  });
});
afterAll(async () => {
  await seeder?.app.close();
  await seeder?.db.close();
  await e2e?.stop();
});

const ADMIN = { email: 'ada@acme.test', password: 'ada has a long passphrase' };
const fieldError = (page: Page, label: string) =>
  page.locator('.field', { has: page.getByLabel(label, { exact: true }) }).locator('.field-error');

scenario('every form, with bad input, speaks in sentences', (step) => {
  let context: BrowserContext;
  let page: Page;
  let organizationId: string;

  step('sign-up: an email and a password refused in words, then "Acme Inc." signs up', async () => {
    context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await page.goto(`${e2e.server.url}/signup`);
    await page.getByLabel('Organization name').fill('Acme Inc.');
    await page.getByLabel('Your name').fill('Ada Admin');
    await page.getByLabel('Work email').fill('not-an-email');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await eventually(() => fieldError(page, 'Work email').textContent()).toBe(
      'Enter an email address like name@example.com.',
    );
    expect(await fieldError(page, 'Password').textContent()).toBe('Use at least 8 characters.');
    expect(await page.getByRole('alert').first().textContent()).toBe(
      'Please correct the fields marked below.',
    );
    await expectNoSchemaWording(page, 'sign-up');
    await expectNoSeriousA11yViolations(page, 'sign-up with errors');
    await after(page, 'signup-bad-input');

    await page.getByLabel('Work email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Create organization' }).click();
    await eventually(() => heading(page).textContent()).toBe('Home');
    const org = await e2e.db.collection('organizations').findOne({ name: 'Acme Inc.' });
    organizationId = org!._id.toHexString();
  });

  step('an empty dashboard: its empty state, and no filters flashing by first', async () => {
    await page.addInitScript(() => {
      const seen = { filters: false };
      (window as unknown as { seen: typeof seen }).seen = seen;
      new MutationObserver(() => {
        if (document.getElementById('applicant-search')) seen.filters = true;
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${e2e.server.url}/applicants`);
    await eventually(() => page.getByRole('heading', { name: 'No applicants yet' }).count()).toBe(
      1,
    );
    expect(
      await page.evaluate(() => (window as unknown as { seen: { filters: boolean } }).seen),
    ).toEqual({ filters: false });
    await after(page, 'dashboard-empty');
    // The profile says the organization's name without a second period.
    await page.goto(`${e2e.server.url}/account/profile`);
    await eventually(() => page.getByText('at Acme Inc.').count()).toBe(1);
    expect(await page.locator('main').innerText()).not.toContain('Inc..');
  });

  step('invitations: a bad email in words; the notice links to the dev mailbox', async () => {
    await page.goto(`${e2e.server.url}/account/users`);
    const invite = page.locator('form', {
      has: page.getByRole('heading', { name: 'Invite a user' }),
    });
    await invite.getByLabel('Name', { exact: true }).fill('Bob Member');
    await invite.getByLabel('Email', { exact: true }).fill('bob');
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    await eventually(() => fieldError(page, 'Email').textContent()).toBe(
      'Enter an email address like name@example.com.',
    );
    await expectNoSchemaWording(page, 'invitation');
    await after(page, 'invite-bad-email');
    await invite.getByLabel('Email', { exact: true }).fill('bob@acme.test');
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    const notice = invite.getByRole('status');
    await eventually(() => notice.textContent()).toContain('Copy its link from the dev mailbox.');
    expect(await notice.textContent()).not.toContain('/dev/mailbox');
    await expectNoSeriousA11yViolations(page, 'invitation notice');
    await after(page, 'invite-notice');
    await notice.getByRole('link', { name: 'Open the dev mailbox' }).click();
    await eventually(() => heading(page).textContent()).toBe('Dev mailbox');
    await eventually(() => page.getByText('To bob@acme.test').count()).toBe(1);
  });

  step('settings: a tag prefix with a colon is refused in words', async () => {
    await page.goto(`${e2e.server.url}/account/data-settings`);
    await page.getByLabel('Tag prefix').fill('bad:prefix');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await eventually(() => fieldError(page, 'Tag prefix').textContent()).toBe(
      "Use letters, digits, spaces and _ . & ' - only, starting and ending with a letter or digit.",
    );
    await expectNoSchemaWording(page, 'settings');
    await after(page, 'settings-bad-prefix');
  });

  step('the applicant without an email: a bad address in words', async () => {
    const { applicant } = await registerTestApplicant(seeder.app, organizationId, {
      name: "Liam O'Brien",
      email: null,
    });
    await page.goto(`${e2e.server.url}/applicants/${applicant._id.toHexString()}`);
    await page.getByLabel("Applicant's email").fill('liam');
    await page.getByRole('button', { name: 'Save email and send survey' }).click();
    await eventually(() => fieldError(page, "Applicant's email").textContent()).toBe(
      'Enter an email address like name@example.com.',
    );
    await expectNoSchemaWording(page, 'missing email');
    await after(page, 'missing-email-bad');
  });

  step('a manual webhook token too short is refused in words', async () => {
    await createLeverIntegration(
      seeder.app,
      organizationId,
      '6f1c3a52-9d0e-4b7a-8c21-3e5f7a9b1d40',
    );
    await page.goto(`${e2e.server.url}/account/data-settings/ats-integrations`);
    await page.getByRole('button', { name: 'Manage ATS credentials' }).click();
    const dialog = page.getByRole('dialog', { name: 'Manage ATS credentials' });
    await dialog.getByRole('textbox', { name: 'Signature token' }).fill('short');
    await dialog.getByRole('button', { name: 'Save manual webhook' }).click();
    await eventually(() => dialog.locator('.field-error').textContent()).toBe(
      'Use at least 16 characters.',
    );
    await expectNoSchemaWording(page, 'manual webhook token');
    await after(page, 'manual-token-bad');
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  step('the survey: blank and malformed answers in words, in English and Spanish', async () => {
    const seeded = await seedSurveyApplicant(e2e.db, e2e.server.url, 'Acme Inc.');
    for (const [locale, go] of [
      ['en-US', 'Save and continue'],
      ['es-US', 'Guardar y continuar'],
    ] as const) {
      const phone = await e2e.browser.newContext({ viewport: { width: 375, height: 812 }, locale });
      const survey = await phone.newPage();
      await survey.goto(seeded.url);
      await eventually(() => survey.locator('input[name="zip"]').count()).toBe(1);
      await survey.locator('input[name="zip"]').fill('12');
      await survey.getByRole('button', { name: go }).click();
      await eventually(() => survey.getByTestId('error-summary').isVisible()).toBe(true);
      await expectNoSchemaWording(survey, `survey (${locale})`);
      await phone.close();
    }
  });

  step(
    'sign-in: a malformed email in words; a wrong password moves the focus to the error',
    async () => {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await eventually(() => heading(page).textContent()).toBe('Sign in to Eligo');
      await page.getByLabel('Email').fill('x');
      await page.getByLabel('Password').fill('whatever');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await eventually(() => fieldError(page, 'Email').textContent()).toBe(
        'Enter an email address like name@example.com.',
      );
      await after(page, 'login-bad-email');
      await page.getByLabel('Email').fill(ADMIN.email);
      await page.getByLabel('Password').fill('not my password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await eventually(() =>
        page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''),
      ).toBe('The email or password is not correct');
      await expectNoSchemaWording(page, 'sign-in');
      await expectNoSeriousA11yViolations(page, 'sign-in with an error');
      await after(page, 'login-wrong-password');
    },
  );
});

scenario('"Forgot password?": a link by email, a new password, every session ended', (step) => {
  let page: Page;
  let elsewhere: Page;

  step('signed in elsewhere; here, "Forgot password?" answers the same for any email', async () => {
    const other = await e2e.browser.newContext();
    elsewhere = await other.newPage();
    await elsewhere.goto(`${e2e.server.url}/login`);
    await elsewhere.getByLabel('Email').fill(ADMIN.email);
    await elsewhere.getByLabel('Password').fill(ADMIN.password);
    await elsewhere.getByRole('button', { name: 'Sign in' }).click();
    await eventually(() => heading(elsewhere).textContent()).toBe('Home');

    page = await (await e2e.browser.newContext()).newPage();
    await page.goto(`${e2e.server.url}/login`);
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await eventually(() => heading(page).textContent()).toBe('Reset your password');
    await page.getByLabel('Email').fill('nobody@acme.test');
    await page.getByRole('button', { name: 'Send the link' }).click();
    const answer = page.getByTestId('reset-requested');
    await eventually(() => answer.textContent()).toContain(
      'If nobody@acme.test has an Eligo account',
    );
    const unknownAnswer = (await answer.textContent())!.replace('nobody@acme.test', '…');
    await page.reload();
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await eventually(() => answer.textContent()).toContain(ADMIN.email);
    expect((await answer.textContent())!.replace(ADMIN.email, '…')).toBe(unknownAnswer);
    await expectNoSeriousA11yViolations(page, 'reset requested');
    await after(page, 'forgot-password-sent');
  });

  step('the link from the dev mailbox; a short password in words; then the new one', async () => {
    await page.goto(`${e2e.server.url}/dev/mailbox`);
    const mail = page.locator('article', { hasText: 'Reset your Eligo password' });
    await eventually(() => mail.count()).toBe(1);
    expect(await page.getByText('To nobody@acme.test').count()).toBe(0);
    await mail.getByRole('link', { name: /\/reset-password\// }).click();
    await eventually(() => heading(page).textContent()).toBe('Choose a new password');
    await page.getByLabel('New password').fill('short');
    await page.getByLabel('Repeat the password').fill('short');
    await page.getByRole('button', { name: 'Change password' }).click();
    await eventually(() => fieldError(page, 'New password').textContent()).toBe(
      'Use at least 8 characters.',
    );
    await expectNoSchemaWording(page, 'reset password');
    await after(page, 'reset-password-short');
    await page.getByLabel('New password').fill('a brand new passphrase');
    await page.getByLabel('Repeat the password').fill('a brand new passphrase');
    await page.getByRole('button', { name: 'Change password' }).click();
    await eventually(() => page.getByTestId('password-reset-done').textContent()).toContain(
      'every session of your account was signed out',
    );
    await after(page, 'reset-password-done');
  });

  step('the other session is over; the new password signs in; the link works no more', async () => {
    // Its next private page asks to sign in again (the home it is on is public).
    await elsewhere.goto(`${e2e.server.url}/applicants`);
    await eventually(() => heading(elsewhere).textContent()).toBe('Sign in to Eligo');
    const link = page.url();
    await page.getByRole('link', { name: 'Sign in with the new password' }).click();
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill('a brand new passphrase');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await eventually(() => heading(page).textContent()).toBe('Home');
    await page.goto(link);
    await page.getByLabel('New password').fill('one more passphrase');
    await page.getByLabel('Repeat the password').fill('one more passphrase');
    await page.getByRole('button', { name: 'Change password' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toContain(
      'This password reset link has expired or was already used.',
    );
    await after(page, 'reset-password-used-link');
  });
});
