import { targetGroup, type DolCode } from '../wotc/groups.ts';
import { ruleSetFor } from '../wotc/program-rules.ts';
import { creditFor } from './credit-for.ts';
import { creditWindows, taxYearWindow } from './credit-periods.ts';
import type { CreditInput } from './credit-schemas.ts';
import { sharesInPayOrder, sortPeriods } from './credit-shares.ts';
import { toBasisPoints, toCents, toDollars } from './credit-units.ts';

/**
 * The credit by the month its wages were paid in, and by target group: the Credits screen's chart
 * (docs/credits.md §8). Months are split exactly as `creditFor` splits tax years (a period counts
 * in the month of its `periodEnd`; each month's wages at the rate the first year reached so far;
 * the cap used up in pay order), so a tax year's months add up to its credit to the cent.
 */

/** `YYYY-MM` and the credit of the wages paid in it, in dollars with cents. */
export interface MonthCredit {
  month: string;
  credit: number;
}

/** One hire's credit by month, for the months with credited pay, oldest first. */
export function creditByMonth(input: CreditInput): MonthCredit[] {
  const result = creditFor(input); // checks the input, decides the status and the rate
  const lookup = ruleSetFor(
    input.startedOn,
    input.authorizedThrough ? { authorizedThrough: input.authorizedThrough } : {},
  );
  if (lookup.status === 'unknown') return []; // creditFor has thrown already
  const rules = lookup.ruleSet;
  const windows = creditWindows(input.targetGroup, input.startedOn, rules);
  const { buckets } = sortPeriods(input, windows, (periodEnd) => periodEnd.slice(0, 7));
  const months = [...buckets.keys()].sort();
  const rate = result.firstYear.rate;
  const first = sharesInPayOrder(
    months.map((m) => buckets.get(m)!.firstCents),
    rate > 0 ? toCents(result.firstYear.cap) : 0,
    toBasisPoints(rate),
  );
  const second = sharesInPayOrder(
    months.map((m) => buckets.get(m)!.secondCents),
    rate > 0 && result.secondYear ? toCents(result.secondYear.cap) : 0,
    toBasisPoints(rules.secondYearRate),
  );
  return months.map((month, i) => ({
    month,
    credit: toDollars(first.credit[i]! + second.credit[i]!),
  }));
}

/** The twelve `YYYY-MM` of tax year `year` (named by the year it begins in), in order. */
export function monthsOfTaxYear(year: number, startMonth = 1): string[] {
  const from = taxYearWindow(year, startMonth).from;
  const first = Number(from.slice(5, 7));
  return Array.from({ length: 12 }, (_, i) => {
    const y = year + Math.floor((first - 1 + i) / 12);
    return `${y}-${String(((first - 1 + i) % 12) + 1).padStart(2, '0')}`;
  });
}

/**
 * Every month of a tax year (zero where nothing was paid) with the credit of all hires, summed in
 * cents: the months add up to the sum of the hires' credits in that year.
 */
export function taxYearByMonth(
  year: number,
  startMonth: number,
  hires: readonly MonthCredit[][],
): MonthCredit[] {
  const cents = new Map(monthsOfTaxYear(year, startMonth).map((month) => [month, 0]));
  for (const months of hires) {
    for (const { month, credit } of months) {
      const sum = cents.get(month);
      if (sum !== undefined) cents.set(month, sum + toCents(credit));
    }
  }
  return [...cents].map(([month, sum]) => ({ month, credit: toDollars(sum) }));
}

/** The hires and the credit of each target group, largest credit first (then by DOL code). */
export interface TargetGroupCredit {
  targetGroup: DolCode;
  name: string;
  hires: number;
  credit: number;
}

export function creditByTargetGroup(
  lines: ReadonlyArray<{ targetGroup: DolCode; creditToDate: number }>,
): TargetGroupCredit[] {
  const groups = new Map<DolCode, { hires: number; cents: number }>();
  for (const line of lines) {
    const group = groups.get(line.targetGroup) ?? { hires: 0, cents: 0 };
    group.hires += 1;
    group.cents += toCents(line.creditToDate);
    groups.set(line.targetGroup, group);
  }
  return [...groups]
    .map(([code, { hires, cents }]) => ({
      targetGroup: code,
      name: targetGroup(code).name,
      hires,
      credit: toDollars(cents),
    }))
    .sort((a, b) => b.credit - a.credit || a.targetGroup.localeCompare(b.targetGroup));
}
