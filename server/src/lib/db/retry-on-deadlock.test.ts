import { describe, expect, test } from 'vitest';
import { DEADLOCK_DETECTED } from './errors.ts';
import { retryOnDeadlock } from './retry-on-deadlock.ts';

const deadlock = (n = 0) =>
  Object.assign(new Error(`deadlock detected (try ${n})`), { code: DEADLOCK_DETECTED });
const duplicate = () => Object.assign(new Error('E11000 duplicate key'), { code: 11000 });

describe('retryOnDeadlock', () => {
  test('tries again after `deadlock detected` and returns what the write finally gives', async () => {
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
    const write = async () => {
      calls++;
      throw calls === 1 ? deadlock() : duplicate();
    };
    await expect(retryOnDeadlock(write)).rejects.toMatchObject({ code: 11000 });
    expect(calls).toBe(2);
  });

  test('gives up after its budget of tries, throwing the last deadlock', async () => {
    let calls = 0;
    const write = async () => {
      calls++;
      throw deadlock(calls);
    };
    await expect(retryOnDeadlock(write, { attempts: 3, pauseMs: 1 })).rejects.toThrow(
      'deadlock detected (try 3)',
    );
    expect(calls).toBe(3);
  });

  test('does not retry any other error', async () => {
    let calls = 0;
    const write = async () => {
      calls++;
      throw new Error('connection closed');
    };
    await expect(retryOnDeadlock(write)).rejects.toThrow('connection closed');
    expect(calls).toBe(1);
  });

  test('pauses a random (jittered) time below pauseMs · 2^n before try n + 1', async () => {
    const random = Math.random;
    const starts: number[] = [];
    Math.random = () => 0.999;
    try {
      await retryOnDeadlock(
        async () => {
          starts.push(performance.now());
          if (starts.length < 3) throw deadlock();
        },
        { pauseMs: 20 },
      );
    } finally {
      Math.random = random;
    }
    // Near the cap: ≈ 40 ms before try 2, ≈ 80 ms before try 3.
    expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(35);
    expect(starts[2]! - starts[1]!).toBeGreaterThanOrEqual(75);
  });
});
