import { endOfMonth } from '../wotc/dates.ts';
import type { PayPeriod } from './credit-schemas.ts';

/** Test helpers: pay periods built from a few numbers, so a worked case reads like its example. */

export const period = (
  periodStart: string,
  periodEnd: string,
  hours: number,
  wages: number,
): PayPeriod => ({ periodStart, periodEnd, hours, wages });

/** `count` calendar-month periods from `firstMonth` (`YYYY-MM`), each with the same hours and wages. */
export function monthly(
  firstMonth: string,
  count: number,
  hours: number,
  wages: number,
): PayPeriod[] {
  const [year, month] = firstMonth.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const y = year + Math.floor((month - 1 + i) / 12);
    const m = String(((month - 1 + i) % 12) + 1).padStart(2, '0');
    return period(`${y}-${m}-01`, endOfMonth(`${y}-${m}`), hours, wages);
  });
}
