import type { FilterQuery } from 'mongoose';
import type { ApplicantSort } from '@eligo/shared/schemas/applicants';
import type { Applicant } from './applicant.model.ts';

const DAY = 86_400_000;

/**
 * How far back from the page's start a newest-first page looks first, then 8 and 64 times as far;
 * after those, without a bound (docs/applicants.md, "The list, newest first"). A week of a
 * 100,000-a-year organization is ~1,900 rows, sorted in ~20 ms on FerretDB 2.
 */
export const APPLIED_WINDOWS_MS = [7 * DAY, 56 * DAY, 448 * DAY];

/**
 * A newest-first page read window by window. DocumentDB does not read an index in order to skip
 * the sort, so a page of `appliedAt` desc sorts every row the filter matches (100,000 for the
 * unfiltered list). A lower bound on `appliedAt` makes the sort's input the window's rows: when
 * the window holds a full page, those rows are the page (every row outside it applied earlier);
 * otherwise the next, wider window is read, and finally the whole range. The same on MongoDB,
 * where the index gives the order anyway and each window is an index range. Not for a name
 * search: its index yields few rows, and a bound on `appliedAt` only added work.
 */
export async function readNewestFirst<T>(
  query: { sort?: ApplicantSort; q?: string },
  filter: FilterQuery<Applicant>,
  from: Date | string,
  wanted: number,
  read: (filter: FilterQuery<Applicant>) => Promise<T[]>,
): Promise<T[]> {
  // A name search reads few rows from its own index: a window made it slower, not faster.
  const windowed = (query.sort ?? 'applied_desc') === 'applied_desc' && !query.q?.trim();
  if (!windowed || !(from instanceof Date)) return read(filter);
  for (const window of APPLIED_WINDOWS_MS) {
    const since = new Date(from.getTime() - window);
    const rows = await read({ $and: [filter, { appliedAt: { $gte: since } }] });
    if (rows.length >= wanted) return rows;
  }
  return read(filter);
}
