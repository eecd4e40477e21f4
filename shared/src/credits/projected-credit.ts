import { addDays, compareIsoDates, daysBetween } from '../wotc/dates.ts';
import { groupAmounts, targetGroup } from '../wotc/groups.ts';
import { ruleSetFor } from '../wotc/program-rules.ts';
import { creditFor } from './credit-for.ts';
import { inWindow, type DateWindow } from './credit-periods.ts';
import type { CreditInput, CreditResult, PayPeriod } from './credit-schemas.ts';
import { toCents, toHundredths } from './credit-units.ts';

/**
 * The credit a hire is on course for (docs/credits.md §5), in dollars: the credit so far plus what
 * the rest of the credited windows adds if the person keeps working and earning at the average
 * daily pace of their pay periods so far. So a part-timer who will not reach 400 hours or the cap
 * is not promised the maximum, and a full-timer is.
 *
 * - rehire or a start after the authorization end → 0;
 * - a termination date, or payroll that already covers the windows → the credit so far;
 * - no payroll yet → the group's maximum (what the survey showed): there is no pace to extend.
 */
export function projectedCredit(
  input: CreditInput,
  /** `creditFor(input)`, when the caller has it already (the ledger does: one computation less). */
  actual: CreditResult = creditFor(input),
): number {
  if (actual.status === 'rehire' || actual.status === 'program_not_authorized') return 0;
  if (input.terminatedOn !== undefined) return actual.total;

  const first: DateWindow = actual.firstYear;
  const second: DateWindow | null = actual.secondYear;
  const counted = input.periods.filter(
    (p) => inWindow(p.periodEnd, first) || (second !== null && inWindow(p.periodEnd, second)),
  );
  if (counted.length === 0) {
    const lookup = ruleSetFor(input.startedOn, input);
    if (lookup.status === 'unknown') return actual.total;
    return groupAmounts(targetGroup(input.targetGroup).capCategory, lookup.ruleSet).maxCredit;
  }

  const lastEnd = counted
    .map((p) => p.periodEnd)
    .reduce((a, b) => (compareIsoDates(a, b) >= 0 ? a : b));
  const days = daysBetween(first.from, lastEnd) + 1;
  const hoursPerDay = counted.reduce((s, p) => s + toHundredths(p.hours), 0) / days;
  const centsPerDay = counted.reduce((s, p) => s + toCents(p.wages), 0) / days;
  const rest = (from: string, through: string): PayPeriod[] => {
    const n = daysBetween(from, through) + 1;
    if (n <= 0) return [];
    return [
      {
        periodStart: from,
        periodEnd: through,
        hours: Math.round(hoursPerDay * n) / 100,
        wages: Math.round(centsPerDay * n) / 100,
      },
    ];
  };
  const next = addDays(lastEnd, 1);
  const ahead = [
    ...rest(next, first.through),
    ...(second
      ? rest(compareIsoDates(next, second.from) > 0 ? next : second.from, second.through)
      : []),
  ];
  return creditFor({ ...input, periods: [...input.periods, ...ahead] }).total;
}
