import type { Connection } from 'mongoose';

/**
 * The `expireAfterSeconds` of the index on `field` of `collection`, as the database reports it, or
 * null without one. Tests check the TTL index and that readers ignore expired documents; they never
 * wait for the TTL monitor, which deletes at its own pace (about once a minute).
 */
export async function ttlSecondsOf(
  db: Connection,
  collection: string,
  field: string,
): Promise<number | null> {
  const indexes = await db.collection(collection).listIndexes().toArray();
  const index = indexes.find((i) => JSON.stringify(i.key) === JSON.stringify({ [field]: 1 }));
  return (index?.expireAfterSeconds as number | undefined) ?? null;
}
