import type { FastifyInstance } from 'fastify';
import type { Types } from 'mongoose';
import { ErrorCode } from '@eligo/shared/errors';
import { effectiveTimeZone, startOfDayIn, todayIn } from '@eligo/shared/filing';
import type { HomeCredit } from '@eligo/shared/schemas/home';
import { AppError } from '../../lib/app-error.ts';
import {
  potentialAwaitingCertification,
  potentialCreditByPosting,
  sumPotential,
} from '../applicants/index.ts';
import { creditLedger } from '../credits/index.ts';
import { loadEmployerProfile } from '../organizations/index.ts';

/** The home lists the postings with the most potential credit this year, up to this many. */
export const TOP_POSTINGS = 5;

/** The first day of the month after `month` (`YYYY-MM`). */
function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * The home's credit figures (docs/credits.md, "The home's credit figures"): "this month" and "this
 * year" are the employer's, in its time zone (the one its deadlines are counted in).
 */
export async function homeCredit(
  app: FastifyInstance,
  organizationId: Types.ObjectId,
): Promise<HomeCredit> {
  const zone = effectiveTimeZone(await loadEmployerProfile(app, organizationId));
  const now = app.clock.now();
  const today = todayIn(zone, now);
  const month = today.slice(0, 7);
  const year = Number(today.slice(0, 4));
  const yearStart = startOfDayIn(zone, `${year}-01-01`);
  const yearEnd = startOfDayIn(zone, `${year + 1}-01-01`);
  const monthStart = startOfDayIn(zone, `${month}-01`);
  const monthEnd = startOfDayIn(zone, nextMonth(month));
  const [byPosting, monthPostings, awaitingCertification, credits] = await Promise.all([
    potentialCreditByPosting(app, organizationId, yearStart, yearEnd),
    potentialCreditByPosting(app, organizationId, monthStart, monthEnd),
    potentialAwaitingCertification(app, organizationId),
    taxYearCredit(app, organizationId),
  ]);
  const largestFirst = [...byPosting].sort(
    (a, b) =>
      b.amount - a.amount ||
      b.applicants - a.applicants ||
      (a.postingTitle ?? '').localeCompare(b.postingTitle ?? ''),
  );
  return {
    month,
    year,
    thisMonth: sumPotential(monthPostings),
    thisYear: sumPotential(byPosting),
    byPosting: largestFirst.slice(0, TOP_POSTINGS),
    awaitingCertification,
    credits,
  };
}

/** This tax year's credit (the Credits screen's totals), or null outside the program's rules. */
async function taxYearCredit(
  app: FastifyInstance,
  organizationId: Types.ObjectId,
): Promise<HomeCredit['credits']> {
  try {
    const ledger = await creditLedger(app, organizationId, undefined);
    return {
      taxYear: ledger.taxYear,
      earned: ledger.totals.credit,
      projected: ledger.totals.projectedCredit,
    };
  } catch (error) {
    if (error instanceof AppError && error.code === ErrorCode.TaxYearOutOfRange) return null;
    throw error;
  }
}
