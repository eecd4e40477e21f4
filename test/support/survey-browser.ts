import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { eventually, heading } from './browser.ts';
import { thisMonth, usMonth } from './dates.ts';
import type { StepHook } from './lever-browser.ts';

/** The phone the seed's applicant opens their survey on (375×812, touch). */
export interface Phone {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions (a CSP violation would show up here). */
  consoleErrors: string[];
  /** The paths of every request the page made. */
  requested: string[];
}

/** A phone-sized, touch browser tab; `locale` sets its language (and `Accept-Language`). */
export async function openPhone(browser: Browser, width = 375, locale = 'en-US'): Promise<Phone> {
  const context = await browser.newContext({
    viewport: { width, height: 812 },
    isMobile: true,
    hasTouch: true,
    locale,
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  return { context, page, consoleErrors, requested };
}

/** The radio button of one answer of a question (inputs are named by question id). */
export const radio = (page: Page, id: string, value: string) =>
  page.locator(`input[name="${id}"][value="${value}"]`);

/**
 * What an applicant of 40 or more answers. `ssiThisMonth` is the one "yes": SSI received this
 * month (within the 60 days the SSI group asks for, whatever day the test runs) makes them
 * Pre Qualified; without it every answer is "no" and they are Not Qualified.
 */
export interface SurveyProfile {
  ssn: string;
  street: string;
  city: string;
  /** USPS code; the state Lever does not tell us. */
  state: string;
  zip: string;
  county: string;
  ssiThisMonth: boolean;
}

export const illinoisApplicant = (ssiThisMonth: boolean): SurveyProfile => ({
  ssn: '123456789',
  street: '1 Main St',
  city: 'Springfield',
  state: 'IL',
  zip: '62701',
  county: 'Sangamon County',
  ssiThisMonth,
});

/**
 * Fills the three steps of the survey open on `page` (About you, Questions, Review & sign) and
 * submits it, signing with the name the survey was prefilled with; ends on "Thank you!".
 */
export async function completeSurvey(
  page: Page,
  profile: SurveyProfile,
  hook: StepHook = async () => {},
): Promise<void> {
  await eventually(() => heading(page).textContent()).toBe('About you');
  const firstName = await page.locator('input[name="first_name"]').inputValue();
  const lastName = await page.locator('input[name="last_name"]').inputValue();
  expect(firstName, 'the first name is prefilled from Lever').not.toBe('');
  await page.locator('input[name="ssn"]').pressSequentially(profile.ssn);
  await page.getByLabel('Street address').fill(profile.street);
  await page.getByLabel('City or town').fill(profile.city);
  await page.locator('select[name="state"]').selectOption(profile.state);
  await page.getByLabel('ZIP code').fill(profile.zip);
  await page.getByLabel('County', { exact: true }).selectOption({ label: profile.county });
  await radio(page, 'age_band', '40_plus').check();
  await radio(page, 'worked_here_before', 'no').check();
  await hook('about-you', page);
  await page.getByRole('button', { name: 'Save and continue' }).click();

  await eventually(() => heading(page).textContent()).toBe('Questions');
  for (const id of ['q_cond_cert', 'q_veteran', 'q_tanf_9of18', 'q_vr', 'q_felony', 'q_ltur']) {
    await radio(page, id, 'no').check();
  }
  await page.getByRole('checkbox', { name: 'None of these' }).check();
  if (profile.ssiThisMonth) {
    await radio(page, 'q_ssi', 'yes').check();
    await page.getByLabel('The last month you got SSI').fill(usMonth(thisMonth()));
  } else {
    await radio(page, 'q_ssi', 'no').check();
  }
  await hook('questions', page);
  await page.getByRole('button', { name: 'Save and continue' }).click();

  await eventually(() => heading(page).textContent()).toBe('Review & sign');
  await page.getByLabel('Type your full name to sign').fill(`${firstName} ${lastName}`.trim());
  await page.getByRole('checkbox', { name: /sign electronically/ }).check();
  await hook('review', page);
  await page.getByRole('button', { name: 'Sign and submit' }).click();
  await eventually(() => heading(page).textContent()).toBe('Thank you!');
  // Usable at phone width: nothing wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    page.viewportSize()?.width ?? 375,
  );
  await hook('thank-you', page);
}
