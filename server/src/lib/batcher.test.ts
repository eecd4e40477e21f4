import { describe, expect, test } from 'vitest';
import { batcher, type Settled } from './batcher.ts';

/** A flush that records its batches and answers each item with twice its value. */
function recording(options?: Parameters<typeof batcher>[1]) {
  const batches: number[][] = [];
  const gates: Array<() => void> = [];
  const write = batcher<number, number>(async (items) => {
    batches.push(items);
    await new Promise<void>((resolve) => gates.push(resolve));
    return items.map((n): Settled<number> =>
      n < 0 ? { error: new Error(`bad ${n}`) } : { value: n * 2 },
    );
  }, options);
  const openNext = async () => {
    while (gates.length === 0) await new Promise((resolve) => setImmediate(resolve));
    gates.shift()!();
  };
  return { write, batches, openNext };
}

describe('batcher', () => {
  test('calls that arrive while a batch is written go together in the next one', async () => {
    const { write, batches, openNext } = recording({ concurrency: 1 });
    const first = write.submit(1);
    await new Promise((resolve) => setImmediate(resolve));
    const rest = [2, 3, 4].map((n) => write.submit(n));
    expect(write.waiting).toBe(3);
    await openNext();
    expect(await first).toBe(2);
    await openNext();
    expect(await Promise.all(rest)).toEqual([4, 6, 8]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  test('calls of the same turn of the event loop share a batch; maxBatch splits them', async () => {
    const { write, batches, openNext } = recording({ maxBatch: 2, concurrency: 3 });
    const answers = Promise.all([1, 2, 3, 4, 5].map((n) => write.submit(n)));
    for (let n = 0; n < 3; n++) await openNext();
    expect(await answers).toEqual([2, 4, 6, 8, 10]);
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  test("one item's error rejects that item only; a failed flush rejects its whole batch", async () => {
    const { write, openNext } = recording({ concurrency: 1 });
    const [good, bad] = [write.submit(5), write.submit(-1)];
    await openNext();
    expect(await good).toBe(10);
    await expect(bad).rejects.toThrow('bad -1');

    const failing = batcher<number, number>(async () => {
      throw new Error('database away');
    });
    const all = [1, 2].map((n) => failing.submit(n).catch((error: Error) => error.message));
    expect(await Promise.all(all)).toEqual(['database away', 'database away']);
  });
});
