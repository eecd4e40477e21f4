import type { Model } from 'mongoose';
import { isDeadlockError, isDuplicateKeyError } from './errors.ts';
import type { DeadlockRetryOptions } from './retry-on-deadlock.ts';

/** What became of one document of `insertEachOnce`: stored, refused as a duplicate, or failed. */
export type EachInsert = { won: true } | { won: false } | { error: unknown };

interface WriteErrorShape {
  index: number;
  code?: unknown;
  errmsg?: unknown;
}

/** The per-document errors of a bulk insert (`MongoBulkWriteError`), or null for another error. */
function writeErrorsOf(error: unknown): WriteErrorShape[] | null {
  const list = (error as { writeErrors?: unknown } | null)?.writeErrors;
  if (list === undefined || list === null) return null;
  const errors = (Array.isArray(list) ? list : [list]) as WriteErrorShape[];
  return errors.every((w) => typeof w?.index === 'number') ? errors : null;
}

const asServerError = (w: WriteErrorShape) => ({ code: w.code, message: w.errmsg });

/**
 * `insertOnce` for many documents in one round trip: an unordered `insertMany`, and each
 * document's own answer — won, lost to a unique index (a duplicate: someone stored it first), or
 * failed. FerretDB 2's `deadlock detected` on a unique secondary index is tried again for the
 * documents it hit only, after a jittered pause (as `retryOnDeadlock`). An error of the whole
 * command (the database is away) fails every document not yet answered: some of them may have been
 * stored, which the caller learns as a duplicate when it tries again (as with `insertOnce`).
 */
export async function insertEachOnce<D>(
  model: Pick<Model<D>, 'collection'>,
  /** Complete documents, `_id` included, as stored: the driver's insert, no mongoose casting. */
  documents: D[],
  { attempts = 5, pauseMs = 25 }: DeadlockRetryOptions = {},
): Promise<EachInsert[]> {
  const results: EachInsert[] = new Array(documents.length);
  let pending = documents.map((_, index) => index);
  for (let attempt = 1; pending.length > 0; attempt++) {
    const tried = pending;
    pending = [];
    try {
      await model.collection.insertMany(
        tried.map((index) => documents[index] as Record<string, unknown>),
        { ordered: false },
      );
      for (const index of tried) results[index] = { won: true };
    } catch (error) {
      const writeErrors = writeErrorsOf(error);
      if (!writeErrors) {
        for (const index of tried) results[index] = { error };
        break;
      }
      const failed = new Map(writeErrors.map((w) => [w.index, w]));
      tried.forEach((index, position) => {
        const writeError = failed.get(position);
        if (!writeError) results[index] = { won: true };
        else if (isDuplicateKeyError(asServerError(writeError))) results[index] = { won: false };
        else if (isDeadlockError(asServerError(writeError)) && attempt < attempts)
          pending.push(index);
        else
          results[index] = {
            error: Object.assign(new Error(String(writeError.errmsg)), { code: writeError.code }),
          };
      });
      if (pending.length > 0)
        await new Promise((resolve) => setTimeout(resolve, Math.random() * pauseMs * 2 ** attempt));
    }
  }
  return results;
}
