import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { repoRoot } from '@eligo/dev/paths';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const artifactsDir = path.join(repoRoot, 'artifacts');

/** Headless Debian Chromium with the flags this closed network needs. Fails loudly when missing. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium is not installed at ${chromiumPath}: run "apt-get install -y chromium" or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Saves a full-page screenshot as artifacts/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const file = path.join(artifactsDir, `${name}.png`);
  await mkdir(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The page's one `<h1>`: every screen of the app and of the Lever emulator has one. */
export const heading = (page: Page) => page.getByRole('heading', { level: 1 });

/**
 * Waits for a condition as long as Playwright waits for an element (30 s): an action's answer
 * (a database write, an email, a background job) can take seconds on a loaded two-core machine.
 */
export const eventually = <T>(condition: () => T | Promise<T>) =>
  expect.poll(condition, { timeout: 30_000, interval: 100 });

/**
 * Signs in on the login page as a person would and waits for where sign-in leads: the home
 * (`Home`, the admin's to-do list and the member's start alike).
 */
export async function signInAs(
  page: Page,
  appUrl: string,
  person: { email: string; password: string },
): Promise<void> {
  await page.goto(`${appUrl}/login`);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await eventually(() => heading(page).textContent()).toBe('Home');
}
