import { expect, test } from 'vitest';
import { describeSearch } from './audit-text.ts';

test.each([
  [
    'q=jose&wotcStatus=pre_qualified&sort=name_asc',
    '“jose”, WOTC status Pre Qualified, sorted Name A–Z',
  ],
  [
    'surveyStatus=missing_email&from=2026-01-02&to=2026-02-03',
    'survey Missing email, applied from 01/02/2026, applied to 02/03/2026',
  ],
  ['postingId=abc-123', 'one posting'],
  ['', ''],
])('an export search %j reads as %j', (filters, words) => {
  expect(describeSearch(filters)).toBe(words);
});
