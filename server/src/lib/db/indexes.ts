import type { Model } from 'mongoose';

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
  await rebuildChangedTtlIndexes(model);
  await model.createIndexes();
  await assertIndexesInPlace(model);
}

/**
 * An index on the declared keys whose TTL (`expireAfterSeconds`, or none) differs from the schema's
 * is dropped, so that createIndexes builds it as declared: both engines refuse to change the
 * options of an existing index through createIndexes (IndexOptionsConflict, code 85), and FerretDB
 * 2 cannot change them with `collMod`. This is how a plain index becomes a TTL index (issue 18).
 * Safe because a TTL only decides when documents are deleted; a difference in `unique` is left for
 * assertIndexesInPlace to refuse. Two instances booting at once may both drop it; both then create
 * the same index.
 */
async function rebuildChangedTtlIndexes(model: AnyModel): Promise<void> {
  const existing = await existingIndexes(model);
  for (const [fields, options] of model.schema.indexes()) {
    const declared = options as DeclaredOptions;
    const found = existing.find((index) => JSON.stringify(index.key) === JSON.stringify(fields));
    if (!found || found.name === '_id_' || ttlOf(found) === ttlOf(declared)) continue;
    if (Boolean(found.unique) !== Boolean(declared.unique)) continue;
    await model.collection.dropIndex(found.name).catch((error: unknown) => {
      // Another instance dropped it first.
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
