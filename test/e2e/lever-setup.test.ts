import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Emulator } from '@eligo/lever-emulator';
import { expectNoSeriousA11yViolations } from '../support/axe.ts';
import { eventually, saveScreenshot } from '../support/browser.ts';
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
 * Data Settings → Manage → Add new → Lever → Go to Lever → log in as the Super Admin → Accept →
 * the Lever tile → "here" → switch on Application created → Manage ATS credentials (both actions)
 * → Delete integration → Yes, delete.
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
    const manage = () => page.getByRole('dialog', { name: 'Manage ATS credentials' });

    step('an admin signs up and opens My Account → Data Settings → Manage', async () => {
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

    step('Add new → Lever → Go to Lever → the Super Admin accepts: Lever is listed', async () => {
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

    step('Manage ATS credentials: Regenerate signature token replaces our webhook', async () => {
      const firstWebhook = [...lever.state.webhooks.values()].find(
        (w) => w.event === 'applicationCreated',
      )!;
      const hiresWebhook = [...lever.state.webhooks.values()].find(
        (w) => w.event === 'candidateHired',
      )!;
      await page.getByRole('button', { name: 'Manage ATS credentials' }).click();
      // A confirmation first: deliveries signed with the old token are refused afterwards.
      await manage().getByRole('button', { name: 'Regenerate signature token' }).click();
      const confirm = page.getByRole('dialog', { name: 'Regenerate the signature token?' });
      await expect.poll(() => confirm.textContent()).toContain('old token are refused');
      await expectNoSeriousA11yViolations(page, 'regenerate confirmation');
      await saveScreenshot(page, 'newcomer/after/regenerate-confirm');
      await confirm.getByRole('button', { name: 'Cancel' }).click();
      expect(lever.state.webhooks.has(firstWebhook.id)).toBe(true);
      await manage().getByRole('button', { name: 'Regenerate signature token' }).click();
      await confirm.getByRole('button', { name: 'Yes, regenerate' }).click();
      // Lever is asked to create one webhook and delete another: seconds on a loaded machine.
      await eventually(() => manage().getByRole('status').first().textContent()).toContain(
        'new signature token',
      );
      expect(lever.state.webhooks.has(firstWebhook.id)).toBe(false);
      // The hires webhook keeps its token: one event's regeneration touches only that event.
      expect(lever.state.webhooks.has(hiresWebhook.id)).toBe(true);
      expect([...lever.state.webhooks.values()].map((w) => w.event).sort()).toEqual([
        'applicationCreated',
        'candidateHired',
      ]);
    });

    step(
      'Manage ATS credentials: a manual webhook made in Lever, its token saved here',
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
        await expectNoSeriousA11yViolations(page, 'Manage ATS credentials');
        await saveScreenshot(page, 'e2e/lever-5-manage-credentials');
        await manage().getByRole('button', { name: 'Save manual webhook' }).click();
        await eventually(() => manage().getByRole('status').first().textContent()).toContain(
          'manual webhook',
        );
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

    step('Delete integration → Yes, delete: gone here and in Lever', async () => {
      await page.getByRole('button', { name: 'Delete integration' }).click();
      const confirm = page.getByRole('dialog', { name: 'Delete the Lever integration?' });
      await saveScreenshot(page, 'e2e/lever-7-delete');
      await confirm.getByRole('button', { name: 'Yes, delete' }).click();
      await expect.poll(() => page.getByText('No ATS integration yet').count()).toBe(1);
      expect(await page.getByRole('status').first().textContent()).toContain('deleted');
      expect([...lever.state.webhooks.values()].filter((w) => w.createdVia === 'api')).toEqual([]);
      await saveScreenshot(page, 'e2e/lever-8-deleted');
    });
  },
);
