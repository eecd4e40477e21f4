import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import { APPLICANT_SORTS, SURVEY_STATUSES, WOTC_STATUSES } from '@eligo/shared/applicants';
import type { ListApplicantsQuery } from '@eligo/shared/schemas/applicants';

/**
 * The dashboard's state lives in the URL (shareable, the back button works): these turn the URL's
 * query into the API's filters and back. Unknown or malformed values are dropped, not sent.
 */
export type DashboardQuery = Omit<ListApplicantsQuery, 'limit'>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function one(value: LocationQuery[string]): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first !== '' ? first : undefined;
}

function oneOf<T extends string>(allowed: readonly T[], value: string | undefined): T | undefined {
  return value !== undefined && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

export function parseDashboardQuery(query: LocationQuery): DashboardQuery {
  const date = (key: string) => {
    const value = one(query[key]);
    return value && DATE.test(value) ? value : undefined;
  };
  const parsed: DashboardQuery = {
    q: one(query.q)?.slice(0, 200),
    surveyStatus: oneOf(SURVEY_STATUSES, one(query.surveyStatus)),
    wotcStatus: oneOf(WOTC_STATUSES, one(query.wotcStatus)),
    postingId: one(query.postingId),
    from: date('from'),
    to: date('to'),
    sort: oneOf(APPLICANT_SORTS, one(query.sort)),
    cursor: one(query.cursor),
  };
  return withoutEmpty(parsed);
}

export function toRouteQuery(query: DashboardQuery): LocationQueryRaw {
  return withoutEmpty({ ...query }) as LocationQueryRaw;
}

function withoutEmpty<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  ) as T;
}

/** The filters without the page position: a change of filter starts again at the first page. */
export function filtersOf(query: DashboardQuery): DashboardQuery {
  return withoutEmpty({ ...query, cursor: undefined });
}

export function hasFilters(query: DashboardQuery): boolean {
  return Object.keys(withoutEmpty({ ...query, cursor: undefined, sort: undefined })).length > 0;
}
