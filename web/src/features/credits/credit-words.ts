import type { CreditStatus } from '@eligo/shared/credits';
import type { CreditLine, PayrollImportResult } from '@eligo/shared/schemas/credits';

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
