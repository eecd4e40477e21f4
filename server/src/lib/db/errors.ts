/**
 * How MongoDB and FerretDB 2 say that a write lost a race (docs/database.md). Classified by code:
 * messages differ between engines (MongoDB's `E11000 duplicate key error…`, FerretDB 2's
 * `Duplicate key violation on the requested collection…`) and may appear in any error's text.
 */

/** A unique index refused the write (both engines; 11001 is its pre-2.6 MongoDB twin). */
export const DUPLICATE_KEY = 11000;
const DUPLICATE_KEY_LEGACY = 11001;

/**
 * FerretDB 2 + DocumentDB may answer a race on a unique *secondary* index with PostgreSQL's
 * `deadlock detected` instead of a duplicate-key error. Nothing was written for that caller; the
 * same write tried again gives the real answer. Races on `_id` never get it.
 */
export const DEADLOCK_DETECTED = 16908292;

interface ServerErrorShape {
  code?: unknown;
  message?: unknown;
  writeErrors?: unknown;
}

const shapeOf = (error: unknown): ServerErrorShape | null =>
  typeof error === 'object' && error !== null ? (error as ServerErrorShape) : null;

const isDuplicateCode = (code: unknown) => code === DUPLICATE_KEY || code === DUPLICATE_KEY_LEGACY;

/**
 * True when a unique index refused the write: a `MongoServerError` with code 11000, or a bulk write
 * error (`insertMany`, `bulkWrite`) whose every failed write was refused so.
 */
export function isDuplicateKeyError(error: unknown): boolean {
  const shape = shapeOf(error);
  if (!shape) return false;
  // The driver's bulk error holds a list of write errors (one, in older drivers, unwrapped).
  const { writeErrors } = shape;
  const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
  if (list.length > 0) return list.every((w) => isDuplicateCode(shapeOf(w)?.code));
  return isDuplicateCode(shape.code);
}

/** True for FerretDB 2's `deadlock detected`, by its code or (wrapped) by its message. */
export function isDeadlockError(error: unknown): boolean {
  const shape = shapeOf(error);
  if (!shape) return false;
  if (shape.code === DEADLOCK_DETECTED) return true;
  return typeof shape.message === 'string' && /deadlock detected/i.test(shape.message);
}
