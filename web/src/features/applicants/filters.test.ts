import { describe, expect, test } from 'vitest';
import { filtersOf, hasFilters, parseDashboardQuery, toRouteQuery } from './filters.ts';

describe('dashboard URL state', () => {
  test('valid values are kept, unknown and malformed ones dropped', () => {
    expect(
      parseDashboardQuery({
        q: 'José',
        surveyStatus: 'missing_email',
        wotcStatus: 'bogus',
        postingId: 'p-1',
        from: '2026-01-02',
        to: 'yesterday',
        sort: 'name_asc',
        cursor: 'abc',
        extra: 'x',
      }),
    ).toEqual({
      q: 'José',
      surveyStatus: 'missing_email',
      postingId: 'p-1',
      from: '2026-01-02',
      sort: 'name_asc',
      cursor: 'abc',
    });
  });

  test('repeated parameters take the first; empty ones are absent', () => {
    expect(parseDashboardQuery({ q: ['a', 'b'], surveyStatus: '' })).toEqual({ q: 'a' });
  });

  test('round trip through the URL', () => {
    const query = { q: 'ann', wotcStatus: 'pending' as const, sort: 'applied_asc' as const };
    expect(parseDashboardQuery(toRouteQuery(query) as never)).toEqual(query);
  });

  test('a filter change forgets the page; sorting alone is not a filter', () => {
    expect(filtersOf({ q: 'x', cursor: 'c' })).toEqual({ q: 'x' });
    expect(hasFilters({ sort: 'name_asc', cursor: 'c' })).toBe(false);
    expect(hasFilters({ postingId: 'p' })).toBe(true);
  });
});
