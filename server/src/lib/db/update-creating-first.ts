import type { Model, UpdateQuery } from 'mongoose';
import { insertOnce } from './insert-once.ts';
import { retryOnDeadlock } from './retry-on-deadlock.ts';

/**
 * An update of one document (a counter: `$inc`, `$max`) that creates it first when it is missing,
 * without an upsert. Concurrent upserts of a missing document lost increments on FerretDB 2 (38
 * or 39 of 40 counted, `derived-copies.test.ts`); an update of an existing document is atomic on
 * both engines. So: update; if nothing matched, insert `created` (first one wins, the others'
 * duplicate is ignored) and update again.
 */
export async function updateCreatingFirst<T>(
  model: Model<T>,
  filter: { _id: unknown } & Record<string, unknown>,
  update: UpdateQuery<T>,
  created: () => Partial<T>,
): Promise<void> {
  const apply = () => retryOnDeadlock(() => model.updateOne(filter as never, update));
  if ((await apply()).matchedCount === 1) return;
  await insertOnce(() => model.create({ ...filter, ...created() } as Partial<T>));
  await apply();
}
