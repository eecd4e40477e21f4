import { compareIsoDates } from '../wotc/dates.ts';
import { inWindow, type creditWindows } from './credit-periods.ts';
import type { CreditInput } from './credit-schemas.ts';
import { applyRate, toCents, toHundredths } from './credit-units.ts';

/**
 * The two steps `creditFor` and `creditByMonth` share (docs/credits.md §3–§4): credited periods
 * summed into buckets (tax years, or months) by their `periodEnd`, then one employment year's
 * capped wages and credit split over those buckets in pay order.
 */

/** What the credited periods of one bucket add up to, in hundredths of an hour and cents. */
export interface BucketTotals {
  firstHours: number;
  firstCents: number;
  secondCents: number;
}

/** Sums each credited period into the bucket `bucketOf(periodEnd)` names; counts the others. */
export function sortPeriods<K>(
  input: CreditInput,
  windows: ReturnType<typeof creditWindows>,
  bucketOf: (periodEnd: string) => K,
): { buckets: Map<K, BucketTotals>; excludedPeriods: number } {
  const buckets = new Map<K, BucketTotals>();
  let excludedPeriods = 0;
  for (const period of input.periods) {
    const afterTermination =
      input.terminatedOn !== undefined &&
      compareIsoDates(period.periodStart, input.terminatedOn) > 0;
    const inFirst = inWindow(period.periodEnd, windows.first);
    const inSecond = windows.second !== null && inWindow(period.periodEnd, windows.second);
    if (afterTermination || !(inFirst || inSecond)) {
      excludedPeriods += 1;
      continue;
    }
    const key = bucketOf(period.periodEnd);
    const t = buckets.get(key) ?? { firstHours: 0, firstCents: 0, secondCents: 0 };
    if (inFirst) {
      t.firstHours += toHundredths(period.hours);
      t.firstCents += toCents(period.wages);
    } else {
      t.secondCents += toCents(period.wages);
    }
    buckets.set(key, t);
  }
  return { buckets, excludedPeriods };
}

/**
 * Splits one employment year's capped wages and credit over buckets in pay order (docs/credits.md
 * §4): the cap is used up by the first wages paid, and each bucket's credit is the growth of the
 * rounded cumulative credit, so the buckets add up to the year's credit to the cent — and any run
 * of consecutive buckets (the months of a tax year) to what that run as one bucket would get.
 */
export function sharesInPayOrder(
  centsByBucket: number[],
  capCents: number,
  basisPoints: number,
): { qualified: number[]; credit: number[] } {
  const qualified: number[] = [];
  const credit: number[] = [];
  let paid = 0;
  let qualifiedBefore = 0;
  let creditBefore = 0;
  for (const cents of centsByBucket) {
    paid += cents;
    const qualifiedSoFar = Math.min(paid, capCents);
    const creditSoFar = applyRate(qualifiedSoFar, basisPoints);
    qualified.push(qualifiedSoFar - qualifiedBefore);
    credit.push(creditSoFar - creditBefore);
    qualifiedBefore = qualifiedSoFar;
    creditBefore = creditSoFar;
  }
  return { qualified, credit };
}
