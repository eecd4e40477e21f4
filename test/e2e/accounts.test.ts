import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { eventually, heading, saveScreenshot } from '../support/browser.ts';
import { startBuiltApp, type BuiltApp, type BuiltServer } from '../support/built-app.ts';
import { scenario } from '../support/scenario.ts';
import { linkFrom, type TestSmtpServer } from '../support/smtp.ts';

let e2e: BuiltApp;
let smtp: TestSmtpServer;
let server: BuiltServer;
let browser: Browser;

beforeAll(async () => {
  e2e = await startBuiltApp(import.meta.filename);
  ({ smtp, server, browser } = e2e);
});
afterAll(() => e2e?.stop());

scenario(
  'accounts in a real browser: sign up, sign out, sign in, invite a member who sets a password and sees only what members see',
  (step) => {
    let admin: Page;
    let memberContext: BrowserContext;
    let member: Page;

    step('an admin signs up their organization', async () => {
      admin = await browser.newPage();
      await admin.goto(`${server.url}/signup`);
      await admin.getByLabel('Organization name').fill('Browser Test Co');
      await admin.getByLabel('Your name').fill('Alice Admin');
      await admin.getByLabel('Work email').fill('alice@browser.test');
      await admin.getByLabel('Password').fill('alice has a long passphrase');
      await saveScreenshot(admin, 'e2e/accounts-1-signup');
      await admin.getByRole('button', { name: 'Create organization' }).click();
      await eventually(() => heading(admin).textContent()).toBe('Home');
      expect(await admin.getByText('Alice Admin · Browser Test Co').isVisible()).toBe(true);
    });

    step('signs out; a wrong password is refused, the right one signs in', async () => {
      await admin.getByRole('button', { name: 'Sign out' }).click();
      await expect.poll(() => heading(admin).textContent()).toBe('Sign in to Eligo');

      await admin.getByLabel('Email').fill('alice@browser.test');
      await admin.getByLabel('Password').fill('wrong password here');
      await admin.getByRole('button', { name: 'Sign in' }).click();
      await expect
        .poll(() => admin.getByRole('alert').textContent())
        .toContain('The email or password is not correct');
      await admin.getByLabel('Password').fill('alice has a long passphrase');
      await admin.getByRole('button', { name: 'Sign in' }).click();
      await eventually(() => heading(admin).textContent()).toBe('Home');
    });

    step('invites a member from My Account → Users', async () => {
      await admin
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'My Account' })
        .click();
      await admin
        .getByRole('navigation', { name: 'My Account sections' })
        .getByRole('link', { name: 'Users' })
        .click();
      await expect
        .poll(() => admin.locator('tr[data-user-email="alice@browser.test"]').count())
        .toBe(1);
      await admin.getByLabel('Name', { exact: true }).fill('Mo Member');
      await admin.getByLabel('Email', { exact: true }).fill('mo@browser.test');
      await admin.getByRole('button', { name: 'Send invitation' }).click();
      await expect
        // Trimmed: a dev mailbox link may follow the sentence (not with real SMTP, as here).
        .poll(async () => (await admin.getByRole('status').textContent())?.trim())
        .toBe('Invitation sent to mo@browser.test.');
      await expect
        .poll(() => admin.locator('tr[data-user-email="mo@browser.test"] .badge').textContent())
        .toBe('Invited');
      await saveScreenshot(admin, 'e2e/accounts-2-users');
    });

    step("the member sets a password from the email's link and is signed in", async () => {
      const mail = await smtp.waitForMail('mo@browser.test');
      const link = linkFrom(mail, `${server.url}/set-password#token=`);

      memberContext = await browser.newContext();
      member = await memberContext.newPage();
      await member.goto(link);
      await expect.poll(() => member.getByText('Welcome, Mo Member.').isVisible()).toBe(true);
      await member.getByLabel('New password').fill('mo picks a passphrase');
      await member.getByLabel('Repeat the password').fill('mo picks a passphrase');
      await saveScreenshot(member, 'e2e/accounts-3-set-password');
      await member.getByRole('button', { name: 'Set password and sign in' }).click();
      await eventually(() => heading(member).textContent()).toBe('Home');
    });

    step('the member sees only what members see', async () => {
      const nav = member.getByRole('navigation', { name: 'Main' });
      expect(await nav.getByRole('link', { name: 'WOTC Applicants' }).isVisible()).toBe(true);
      await nav.getByRole('link', { name: 'My Account' }).click();
      const tabs = member.getByRole('navigation', { name: 'My Account sections' });
      await expect.poll(() => tabs.getByRole('link').allTextContents()).toEqual(['Profile']);
      await saveScreenshot(member, 'e2e/accounts-4-member-account');
      await member.goto(`${server.url}/account/users`);
      await expect.poll(() => heading(member).textContent()).toBe('Not available');
    });

    step(
      'the admin deactivates the member, after confirming; the member is signed out',
      async () => {
        await admin.reload();
        await admin
          .locator('tr[data-user-email="mo@browser.test"]')
          .getByRole('button', { name: 'Deactivate' })
          .click();
        const dialog = admin.getByRole('dialog', { name: 'Deactivate this user?' });
        await expect.poll(() => dialog.isVisible()).toBe(true);
        await saveScreenshot(admin, 'e2e/accounts-5-confirm-deactivate');
        await dialog.getByRole('button', { name: 'Yes, deactivate' }).click();
        await expect
          .poll(() => admin.locator('tr[data-user-email="mo@browser.test"] .badge').textContent())
          .toBe('Deactivated');
        await member.goto(`${server.url}/applicants`);
        await expect.poll(() => heading(member).textContent()).toBe('Sign in to Eligo');
        await memberContext.close();
      },
    );
  },
);
