import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { eventually, heading } from './browser.ts';

/**
 * The seed's steps as a person takes them in a browser, shared by the end-to-end tests: signing
 * up, My Account → Data Settings → ATS Integrations, connecting Lever, and the Lever emulator's
 * own pages (Webhooks, Candidates, Authorized Apps). Each helper starts where the person would be
 * and waits for the page to answer, never for a fixed time.
 */

/** Optional hook at the moments worth a screenshot (and an axe check). */
export type StepHook = (step: string, page: Page) => Promise<unknown>;

export interface NewAdmin {
  organization: string;
  name: string;
  email: string;
  password: string;
}

/** Signs up the first organization and its admin; ends on the WOTC Applicants dashboard. */
export async function signUp(page: Page, appUrl: string, admin: NewAdmin): Promise<void> {
  await page.goto(`${appUrl}/signup`);
  await page.getByLabel('Organization name').fill(admin.organization);
  await page.getByLabel('Your name').fill(admin.name);
  await page.getByLabel('Work email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Create organization' }).click();
  await eventually(() => heading(page).textContent()).toBe('WOTC Applicants');
}

/** My Account → Data Settings → MANAGE on the ATS integration card. */
export async function openAtsIntegrations(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'My Account' })
    .click();
  await page
    .getByRole('navigation', { name: 'My Account sections' })
    .getByRole('link', { name: 'Data Settings' })
    .click();
  await page.getByRole('link', { name: 'MANAGE' }).click();
  await eventually(() => heading(page).textContent()).toBe('ATS Integrations');
}

/**
 * On ATS Integrations: ADD NEW → Lever → GO TO LEVER → log in to Lever as `user` (unless this
 * browser is still logged in there) → Accept. Ends back in Eligo with the Lever tile listed.
 */
export async function connectLever(
  page: Page,
  user: { email: string; password: string },
  hook: StepHook = async () => {},
): Promise<void> {
  await page.getByRole('button', { name: 'ADD NEW' }).click();
  const addDialog = page.getByRole('dialog', { name: 'Add an ATS integration' });
  await addDialog.getByLabel('ATS provider').selectOption('lever');
  await hook('add-new', page);
  await addDialog.getByRole('link', { name: 'GO TO LEVER' }).click();

  await page.waitForURL(/\/(login|authorize\/consent)\b/);
  if (new URL(page.url()).pathname === '/login') {
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await hook('lever-login', page);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(/\/authorize\/consent/);
  }
  const scopes = await page.getByRole('list', { name: 'Requested scopes' }).textContent();
  expect(scopes).toContain('offline_access');
  expect(scopes).toContain('webhooks:write:admin');
  await hook('consent', page);
  await page.getByRole('button', { name: 'Accept' }).click();
  await page.waitForURL((url) => url.pathname === '/account/data-settings/ats-integrations');
  await eventually(() => page.getByTestId('lever-status').count()).toBe(1);
}

/**
 * The seed's first steps in one: signs up the organization, opens ATS Integrations and connects
 * Lever as `leverUser`. Ends on ATS Integrations with the Lever tile listed.
 */
export async function signUpWithLever(
  page: Page,
  appUrl: string,
  admin: NewAdmin,
  leverUser: { email: string; password: string },
): Promise<void> {
  await signUp(page, appUrl, admin);
  await openAtsIntegrations(page);
  await connectLever(page, leverUser);
}

/** The Lever tile's status badge. */
export const tileStatus = (page: Page) => page.getByTestId('lever-status').textContent();

/** The tile's **here** link: Lever's Webhooks settings open in a new tab, which is returned. */
export async function followHereLink(page: Page): Promise<Page> {
  const [settings] = await Promise.all([
    page.context().waitForEvent('page'),
    page.getByRole('link', { name: 'here', exact: true }).click(),
  ]);
  await settings.waitForLoadState();
  return settings;
}

/**
 * On Lever's Webhooks settings: switches an event group on (`Application created`, `Candidate
 * hired`), which is off at first, as in a real Lever account.
 */
export async function switchOnEventGroup(settings: Page, label: string): Promise<void> {
  const toggle = () => settings.getByRole('switch', { name: label });
  expect(await toggle().getAttribute('aria-checked')).toBe('false');
  await toggle().click();
  await eventually(() => toggle().getAttribute('aria-checked')).toBe('true');
}

/** On Lever's Webhooks settings: switches the Application created event group on. */
export const switchOnApplicationCreated = (settings: Page) =>
  switchOnEventGroup(settings, 'Application created');

export interface NewCandidate {
  name: string;
  /** Left empty when null (Lever allows a candidate without an email). */
  email: string | null;
  /** The posting's title as the form lists it. */
  posting: string;
}

/**
 * Lever's Candidates page → New candidate → fills the form and creates the candidate. Returns the
 * opportunity id and the notice Lever shows (whether Application created was sent to a webhook).
 */
export async function createCandidate(
  lever: Page,
  leverUrl: string,
  candidate: NewCandidate,
  hook: StepHook = async () => {},
): Promise<{ opportunityId: string; notice: string }> {
  await lever.goto(`${leverUrl}/candidates`);
  await lever.getByRole('link', { name: 'New candidate' }).click();
  await eventually(() => heading(lever).textContent()).toBe('New candidate');
  await lever.getByLabel('Name').fill(candidate.name);
  if (candidate.email !== null) await lever.getByLabel('Email (optional)').fill(candidate.email);
  await lever.getByLabel('Posting').selectOption({ label: candidate.posting });
  await hook('new-candidate', lever);
  await lever.getByRole('button', { name: 'Create candidate' }).click();
  await lever.waitForURL(/\/candidates\?created=/);
  const opportunityId = new URL(lever.url()).searchParams.get('created')!;
  const notice = (await lever.getByRole('status').textContent()) ?? '';
  return { opportunityId, notice };
}

/** The tags next to a candidate's name on Lever's Candidates page (reloaded each time). */
export async function candidateTags(
  lever: Page,
  leverUrl: string,
  name: string,
): Promise<string[]> {
  await lever.goto(`${leverUrl}/candidates`);
  return lever
    .getByRole('list', { name: `Tags of ${name}` })
    .getByRole('listitem')
    .allTextContents();
}

/** Lever's Settings › Integrations and API › Authorized Apps: Revoke access on every app listed. */
export async function revokeAuthorizedApps(lever: Page, leverUrl: string): Promise<number> {
  await lever.goto(`${leverUrl}/settings/integrations/authorized-apps`);
  let revoked = 0;
  while ((await lever.getByRole('button', { name: 'Revoke access' }).count()) > 0) {
    await lever.getByRole('button', { name: 'Revoke access' }).first().click();
    await lever.waitForURL(/revoked=1/);
    revoked += 1;
  }
  return revoked;
}
