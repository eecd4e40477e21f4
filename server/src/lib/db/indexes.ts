import type { Model, Schema } from 'mongoose';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any model of the connection
type AnyModel = Model<any>;

interface ExistingIndex {
  name: string;
  key: Record<string, number>;
  unique?: boolean;
  expireAfterSeconds?: number;
}

interface DeclaredOptions {
  unique?: boolean;
  expireAfterSeconds?: number;
}

const retired = new WeakMap<Schema, Array<Record<string, number>>>();

/**
 * Declares an index the schema no longer wants (e.g. the plain index a periodic cleanup used before
 * a TTL index replaced it): boot drops it where it still exists, so existing databases converge.
 */
export function retireIndex(schema: Schema, keys: Record<string, number>): void {
  retired.set(schema, [...(retired.get(schema) ?? []), keys]);
}

const ttlOf = (index: { expireAfterSeconds?: number }) => index.expireAfterSeconds ?? null;

async function existingIndexes(model: AnyModel): Promise<ExistingIndex[]> {
  return (await model.listIndexes()) as ExistingIndex[];
}

/**
 * Creates `model`'s collection and the indexes its schema declares, or throws (boot refuses to
 * start without them). Run at every boot, so a changed declaration reaches existing databases.
 */
export async function ensureIndexes(model: AnyModel): Promise<void> {
  await model.createCollection().catch((error: unknown) => {
    if ((error as { codeName?: string }).codeName !== 'NamespaceExists') throw error;
  });
  await dropIndexes(model, retiredIndexes(model));
  await dropIndexes(model, changedTtlIndexes(model, await existingIndexes(model)));
  await model.createIndexes();
  await assertIndexesInPlace(model);
}

async function retiredIndexes(model: AnyModel): Promise<ExistingIndex[]> {
  const keys = (retired.get(model.schema) ?? []).map((key) => JSON.stringify(key));
  if (keys.length === 0) return [];
  const existing = await existingIndexes(model);
  return existing.filter((index) => keys.includes(JSON.stringify(index.key)));
}

/**
 * Existing indexes on declared keys whose TTL (`expireAfterSeconds`, or none) differs from the
 * schema's: dropped, so that createIndexes builds them as declared. Both engines refuse to change
 * an index's options through createIndexes (IndexOptionsConflict, code 85), and FerretDB 2 cannot
 * change them with `collMod`; this is how a plain index becomes a TTL index. Safe because a TTL
 * only decides when documents are deleted; a difference in `unique` is left for
 * assertIndexesInPlace to refuse.
 */
function changedTtlIndexes(model: AnyModel, existing: ExistingIndex[]): ExistingIndex[] {
  return model.schema.indexes().flatMap(([fields, options]) => {
    const declared = options as DeclaredOptions;
    const found = existing.find((index) => JSON.stringify(index.key) === JSON.stringify(fields));
    if (!found || found.name === '_id_' || ttlOf(found) === ttlOf(declared)) return [];
    return Boolean(found.unique) === Boolean(declared.unique) ? [found] : [];
  });
}

/** Two instances booting at once may both drop an index; both then create the same one. */
async function dropIndexes(
  model: AnyModel,
  indexes: ExistingIndex[] | Promise<ExistingIndex[]>,
): Promise<void> {
  for (const index of await indexes) {
    await model.collection.dropIndex(index.name).catch((error: unknown) => {
      if ((error as { codeName?: string }).codeName !== 'IndexNotFound') throw error;
    });
  }
}

/**
 * Checks that every index the schema declares exists with the same keys, uniqueness and TTL.
 * MongoDB and FerretDB 2 refuse a conflicting createIndexes under the same name, but an index with
 * the same keys under another name, without `unique`, would otherwise go unnoticed
 * (docs/database.md).
 */
export async function assertIndexesInPlace(model: AnyModel): Promise<void> {
  const existing = await existingIndexes(model);
  const describe = (index: { unique?: boolean; expireAfterSeconds?: number }) =>
    `unique: ${Boolean(index.unique)}` +
    (ttlOf(index) === null ? '' : `, expireAfterSeconds: ${ttlOf(index)}`);
  for (const [fields, options] of model.schema.indexes()) {
    const declared = options as DeclaredOptions;
    const wanted = JSON.stringify(fields);
    const found = existing.find((index) => JSON.stringify(index.key) === wanted);
    if (
      !found ||
      Boolean(found.unique) !== Boolean(declared.unique) ||
      ttlOf(found) !== ttlOf(declared)
    ) {
      throw new Error(
        `Index ${wanted} (${describe(declared)}) on ${model.collection.collectionName} is ` +
          (found ? `there with ${describe(found)}` : 'missing') +
          '. Drop the conflicting index and restart.',
      );
    }
  }
}
