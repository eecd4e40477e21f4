import mongoose from 'mongoose';
import { describe, expect, test } from 'vitest';
import { DEADLOCK_DETECTED, isDeadlockError, isDuplicateKeyError } from './errors.ts';

const { MongoBulkWriteError, MongoServerError } = mongoose.mongo;

// The messages as each engine words them (FerretDB 2.7 + DocumentDB 0.107; MongoDB 7).
const ferretDuplicate = () =>
  new MongoServerError({
    message: "Duplicate key violation on the requested collection: Index '_id_'",
    code: 11000,
  });
const mongoDuplicate = () =>
  new MongoServerError({
    message: 'E11000 duplicate key error collection: eligo.users index: emailNormalized_1',
    code: 11000,
    codeName: 'DuplicateKey',
  });
const ferretDeadlock = () =>
  new MongoServerError({ message: 'deadlock detected', code: DEADLOCK_DETECTED });
const bulk = (codes: number[]) =>
  new MongoBulkWriteError(
    {
      message: 'bulk write failed',
      code: codes[0],
      writeErrors: codes.map((code, index) => ({ code, index, errmsg: `code ${code}` })) as never,
    },
    {} as never,
  );

describe('isDuplicateKeyError', () => {
  test('is MongoDB and FerretDB 2 refusing a write because of a unique index (code 11000)', () => {
    expect(isDuplicateKeyError(mongoDuplicate())).toBe(true);
    expect(isDuplicateKeyError(ferretDuplicate())).toBe(true);
  });

  test('is a bulk write error only when every failed write was a duplicate', () => {
    expect(isDuplicateKeyError(bulk([11000]))).toBe(true);
    expect(isDuplicateKeyError(bulk([11000, 11000]))).toBe(true);
    // A duplicate first, then a real failure: the caller must not take it for "already there".
    expect(isDuplicateKeyError(bulk([11000, 121]))).toBe(false);
  });

  test('is not a deadlock, another server error, a message alone, or no error at all', () => {
    expect(isDuplicateKeyError(ferretDeadlock())).toBe(false);
    expect(isDuplicateKeyError(new MongoServerError({ message: 'validation', code: 121 }))).toBe(
      false,
    );
    expect(isDuplicateKeyError(new Error('E11000 duplicate key, in the text only'))).toBe(false);
    expect(isDuplicateKeyError(null)).toBe(false);
    expect(isDuplicateKeyError('E11000')).toBe(false);
  });
});

describe('isDeadlockError', () => {
  test("is FerretDB 2's `deadlock detected`, by code or by message", () => {
    expect(isDeadlockError(ferretDeadlock())).toBe(true);
    expect(isDeadlockError({ code: DEADLOCK_DETECTED })).toBe(true);
    expect(isDeadlockError(new Error('ERROR: deadlock detected (SQLSTATE 40P01)'))).toBe(true);
  });

  test('is not a duplicate key, another error, or no error', () => {
    expect(isDeadlockError(ferretDuplicate())).toBe(false);
    expect(isDeadlockError(new Error('timeout'))).toBe(false);
    expect(isDeadlockError(undefined)).toBe(false);
  });
});
