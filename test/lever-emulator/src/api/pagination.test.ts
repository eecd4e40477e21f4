import { describe, expect, test } from 'vitest';
import { paginate } from './pagination.ts';

const items = Array.from({ length: 5 }, (_, i) => ({ id: `id-${i}`, createdAt: 1000 + i }));
const ids = (page: { data: { id: string }[] }) => page.data.map((item) => item.id);

describe('paginate', () => {
  test('omits next on the last page', () => {
    expect(paginate(items, {}, (i) => i)).toMatchObject({ hasNext: false });
    expect(paginate(items, {}, (i) => i).next).toBeUndefined();
  });

  test.each([
    ['as returned', (next: string) => next],
    ['URL-decoded once', (next: string) => decodeURIComponent(next)],
  ])('accepts the next token %s', (_how, transform) => {
    const first = paginate(items, { limit: 2 }, (i) => i);
    expect(first.hasNext).toBe(true);
    expect(first.next).toBe('%5B1001%2C%22id-1%22%5D');
    expect(ids(paginate(items, { limit: 2, offset: transform(first.next!) }, (i) => i))).toEqual([
      'id-2',
      'id-3',
    ]);
  });

  test.each(['garbage', '[1001,"unknown"]', '[9,"id-1"]'])('refuses offset %s', (offset) => {
    expect(() => paginate(items, { offset }, (i) => i)).toThrow(/Invalid offset/);
  });
});
