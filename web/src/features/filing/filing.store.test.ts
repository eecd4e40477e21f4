import { beforeEach, describe, expect, test } from 'vitest';
import { aFilingRow, aHire, aSummary, json, mockFetch, testPinia } from './fixtures.ts';
import { useFilingStore } from './filing.store.ts';

const row = aFilingRow('c'.repeat(24), 'Ana Díaz', aHire({ startedOn: '2026-03-05' }, 'admin'));
const imported = {
  dryRun: false,
  rows: 1,
  created: 1,
  updated: 0,
  unchanged: 0,
  unknown: 0,
  unknownEmployees: [],
};

describe('filing store', () => {
  const fetchMock = mockFetch();
  beforeEach(() => void testPinia());

  test('loads the counts and one bucket, a page of 25', async () => {
    fetchMock.mockResolvedValueOnce(json(200, aSummary()));
    fetchMock.mockResolvedValueOnce(json(200, { items: [row], nextCursor: null }));
    const store = useFilingStore();
    await store.loadSummary();
    await store.loadList({ bucket: 'due_soon' });
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual([
      '/api/filing/summary',
      '/api/filing?bucket=due_soon&limit=25',
    ]);
    expect(store.summary?.buckets.due_soon).toBe(2);
    expect(store.list?.items).toEqual([row]);
    expect(store.loading).toBe(false);
  });

  test('an answer to an older request is dropped; a failure is kept to show', async () => {
    let answerFirst!: (response: Response) => void;
    fetchMock.mockReturnValueOnce(new Promise((resolve) => (answerFirst = resolve)));
    fetchMock.mockResolvedValueOnce(json(200, { items: [], nextCursor: null }));
    const store = useFilingStore();
    const first = store.loadList({ bucket: 'overdue' });
    await store.loadList({ bucket: 'filed' });
    answerFirst(json(200, { items: [row], nextCursor: null }));
    await first;
    expect(store.list?.items).toEqual([]);

    fetchMock.mockResolvedValueOnce(
      json(500, { statusCode: 500, code: 'INTERNAL', message: 'Something went wrong' }),
    );
    await store.loadList({});
    expect(store.error).toBe('Something went wrong');
    expect(store.list).toBeNull();
  });

  test('a dry run sends the file as text/csv and changes nothing shown; an import reloads', async () => {
    const file = new Blob(['employee,offered_on\n'], { type: 'text/csv' });
    fetchMock.mockResolvedValueOnce(json(200, { ...imported, dryRun: true }));
    const store = useFilingStore();
    await expect(store.importHires(file, true)).resolves.toMatchObject({ dryRun: true });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/hires/import?dryRun=true');
    expect(init).toMatchObject({ method: 'POST', body: file });
    expect((init!.headers as Record<string, string>)['content-type']).toBe('text/csv');
    expect(fetchMock).toHaveBeenCalledTimes(1);

    fetchMock.mockResolvedValueOnce(json(200, imported));
    fetchMock.mockResolvedValueOnce(json(200, aSummary()));
    fetchMock.mockResolvedValueOnce(json(200, { items: [row], nextCursor: null }));
    await store.importHires(file, false);
    expect(fetchMock.mock.calls.slice(1).map(([u]) => u)).toEqual([
      '/api/hires/import?dryRun=false',
      '/api/filing/summary',
      '/api/filing?limit=25',
    ]);
    expect(store.list?.items).toEqual([row]);
  });
});
