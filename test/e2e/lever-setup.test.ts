import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Emulator } from '@eligo/lever-emulator';
import { expectNoSeriousA11yViolations } from '../support/axe.ts';
import { saveScreenshot } from '../support/browser.ts';
import { startBuiltApp, type BuiltApp, type BuiltServer } from '../support/built-app.ts';
import { SUPER_ADMIN } from '../support/lever.ts';
import {
  connectLever,
  followHereLink,
  openAtsIntegrations,
  signUp,
  switchOnApplicationCreated,
  tileStatus,
} from '../support/lever-browser.ts';
import { scenario } from '../support/scenario.ts';

/**
 * The seed's setup, in a real browser against the built app and the Lever emulator: My Account →
 * Data Settings → MANAGE → ADD NEW → Lever → GO TO LEVER → log in as the Super Admin → Accept →
 * the Lever tile → "here" → switch on Application created → Manage ATS Credentials (both actions)
 * → Delete Integration → YES, DELETE.
 */
let e2e: BuiltApp;
let lever: Emulator;
let server: BuiltServer;
let browser: Browser;

beforeAll(async () => {
  e2e = await startBuiltApp(import.meta.filename);
  ({ lever, server, browser } = e2e);
});
afterAll(() => e2e?.stop());

/** Axe and a screenshot at the moments the seed shows a picture of. */
const check = (name: string) => async (step: string, page: Page) => {
  if (step === 'add-new') await expectNoSeriousA11yViolations(page, 'add integration dialog');
  await saveScreenshot(page, `e2e/lever-${name}-${step}`);
};

scenario(
  'an admin connects Lever, enables the webhook, manages credentials and deletes the integration',
  (step) => {
    let page: Page;
    let settings: Page;
    const manage = () => page.getByRole('dialog', { name: 'Manage ATS Credentials' });

    step('an admin signs up and opens My Account → Data Settings → MANAGE', async () => {
      page = await browser.newPage();
      await signUp(page, server.url, {
        organization: 'Lever Setup Co',
        name: 'Ada Admin',
        email: 'ada@lever-setup.test',
        password: 'ada has a long passphrase',
      });
      await openAtsIntegrations(page);
      await expect.poll(() => page.getByText('No ATS integration yet').count()).toBe(1);
    });

    step('ADD NEW → Lever → GO TO LEVER → the Super Admin accepts: Lever is listed', async () => {
      await connectLever(page, SUPER_ADMIN, check('connect'));
      await expect.poll(() => tileStatus(page)).toContain('Waiting for the first event');
      expect(await page.getByRole('status').first().textContent()).toContain('Lever is connected');
      await expectNoSeriousA11yViolations(page, 'ATS Integrations with the Lever tile');
      await saveScreenshot(page, 'e2e/lever-3-tile');
    });

    step(
      '"here" opens Lever\'s Webhooks settings; Application created is switched on',
      async () => {
        settings = await followHereLink(page);
        expect(settings.url()).toBe(`${lever.url()}/settings/integrations/webhooks`);
        await switchOnApplicationCreated(settings);
        await saveScreenshot(settings, 'e2e/lever-4-webhooks-enabled');
      },
    );

    step('Manage ATS Credentials: Regenerate signature token replaces our webhook', async () => {
      const firstWebhook = [...lever.state.webhooks.values()].find(
        (w) => w.event === 'applicationCreated',
      )!;
      const hiresWebhook = [...lever.state.webhooks.values()].find(
        (w) => w.event === 'candidateHired',
      )!;
      await page.getByRole('button', { name: 'Manage ATS Credentials' }).click();
      await manage().getByRole('button', { name: 'Regenerate signature token' }).click();
      await expect
        .poll(() => manage().getByRole('status').first().textContent())
        .toContain('new signature token');
      expect(lever.state.webhooks.has(firstWebhook.id)).toBe(false);
      // The hires webhook keeps its token: one event's regeneration touches only that event.
      expect(lever.state.webhooks.has(hiresWebhook.id)).toBe(true);
      expect([...lever.state.webhooks.values()].map((w) => w.event).sort()).toEqual([
        'applicationCreated',
        'candidateHired',
      ]);
    });

    step(
      'Manage ATS Credentials: a manual webhook made in Lever, its token saved here',
      async () => {
        const webhookUrl = await manage().getByLabel('Webhook URL').inputValue();
        const group = settings.getByRole('region', { name: 'Application created' });
        await group.getByLabel('Webhook URL').fill(webhookUrl);
        await group.getByRole('button', { name: 'Add webhook' }).click();
        const token = await settings.getByLabel('New signature token').textContent();
        expect(token).toMatch(/^[0-9a-f]{48}$/);
        await manage().getByRole('button', { name: 'Save manual webhook' }).click();
        await expect
          .poll(() => manage().getByText('Enter the signature token from Lever').count())
          .toBe(1);
        await manage().getByRole('textbox', { name: 'Signature token' }).fill(token!);
        await expectNoSeriousA11yViolations(page, 'Manage ATS Credentials');
        await saveScreenshot(page, 'e2e/lever-5-manage-credentials');
        await manage().getByRole('button', { name: 'Save manual webhook' }).click();
        await expect
          .poll(() => manage().getByRole('status').first().textContent())
          .toContain('manual webhook');
        await manage().getByRole('button', { name: 'Close' }).click();
        expect(await page.getByText('Manual (created in Lever)').count()).toBe(1);
      },
    );

    step(
      "Lever's Test button reaches Eligo through the manual webhook: the tile shows it",
      async () => {
        const manual = [...lever.state.webhooks.values()].find((w) => w.createdVia === 'ui')!;
        await settings.goto(`${lever.url()}/settings/integrations/webhooks`);
        await settings
          // Not the hires webhook, whose URL continues this one's.
          .getByRole('row', { name: new RegExp(`${manual.url.replace(/[/.]/g, '.')}(?![/\\w-])`) })
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
      },
    );

    step('Delete Integration → YES, DELETE: gone here and in Lever', async () => {
      await page.getByRole('button', { name: 'Delete Integration' }).click();
      const confirm = page.getByRole('dialog', { name: 'Delete the Lever integration?' });
      await saveScreenshot(page, 'e2e/lever-7-delete');
      await confirm.getByRole('button', { name: 'YES, DELETE' }).click();
      await expect.poll(() => page.getByText('No ATS integration yet').count()).toBe(1);
      expect(await page.getByRole('status').first().textContent()).toContain('deleted');
      expect([...lever.state.webhooks.values()].filter((w) => w.createdVia === 'api')).toEqual([]);
      await saveScreenshot(page, 'e2e/lever-8-deleted');
    });
  },
);
