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

/**
 * Nothing on the page is wider than the screen: no sideways scrolling of the page, nor of any box
 * inside it (a table that scrolls within its frame is still sideways scrolling on a phone).
 */
export async function expectFitsScreen(page: Page, where: string): Promise<void> {
  const found = await page.evaluate(() => {
    const wide: string[] = [];
    if (document.scrollingElement!.scrollWidth > window.innerWidth) wide.push('the page');
    for (const element of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const { overflowX } = getComputedStyle(element);
      const scrolls = overflowX === 'auto' || overflowX === 'scroll';
      // Inputs scroll their own text by design (a long URL in a read-only field).
      if (!scrolls || element.matches('input, textarea, select')) continue;
      if (element.scrollWidth > element.clientWidth + 1) {
        wide.push(`${element.tagName.toLowerCase()}.${element.className}`);
      }
    }
    return wide;
  });
  expect({ where, wide: found }).toEqual({ where, wide: [] });
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
