import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { EmulatorOptions } from '../../src/index.ts';
import { startEmulator } from './emulator.ts';
import { startReceiver } from './receiver.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../artifacts');

/** Where a browser test saves `name` (a screenshot): `artifacts/` at the repository root. */
export function artifact(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return resolve(ARTIFACTS, name);
}

/** Headless Chromium; fails with how to install it when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
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

export interface BrowserBed {
  env: Awaited<ReturnType<typeof startEmulator>>;
  receiver: Awaited<ReturnType<typeof startReceiver>>;
  browser: Browser;
}

/**
 * For one browser test file: an emulator, a webhook receiver and Chromium, started before the
 * file's tests and closed after them. Read the fields inside the tests.
 */
export function browserBed(options: EmulatorOptions = {}): BrowserBed {
  const bed = {} as BrowserBed;
  beforeAll(async () => {
    bed.env = await startEmulator(options);
    bed.receiver = await startReceiver();
    bed.browser = await launchChromium();
  });
  afterAll(async () => {
    await bed.browser?.close();
    await bed.receiver?.close();
    await bed.env?.close();
  });
  return bed;
}
