import { describe, expect, test } from 'vitest';
import {
  DEADLOCK_DETECTED,
  isDeadlockError,
  isDuplicateKeyError,
  retryOnDeadlock,
} from './unique-insert.ts';

const deadlock = () => Object.assign(new Error('deadlock detected'), { code: DEADLOCK_DETECTED });
const duplicate = () => Object.assign(new Error('E11000 duplicate key'), { code: 11000 });

describe('isDuplicateKeyError', () => {
  test('is the unique-index refusal (11000) and nothing else', () => {
    expect(isDuplicateKeyError(duplicate())).toBe(true);
    expect(isDuplicateKeyError(deadlock())).toBe(false);
    expect(isDuplicateKeyError(new Error('E11000 in the text only'))).toBe(false);
    expect(isDuplicateKeyError(null)).toBe(false);
  });
});

describe('retryOnDeadlock', () => {
  test('tries again after `deadlock detected` and returns what the insert finally gives', async () => {
    let calls = 0;
    const result = await retryOnDeadlock(async () => {
      calls++;
      if (calls < 3) throw deadlock();
      return 'stored';
    });
    expect(result).toBe('stored');
    expect(calls).toBe(3);
  });

  test('passes a duplicate-key error (the real answer to a lost race) straight through', async () => {
    let calls = 0;
    const insert = async () => {
      calls++;
      throw calls === 1 ? deadlock() : duplicate();
    };
    await expect(retryOnDeadlock(insert)).rejects.toMatchObject({ code: 11000 });
    expect(calls).toBe(2);
  });

  test('gives up after the given attempts with the deadlock error', async () => {
    let calls = 0;
    const insert = async () => {
      calls++;
      throw deadlock();
    };
    await expect(retryOnDeadlock(insert, { attempts: 3, pauseMs: 1 })).rejects.toMatchObject({
      code: DEADLOCK_DETECTED,
    });
    expect(calls).toBe(3);
  });

  test('recognises the error by code or by message', () => {
    expect(isDeadlockError({ code: DEADLOCK_DETECTED })).toBe(true);
    expect(isDeadlockError(new Error('ERROR: deadlock detected (SQLSTATE 40P01)'))).toBe(true);
    expect(isDeadlockError(duplicate())).toBe(false);
    expect(isDeadlockError(undefined)).toBe(false);
  });
});
