import { describe, expect, test } from 'vitest';
import { filingRouteQuery, parseFilingQuery } from './filing-query.ts';

describe('filing query', () => {
  test('a known bucket and a cursor are read from the URL and written back', () => {
    const query = parseFilingQuery({ bucket: 'due_soon', cursor: 'abc' });
    expect(query).toEqual({ bucket: 'due_soon', cursor: 'abc' });
    expect(filingRouteQuery(query)).toEqual({ bucket: 'due_soon', cursor: 'abc' });
  });

  test('an unknown bucket or an empty value is dropped: all hires are shown', () => {
    expect(parseFilingQuery({ bucket: 'soonish', cursor: '' })).toEqual({});
    expect(parseFilingQuery({ bucket: ['overdue', 'filed'] })).toEqual({ bucket: 'overdue' });
    expect(filingRouteQuery({})).toEqual({});
  });

  test('a state of employment narrows the list ("ready in Texas"); an unknown one is dropped', () => {
    const query = parseFilingQuery({ bucket: 'ready', state: 'TX' });
    expect(query).toEqual({ bucket: 'ready', state: 'TX' });
    expect(filingRouteQuery(query)).toEqual({ bucket: 'ready', state: 'TX' });
    expect(parseFilingQuery({ state: 'Texas' })).toEqual({});
  });
});
