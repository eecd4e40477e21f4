import type { HomeCredit } from '@eligo/shared/schemas/home';
import { formatMoney } from '../applicants/labels.ts';

/** One figure of the home's credit card: what it is, the amount, and what it counts. */
export interface CreditFigure {
  id: string;
  label: string;
  amount: string;
  detail: string;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2026-03` → `March 2026` (the employer's month, named without the browser's time zone). */
export function monthName(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return `${MONTHS[m - 1]} ${year}`;
}

const applicants = (n: number) => `${n} Pre Qualified ${n === 1 ? 'applicant' : 'applicants'}`;
const hires = (n: number) => `${n} ${n === 1 ? 'hire' : 'hires'} filed with the state`;

/** The figures in reading order: potential this month and this year, awaiting, then earned. */
export function creditFigures(credit: HomeCredit): CreditFigure[] {
  const figures: CreditFigure[] = [
    {
      id: 'month',
      label: `Potential credit, ${monthName(credit.month)}`,
      amount: formatMoney(credit.thisMonth.amount),
      detail: applicants(credit.thisMonth.applicants),
    },
    {
      id: 'year',
      label: `Potential credit, ${credit.year}`,
      amount: formatMoney(credit.thisYear.amount),
      detail: applicants(credit.thisYear.applicants),
    },
    {
      id: 'awaiting',
      label: 'Waiting for certification',
      amount: formatMoney(credit.awaitingCertification.amount),
      detail: hires(credit.awaitingCertification.applicants),
    },
  ];
  if (credit.credits) {
    figures.push({
      id: 'earned',
      label: `Credit earned, tax year ${credit.credits.taxYear}`,
      amount: formatMoney(credit.credits.earned),
      detail: `${formatMoney(credit.credits.projected)} projected from the payroll so far`,
    });
  }
  return figures;
}

/** Nothing screened this year, nothing waiting and nothing earned: the card says so. */
export const isEmptyCredit = (credit: HomeCredit): boolean =>
  credit.thisYear.applicants === 0 &&
  credit.awaitingCertification.applicants === 0 &&
  (credit.credits === null || (credit.credits.earned === 0 && credit.credits.projected === 0));
