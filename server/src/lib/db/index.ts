/**
 * The database helpers every module and plugin uses (docs/database.md): how a lost race looks,
 * first-one-wins inserts (one, or many in one round trip), FerretDB 2's deadlock retry, leases, boot-time index creation, and
 * the stored copies of derived views, with the revisions they are keyed on.
 */
export {
  DEADLOCK_DETECTED,
  DUPLICATE_KEY,
  isDeadlockError,
  isDuplicateKeyError,
} from './errors.ts';
export { insertOnce, type InsertOnceResult } from './insert-once.ts';
export { insertEachOnce, type EachInsert } from './insert-each-once.ts';
export { updateCreatingFirst } from './update-creating-first.ts';
export { retryOnDeadlock, type DeadlockRetryOptions } from './retry-on-deadlock.ts';
export { INSTANCE_ID, leaseSchema, leases, type Lease, type Leases } from './leases.ts';
export { assertIndexesInPlace, ensureIndexes, retireIndex } from './indexes.ts';
export { revisions, type RevisionKind } from './revisions.ts';
export { throughCopy, throughCopyJson, type DerivedView } from './derived-copy.ts';
export { derivedCopyModel } from './derived-copy.model.ts';
