import { expect, test } from 'vitest';
import { verifyDelivery } from '../src/index.ts';
import { TEST_CLIENT, TEST_REDIRECT_URI } from './helpers/emulator.ts';
import { artifact, browserBed } from './helpers/browser.ts';

const bed = browserBed();

test('a Super Admin connects the app, switches on "Application created", sees a delivery, and revokes the app', async () => {
  const { env, receiver, browser } = bed;
  const page = await browser.newPage();
  // The product's callback is not running here; answer it so the code can be read from the URL.
  await page.route(`${TEST_REDIRECT_URI}**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<p>callback reached</p>' }),
  );
  try {
    // OAuth consent in the browser: login page → consent page → Accept.
    await page.goto(
      env.authorizeUrl(
        'offline_access opportunities:write:admin webhooks:write:admin',
        'browser-state',
      ),
    );
    await page.getByLabel('Email').fill('sam.super@acme.example');
    await page.getByLabel('Password').fill('lever');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: `Authorize ${TEST_CLIENT.name}` }).count())
      .toBe(1);
    await page.getByRole('button', { name: 'Accept' }).click();
    await page.waitForURL(`${TEST_REDIRECT_URI}**`);
    const code = new URL(page.url()).searchParams.get('code')!;
    const tokenResponse = await fetch(`${env.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: TEST_REDIRECT_URI,
        client_id: TEST_CLIENT.clientId,
        client_secret: TEST_CLIENT.clientSecret,
      }),
    });
    const { access_token: accessToken } = (await tokenResponse.json()) as { access_token: string };

    // Webhooks tab: add a webhook, read its token, switch the group on.
    await page.goto(`${env.baseUrl}/settings/integrations/webhooks`);
    const group = page.getByRole('region', { name: 'Application created' });
    const toggle = page.getByRole('switch', { name: 'Application created' });
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('false');
    await group.getByLabel('Webhook URL').fill(receiver.url);
    await group.getByRole('button', { name: 'Add webhook' }).click();
    const signatureToken = (await page.getByLabel('New signature token').textContent())!.trim();
    expect(signatureToken).toMatch(/^[0-9a-f]{48}$/);
    await page.getByRole('switch', { name: 'Application created' }).click();
    await expect
      .poll(() =>
        page.getByRole('switch', { name: 'Application created' }).getAttribute('aria-checked'),
      )
      .toBe('true');

    // New candidate → applicationCreated reaches the receiver with a signature that verifies.
    await page.goto(`${env.baseUrl}/candidates/new`);
    await page.getByLabel('Name').fill('Jordan Lee');
    await page.getByLabel('Email (optional)').fill('jordan.lee@example.net');
    await page.getByLabel('Posting').selectOption({ label: 'Forklift Operator' });
    await page.getByLabel('Origin').selectOption('applied');
    await page.getByRole('button', { name: 'Create candidate' }).click();
    await expect
      .poll(() => page.getByRole('cell', { name: 'Jordan Lee', exact: true }).count())
      .toBe(1);
    const [delivery] = await receiver.waitForCount(1);
    expect(delivery!.body.event).toBe('applicationCreated');
    expect(verifyDelivery(signatureToken, delivery!.body)).toBe(true);
    await page.goto(`${env.baseUrl}/settings/integrations/webhooks`);
    await expect
      .poll(() =>
        page
          .getByRole('region', { name: 'Delivery history' })
          .getByRole('cell', { name: 'succeeded' })
          .count(),
      )
      .toBe(1);
    await page.screenshot({
      path: artifact('lever-emulator-webhooks.png'),
      fullPage: true,
    });

    // Authorized Apps tab: Revoke access → the app's token stops working.
    expect((await env.call('GET', '/v1/opportunities', accessToken)).status).toBe(200);
    await page.getByRole('link', { name: 'Authorized Apps' }).click();
    await expect.poll(() => page.getByRole('cell', { name: TEST_CLIENT.name }).count()).toBe(1);
    await page.getByRole('button', { name: 'Revoke access' }).click();
    await expect
      .poll(() => page.getByText('No apps are authorized for this account.').count())
      .toBe(1);
    await page.screenshot({
      path: artifact('lever-emulator-authorized-apps.png'),
      fullPage: true,
    });
    expect((await env.call('GET', '/v1/opportunities', accessToken)).status).toBe(401);
  } finally {
    await page.close();
  }
});
