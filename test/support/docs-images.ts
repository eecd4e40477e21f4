import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { repoRoot } from '@eligo/dev/paths';

/**
 * A picture of the README's Walkthrough (docs/images/walkthrough-<name>.png): the visible part of
 * the page (not the whole length, to stay small). Written only when UPDATE_DOCS_IMAGES=true, so a
 * test run never changes tracked files.
 */
export async function docsImage(page: Page, name: string): Promise<void> {
  if (process.env.UPDATE_DOCS_IMAGES !== 'true') return;
  const file = path.join(repoRoot, 'docs', 'images', `walkthrough-${name}.png`);
  await mkdir(path.dirname(file), { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file });
  expect((await stat(file)).size, `${file} stays small`).toBeLessThan(150_000);
}
