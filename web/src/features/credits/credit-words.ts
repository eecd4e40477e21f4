import type { CreditStatus } from '@eligo/shared/credits';
import type { CreditLedger, CreditLine, PayrollImportResult } from '@eligo/shared/schemas/credits';

/** The Credits screen's words (docs/credits.md): amounts, rates, statuses, the payroll import. */

const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** `$1,234.50` */
export const formatMoney = (amount: number): string => dollars.format(amount);

/** `40 %`, `25 %`, `—` for no rate yet. */
export const formatRate = (rate: number): string =>
  rate > 0 ? `${Math.round(rate * 100)} %` : '—';

const STATUS_WORDS: Record<CreditStatus, string> = {
  credited: 'Credited',
  below_minimum_hours: 'Under 120 hours: no credit',
  rehire: 'Rehire: no credit',
  program_not_authorized: 'Started after the program end: no credit unless extended',
};

/** What the line's status means for the money; a termination under 120 hours is final. */
export function lineStatus(line: Pick<CreditLine, 'status' | 'terminatedOn'>): string {
  if (line.status === 'below_minimum_hours' && line.terminatedOn) {
    return `Left on ${line.terminatedOn} under 120 hours: no credit`;
  }
  return STATUS_WORDS[line.status];
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What a payroll CSV did, or would do on a dry run, in sentences. */
export function payrollOutcome(result: PayrollImportResult): string[] {
  const were = (n: number) => (result.dryRun ? 'would be' : n === 1 ? 'was' : 'were');
  const { created, updated, unchanged } = result;
  const lines = [
    `${count(result.rows, 'row', 'rows')} in the file.`,
    `${count(created, 'pay period', 'pay periods')} ${were(created)} added, ${count(updated, 'pay period', 'pay periods')} ${were(updated)} replaced, ${count(unchanged, 'row', 'rows')} already as in the file.`,
  ];
  if (result.notCertified > 0) {
    lines.push(
      `${count(result.notCertified, 'person is', 'people are')} not certified yet: their pay periods are kept and count once the state certifies them.`,
    );
  }
  return lines;
}

const dayFormat = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});
const monthFormat = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** `2026-07-01` → `Jul 1, 2026` (a calendar date: no time zone moves it). */
export const formatDay = (date: string): string => dayFormat.format(new Date(`${date}T00:00:00Z`));

/** `2026-07` → `Jul 2026`. */
export const formatMonth = (month: string): string =>
  monthFormat.format(new Date(`${month}-01T00:00:00Z`));

/** `Tax year 2026: Jul 1, 2026 – Jun 30, 2027`: a fiscal year's name alone is ambiguous. */
export const taxYearTitle = (ledger: Pick<CreditLedger, 'taxYear' | 'from' | 'through'>): string =>
  `Tax year ${ledger.taxYear}: ${formatDay(ledger.from)} – ${formatDay(ledger.through)}`;

const wholeDollars = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});

/** `$1,440` for a chart's axis: the exact amounts are in the tooltips and the table. */
export const formatAxisMoney = (amount: number): string => wholeDollars.format(amount);

/** What a chart shows, in one sentence: its largest bars and the total. */
export function chartSummary(
  title: string,
  bars: ReadonlyArray<{ label: string; value: number }>,
): string {
  const paid = bars.filter((bar) => bar.value > 0);
  if (paid.length === 0) return `${title}: no credit yet.`;
  const total = paid.reduce((sum, bar) => sum + Math.round(bar.value * 100), 0) / 100;
  const figures = paid.map((bar) => `${bar.label} ${formatMoney(bar.value)}`).join(', ');
  return `${title}: ${figures}; ${formatMoney(total)} in all.`;
}
