/** One item's answer from a batch: a value, or the error that item (alone) met. */
export type Settled<R> = { value: R } | { error: unknown };

export interface BatcherOptions {
  /** Items written together at most (default 64). */
  maxBatch?: number;
  /** Batches in flight at once (default 2: the next one gathers while one is written). */
  concurrency?: number;
}

/**
 * Group commit: calls of `submit` that arrive while earlier batches are being written wait, and
 * go together in the next batch (up to `maxBatch`), so a busy instance makes one round trip for
 * many callers. A lone call does not wait for company: it goes in the next turn of the event loop
 * (with whatever arrived in the same turn). Each caller gets its own item's answer; an error of
 * `flush` as a whole rejects every item of that batch. Nothing is kept between batches: a process
 * that stops loses only calls that were never answered.
 */
export function batcher<T, R>(
  flush: (items: T[]) => Promise<Settled<R>[]>,
  { maxBatch = 64, concurrency = 2 }: BatcherOptions = {},
) {
  interface Waiting {
    item: T;
    resolve: (value: R) => void;
    reject: (error: unknown) => void;
  }
  const waiting: Waiting[] = [];
  let inFlight = 0;
  let scheduled = false;

  function write(batch: Waiting[]): void {
    inFlight += 1;
    flush(batch.map((w) => w.item))
      .then(
        (answers) =>
          batch.forEach((w, index) => {
            const answer = answers[index];
            if (answer && 'value' in answer) w.resolve(answer.value);
            else
              w.reject(answer ? answer.error : new Error('the batch gave no answer for an item'));
          }),
        (error: unknown) => batch.forEach((w) => w.reject(error)),
      )
      .finally(() => {
        inFlight -= 1;
        pump();
      });
  }

  function pump(): void {
    while (inFlight < concurrency && waiting.length > 0) write(waiting.splice(0, maxBatch));
  }

  return {
    submit(item: T): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        if (scheduled) return;
        scheduled = true;
        setImmediate(() => {
          scheduled = false;
          pump();
        });
      });
    },
    /** Items waiting for a batch (not yet being written). */
    get waiting(): number {
      return waiting.length;
    },
  };
}
