import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createEmulator, type Emulator } from '@eligo/lever-emulator';
import { freePort } from '@eligo/server/dev/processes';
import { expectNoSeriousA11yViolations } from '../support/axe.ts';
import { launchBrowser, saveScreenshot } from '../support/browser.ts';
import { startBuiltServer, type BuiltServer } from '../support/built-server.ts';

/**
 * The seed's setup, in a real browser against the built app and the Lever emulator: My Account →
 * Data Settings → MANAGE → ADD NEW → Lever → GO TO LEVER → log in as the Super Admin → Accept →
 * the Lever tile → "here" → switch on Application created → Manage ATS Credentials (both actions)
 * → Delete Integration → YES, DELETE.
 */
let lever: Emulator;
let server: BuiltServer;
let browser: Browser;

beforeAll(async () => {
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  lever = createEmulator({
    client: {
      clientId: 'eligo-e2e',
      clientSecret: 'eligo-e2e-secret',
      redirectUris: [`${appUrl}/api/integrations/lever/callback`],
    },
  });
  const leverUrl = await lever.listen(0);
  server = await startBuiltServer(
    import.meta.filename,
    {
      LEVER_AUTH_URL: leverUrl,
      LEVER_API_URL: `${leverUrl}/v1`,
      LEVER_WEB_URL: leverUrl,
      LEVER_AUDIENCE: `${leverUrl}/v1/`,
      LEVER_CLIENT_ID: 'eligo-e2e',
      LEVER_CLIENT_SECRET: 'eligo-e2e-secret',
    },
    port,
  );
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await lever?.close();
});

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const tileStatus = (page: Page) => page.getByTestId('lever-status').textContent();

test(
  'an admin connects Lever, enables the webhook, manages credentials and deletes the integration',
  { timeout: 180_000 },
  async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/signup`);
    await page.getByLabel('Organization name').fill('Lever Setup Co');
    await page.getByLabel('Your name').fill('Ada Admin');
    await page.getByLabel('Work email').fill('ada@lever-setup.test');
    await page.getByLabel('Password').fill('ada has a long passphrase');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('WOTC Applicants');

    // My Account → Data Settings → MANAGE on the ATS integration card.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'My Account' })
      .click();
    await page
      .getByRole('navigation', { name: 'My Account sections' })
      .getByRole('link', { name: 'Data Settings' })
      .click();
    await page.getByRole('link', { name: 'MANAGE' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('ATS Integrations');
    await expect.poll(() => page.getByText('No ATS integration yet').count()).toBe(1);

    // ADD NEW → Lever → GO TO LEVER.
    await page.getByRole('button', { name: 'ADD NEW' }).click();
    const addDialog = page.getByRole('dialog', { name: 'Add an ATS integration' });
    await addDialog.getByLabel('ATS provider').selectOption('lever');
    await expectNoSeriousA11yViolations(page, 'add integration dialog');
    await saveScreenshot(page, 'e2e/lever-1-add-new');
    await addDialog.getByRole('link', { name: 'GO TO LEVER' }).click();

    // Lever: log in as the Super Admin, review the permissions, Accept.
    await page.waitForURL(/\/login/);
    await page.getByLabel('Email').fill('sam.super@acme.example');
    await page.getByLabel('Password').fill('lever');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(/\/authorize\/consent/);
    const scopes = await page.getByRole('list', { name: 'Requested scopes' }).textContent();
    expect(scopes).toContain('offline_access');
    expect(scopes).toContain('webhooks:write:admin');
    await saveScreenshot(page, 'e2e/lever-2-consent');
    await page.getByRole('button', { name: 'Accept' }).click();

    // Back in Eligo: Lever is listed.
    await page.waitForURL(`${server.url}/account/data-settings/ats-integrations**`);
    await expect.poll(() => tileStatus(page)).toContain('Waiting for the first event');
    expect(await page.getByRole('status').first().textContent()).toContain('Lever is connected');
    await expectNoSeriousA11yViolations(page, 'ATS Integrations with the Lever tile');
    await saveScreenshot(page, 'e2e/lever-3-tile');

    // "here" → Lever's Webhooks settings → switch on Application created.
    const [settings] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByRole('link', { name: 'here', exact: true }).click(),
    ]);
    await settings.waitForLoadState();
    expect(settings.url()).toBe(`${lever.url()}/settings/integrations/webhooks`);
    const toggle = settings.getByRole('switch', { name: 'Application created' });
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    await toggle.click();
    await expect
      .poll(() =>
        settings.getByRole('switch', { name: 'Application created' }).getAttribute('aria-checked'),
      )
      .toBe('true');
    await saveScreenshot(settings, 'e2e/lever-4-webhooks-enabled');

    // Manage ATS Credentials (1): regenerate the signature token.
    const firstWebhook = [...lever.state.webhooks.values()][0]!;
    await page.getByRole('button', { name: 'Manage ATS Credentials' }).click();
    const manage = page.getByRole('dialog', { name: 'Manage ATS Credentials' });
    await manage.getByRole('button', { name: 'Regenerate signature token' }).click();
    await expect
      .poll(() => manage.getByRole('status').first().textContent())
      .toContain('new signature token');
    expect(lever.state.webhooks.has(firstWebhook.id)).toBe(false);
    expect(lever.state.webhooks.size).toBe(1);

    // (2) A manual webhook: created in Lever's settings page with our URL, its token saved here.
    const webhookUrl = await manage.getByLabel('Webhook URL').inputValue();
    const group = settings.getByRole('region', { name: 'Application created' });
    await group.getByLabel('Webhook URL').fill(webhookUrl);
    await group.getByRole('button', { name: 'Add webhook' }).click();
    const token = await settings.getByLabel('New signature token').textContent();
    expect(token).toMatch(/^[0-9a-f]{48}$/);
    await manage.getByRole('button', { name: 'Save manual webhook' }).click();
    await expect
      .poll(() => manage.getByText('Enter the signature token from Lever').count())
      .toBe(1);
    await manage.getByRole('textbox', { name: 'Signature token' }).fill(token!);
    await expectNoSeriousA11yViolations(page, 'Manage ATS Credentials');
    await saveScreenshot(page, 'e2e/lever-5-manage-credentials');
    await manage.getByRole('button', { name: 'Save manual webhook' }).click();
    await expect
      .poll(() => manage.getByRole('status').first().textContent())
      .toContain('manual webhook');
    await manage.getByRole('button', { name: 'Close' }).click();
    expect(await page.getByText('Manual (created in Lever)').count()).toBe(1);

    // Lever's Test button reaches Eligo through the manual webhook: the tile shows the ping.
    const manual = [...lever.state.webhooks.values()].find((w) => w.createdVia === 'ui')!;
    await settings.goto(`${lever.url()}/settings/integrations/webhooks`);
    await settings
      .getByRole('row', { name: new RegExp(manual.url.replace(/[/.]/g, '.')) })
      .getByRole('button', { name: 'Test' })
      .click();
    await expect
      .poll(
        async () => {
          await page.reload();
          return tileStatus(page);
        },
        { timeout: 15_000 },
      )
      .toContain('Connected');
    await saveScreenshot(page, 'e2e/lever-6-connected');

    // Delete Integration → YES, DELETE.
    await page.getByRole('button', { name: 'Delete Integration' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete the Lever integration?' });
    await saveScreenshot(page, 'e2e/lever-7-delete');
    await confirm.getByRole('button', { name: 'YES, DELETE' }).click();
    await expect.poll(() => page.getByText('No ATS integration yet').count()).toBe(1);
    expect(await page.getByRole('status').first().textContent()).toContain('deleted');
    expect([...lever.state.webhooks.values()].filter((w) => w.createdVia === 'api')).toEqual([]);
    await saveScreenshot(page, 'e2e/lever-8-deleted');
  },
);
