import { targetGroup } from '../wotc/groups.ts';
import { ruleSetFor, type ProgramRuleSet } from '../wotc/program-rules.ts';
import { checkCreditInput } from './credit-input.ts';
import { creditWindows, taxYearOf } from './credit-periods.ts';
import { sharesInPayOrder, sortPeriods, type BucketTotals } from './credit-shares.ts';
import type { CreditInput, CreditResult, CreditStatus, TaxYearCredit } from './credit-schemas.ts';
import { toBasisPoints, toCents, toDollars, toHundredths } from './credit-units.ts';

/**
 * The WOTC credit of one certified hire from their pay periods (docs/credits.md): pure, the same in
 * the server and the browser. Throws a RangeError on malformed input and on a start date no rule
 * set covers.
 */
export function creditFor(input: CreditInput): CreditResult {
  checkCreditInput(input);
  const lookup = ruleSetFor(
    input.startedOn,
    input.authorizedThrough ? { authorizedThrough: input.authorizedThrough } : {},
  );
  if (lookup.status === 'unknown') {
    throw new RangeError(`no WOTC rule set covers hires who started on ${input.startedOn}`);
  }
  const rules = lookup.ruleSet;
  const windows = creditWindows(input.targetGroup, input.startedOn, rules);
  const { buckets: years, excludedPeriods } = sortPeriods(input, windows, (periodEnd) =>
    taxYearOf(periodEnd, input.taxYearStartMonth ?? 1),
  );

  const status: CreditStatus = input.rehire
    ? 'rehire'
    : lookup.status === 'not_authorized'
      ? 'program_not_authorized'
      : 'credited';
  const tierOf = (hundredths: number) => (status === 'credited' ? rateTier(hundredths, rules) : 0);

  const taxYears = [...years.keys()].sort((a, b) => a - b);
  const totals = (pick: (t: BucketTotals) => number) =>
    taxYears.reduce((sum, y) => sum + pick(years.get(y)!), 0);
  const hours = totals((t) => t.firstHours);
  const rate = tierOf(hours);
  const capCents = toCents(rules.wageCaps[targetGroup(input.targetGroup).capCategory]);
  const first = sharesInPayOrder(
    taxYears.map((y) => years.get(y)!.firstCents),
    rate > 0 ? capCents : 0,
    toBasisPoints(rate),
  );
  // §51(e): 50 % of second-year wages once the minimum hours of §51(i)(3)(B) are met.
  const secondCapCents = toCents(rules.secondYearWageCap);
  const second = sharesInPayOrder(
    taxYears.map((y) => years.get(y)!.secondCents),
    rate > 0 ? secondCapCents : 0,
    toBasisPoints(rules.secondYearRate),
  );

  const byTaxYear: Record<string, TaxYearCredit> = {};
  let hoursSoFar = 0;
  taxYears.forEach((y, i) => {
    const t = years.get(y)!;
    hoursSoFar += t.firstHours;
    byTaxYear[String(y)] = {
      firstYearWages: toDollars(t.firstCents),
      firstYearQualifiedWages: toDollars(first.qualified[i]!),
      firstYearCredit: toDollars(first.credit[i]!),
      rateAtYearEnd: tierOf(hoursSoFar),
      secondYearWages: toDollars(t.secondCents),
      secondYearQualifiedWages: toDollars(second.qualified[i]!),
      secondYearCredit: toDollars(second.credit[i]!),
      credit: toDollars(first.credit[i]! + second.credit[i]!),
    };
  });

  const firstCredit = sum(first.credit);
  const secondCredit = sum(second.credit);
  return {
    targetGroup: input.targetGroup,
    ruleSet: rules.id,
    status:
      status === 'credited' && hours < toHundredths(rules.minimumHours)
        ? 'below_minimum_hours'
        : status,
    firstYear: {
      ...windows.first,
      hours: hours / 100,
      wages: toDollars(totals((t) => t.firstCents)),
      cap: toDollars(capCents),
      rate: rate,
      qualifiedWages: toDollars(sum(first.qualified)),
      credit: toDollars(firstCredit),
    },
    secondYear: windows.second && {
      ...windows.second,
      wages: toDollars(totals((t) => t.secondCents)),
      cap: toDollars(secondCapCents),
      qualifiedWages: toDollars(sum(second.qualified)),
      credit: toDollars(secondCredit),
    },
    total: toDollars(firstCredit + secondCredit),
    byTaxYear,
    excludedPeriods,
  };
}

/** §51(i)(3): nothing under the minimum hours, the reduced rate under the full-rate hours. */
function rateTier(hundredths: number, rules: ProgramRuleSet): number {
  if (hundredths >= toHundredths(rules.fullRateHours)) return rules.fullRate;
  if (hundredths >= toHundredths(rules.minimumHours)) return rules.reducedRate;
  return 0;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
