import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { SCHEMA_WORDING } from '@eligo/shared/validation-text';
import { saveScreenshot } from './browser.ts';

/**
 * Checks of what a person reads (issue 24): no schema engine's words on screen, nothing wider than
 * a phone, buttons in one case style; and the "after" pictures of the screenshots.
 */

/** Saves `artifacts/newcomer/after/<name>.png` (the "before" pictures have the same names). */
export const after = (page: Page, name: string) => saveScreenshot(page, `newcomer/after/${name}`);

/** The page's visible text says nothing in a schema engine's words ("must match pattern …"). */
export async function expectNoSchemaWording(page: Page, where: string): Promise<void> {
  const text = await page.locator('body').innerText();
  const found = SCHEMA_WORDING.exec(text);
  expect(found ? text.slice(Math.max(0, found.index - 60), found.index + 60) : null, where).toBe(
    null,
  );
}

/** Nothing on the page is wider than the screen: no sideways scrolling. */
export async function expectFitsScreen(page: Page, where: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect({ where, scrollWidth }).toEqual({
    where,
    scrollWidth: expect.toSatisfy((w: number) => w <= innerWidth),
  });
}

/** Words a button may capitalize: names, acronyms, and the statuses of the Lever tag ("Pre Qualified"). */
const PROPER = /^(Lever|Lever’s|Eligo|ATS|SSN|CSV|WOTC|I|Español|English|Qualified)$/;

/**
 * Every button (and link styled as one) in sentence case: a capital first letter, then capitals
 * only for names and acronyms ("Manage ATS credentials", never "ADD NEW" or "Delete Integration").
 */
export async function expectSentenceCaseButtons(page: Page, where: string): Promise<void> {
  const labels = await page
    .locator('button:visible, a.button:visible')
    .evaluateAll((elements) => elements.map((e) => (e as HTMLElement).innerText.trim()));
  const odd = labels.filter((label) => {
    const words = label.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
    return words.slice(1).some((w) => /^\p{Lu}/u.test(w) && !PROPER.test(w));
  });
  expect({ where, odd }).toEqual({ where, odd: [] });
}
