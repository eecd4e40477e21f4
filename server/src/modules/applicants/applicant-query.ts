import { Types, type FilterQuery, type SortOrder } from 'mongoose';
import type { ApplicantFilters, ApplicantSort } from '@eligo/shared/schemas/applicants';
import { AppError } from '../../lib/app-error.ts';
import type { Applicant } from './applicant.model.ts';
import { surveyStatusFilter } from './applicant-status.ts';
import { prefixPattern, queryTerms } from './search-keys.ts';

/**
 * The dashboard's search as a MongoDB query (docs/applicants.md, "Search" and "Indexes"). Each
 * filter is an equality or a range on a field that leads one of the applicant indexes after
 * `organizationId`; name words are anchored prefixes on the multikey `searchTokens`.
 */
export function searchConditions(filters: ApplicantFilters, now: Date): FilterQuery<Applicant>[] {
  const conditions = nameSearchConditions(filters.q);
  if (filters.surveyStatus) conditions.push(surveyStatusFilter(filters.surveyStatus, now));
  if (filters.wotcStatus) conditions.push({ wotcStatus: filters.wotcStatus });
  if (filters.postingId) conditions.push({ 'lever.postingId': filters.postingId });
  if (filters.from || filters.to) {
    conditions.push({
      appliedAt: {
        ...(filters.from ? { $gte: new Date(`${filters.from}T00:00:00.000Z`) } : {}),
        ...(filters.to ? { $lte: new Date(`${filters.to}T23:59:59.999Z`) } : {}),
      },
    });
  }
  return conditions;
}

/** `q` as on the dashboard (name words or an email prefix), for any list of applicants. */
export function nameSearchConditions(q: string | undefined): FilterQuery<Applicant>[] {
  return queryTerms(q ?? '').map((term) => ({ searchTokens: prefixPattern(term) }));
}

interface SortPlan {
  field: 'appliedAt' | 'sortName';
  direction: 1 | -1;
}

const SORTS: Record<ApplicantSort, SortPlan> = {
  applied_desc: { field: 'appliedAt', direction: -1 },
  applied_asc: { field: 'appliedAt', direction: 1 },
  name_asc: { field: 'sortName', direction: 1 },
  name_desc: { field: 'sortName', direction: -1 },
};

export function sortOf(sort: ApplicantSort | undefined): Record<string, SortOrder> {
  const plan = SORTS[sort ?? 'applied_desc'];
  // `_id` breaks ties, so every applicant has one place in the order and pages never overlap.
  return { [plan.field]: plan.direction, _id: plan.direction };
}

interface Cursor {
  /** The sort key of the last row of the page: an ISO date or a sort name. */
  v: string;
  id: string;
}

export function encodeCursor(sort: ApplicantSort | undefined, row: Applicant): string {
  const { field } = SORTS[sort ?? 'applied_desc'];
  const v = field === 'appliedAt' ? row.appliedAt.toISOString() : row.sortName;
  return Buffer.from(JSON.stringify({ v, id: row._id.toHexString() } satisfies Cursor)).toString(
    'base64url',
  );
}

function invalidCursor(): AppError {
  return AppError.validation(
    [
      {
        path: '/querystring/cursor',
        message: 'This page of the list is out of date: start again from the first page.',
        rule: 'invalid',
      },
    ],
    'The page cursor is not valid: start again from the first page',
  );
}

/**
 * The rows after the cursor's row in the sort order. Keyset pagination: rows inserted meanwhile
 * land in their own place, so a page never repeats or skips an applicant that was already there.
 * The leading `$lte`/`$gte` gives the index a tight range; the `$or` settles ties on `_id`.
 */
export function afterCursor(
  sort: ApplicantSort | undefined,
  cursor: string,
): FilterQuery<Applicant> {
  const { field, direction } = SORTS[sort ?? 'applied_desc'];
  const { value, id } = readCursor(sort, cursor);
  const [beyond, beyondOrEqual] = direction === -1 ? ['$lt', '$lte'] : ['$gt', '$gte'];
  return {
    [field]: { [beyondOrEqual]: value },
    $or: [{ [field]: { [beyond]: value } }, { _id: { [beyond]: id } }],
  };
}

/** The sort key and id of the cursor's row (a date for the applied-date sorts). */
export function readCursor(
  sort: ApplicantSort | undefined,
  cursor: string,
): { value: Date | string; id: Types.ObjectId } {
  let parsed: Cursor;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
  } catch {
    throw invalidCursor();
  }
  if (typeof parsed?.v !== 'string' || !Types.ObjectId.isValid(parsed.id)) throw invalidCursor();
  if (SORTS[sort ?? 'applied_desc'].field !== 'appliedAt')
    return { value: parsed.v, id: new Types.ObjectId(parsed.id) };
  const value = new Date(parsed.v);
  if (Number.isNaN(value.getTime())) throw invalidCursor();
  return { value, id: new Types.ObjectId(parsed.id) };
}
