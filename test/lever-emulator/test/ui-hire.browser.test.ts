import { expect, test } from 'vitest';
import { verifyDelivery } from '../src/index.ts';
import { artifact, browserBed } from './helpers/browser.ts';

// The emulator's clock is fixed, so the typed dates are in the past whatever day the test runs.
const NOW = Date.UTC(2025, 5, 2, 15, 0, 0);

const bed = browserBed({ clockStart: NOW });

test('a recruiter hires a candidate with the keyboard; Candidate hired reaches the webhook with the offer’s dates', async () => {
  const { env, receiver, browser } = bed;
  const page = await browser.newPage();
  try {
    await page.goto(`${env.baseUrl}/login?next=/settings/integrations/webhooks`);
    await page.getByLabel('Email').fill('sam.super@acme.example');
    await page.getByLabel('Password').fill('lever');
    await page.getByRole('button', { name: 'Log in' }).click();

    // Webhooks tab: Candidate hired is off at first; add a webhook, keep its token, switch it on.
    const group = page.getByRole('region', { name: 'Candidate hired' });
    await expect
      .poll(() =>
        page.getByRole('switch', { name: 'Candidate hired' }).getAttribute('aria-checked'),
      )
      .toBe('false');
    await group.getByLabel('Webhook URL').fill(receiver.url);
    await group.getByRole('button', { name: 'Add webhook' }).click();
    const signatureToken = (await page.getByLabel('New signature token').textContent())!.trim();
    await page.getByRole('switch', { name: 'Candidate hired' }).click();
    await expect
      .poll(() =>
        page.getByRole('switch', { name: 'Candidate hired' }).getAttribute('aria-checked'),
      )
      .toBe('true');

    const candidate = await env.newOpportunity();
    await page.goto(`${env.baseUrl}/candidates`);
    // Keyboard only from here: focus the row's Hire link, Enter, type the dates, Enter submits.
    await page.getByRole('link', { name: 'Hire Dana Rivera' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('heading', { name: 'Hire Dana Rivera' }).count())
      .toBe(1);
    await page.getByLabel('Offer sent on (optional)').focus();
    await page.getByLabel('Offer sent on (optional)').fill('2025-05-28');
    // (Tab walks the segments of a date input in Chromium, so focus the next field directly.)
    await page.getByLabel('Anticipated start date (optional)').focus();
    await page.getByLabel('Anticipated start date (optional)').fill('2025-06-16');
    await page.screenshot({
      path: artifact('lever-emulator-hire-form.png'),
      fullPage: true,
    });
    await page.getByRole('button', { name: 'Archive as hired' }).focus();
    await page.keyboard.press('Enter');

    const notice = page.getByRole('status');
    await expect
      .poll(() => notice.textContent())
      .toMatch(
        /Dana Rivera was hired \(offer recorded\)\.\s+Candidate hired was sent to 1 webhook/,
      );
    await expect.poll(() => page.getByText('Archived: Hired on 2025-06-02').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Hire Dana Rivera' }).count()).toBe(0);
    await page.screenshot({ path: artifact('lever-emulator-hire.png'), fullPage: true });

    const [delivery] = await receiver.waitForCount(1);
    expect(delivery!.body.event).toBe('candidateHired');
    expect(delivery!.body.data).toEqual({
      opportunityId: candidate.data.id,
      candidateId: candidate.data.id,
      contactId: candidate.contactId,
    });
    expect(verifyDelivery(signatureToken, delivery!.body)).toBe(true);

    const token = await env.token('offers:read:admin');
    const offers = await env.call('GET', `/v1/opportunities/${candidate.data.id}/offers`, token);
    const [offer] = offers.body.data;
    // A moment of that day everywhere in the US: noon UTC.
    expect(offer.sentAt).toBe(Date.UTC(2025, 4, 28, 12));
    expect(offer.fields).toContainEqual({
      text: 'Anticipated start date',
      identifier: 'anticipated_start_date',
      value: Date.UTC(2025, 5, 16),
    });
  } finally {
    await page.close();
  }
});
