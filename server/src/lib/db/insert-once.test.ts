import { describe, expect, test } from 'vitest';
import { DEADLOCK_DETECTED } from './errors.ts';
import { insertOnce } from './insert-once.ts';

const deadlock = () => Object.assign(new Error('deadlock detected'), { code: DEADLOCK_DETECTED });
const duplicate = () => Object.assign(new Error('E11000 duplicate key'), { code: 11000 });

describe('insertOnce', () => {
  test('won, with what the insert returned', async () => {
    expect(await insertOnce(async () => ({ _id: 'a' }))).toEqual({
      won: true,
      value: { _id: 'a' },
    });
  });

  test('lost when a unique index refused the insert', async () => {
    expect(
      await insertOnce(async () => {
        throw duplicate();
      }),
    ).toEqual({ won: false });
  });

  test('retries `deadlock detected` until the real answer comes', async () => {
    const answers = [deadlock(), deadlock(), duplicate()];
    let calls = 0;
    const result = await insertOnce(async () => {
      throw answers[calls++];
    });
    expect(result).toEqual({ won: false });
    expect(calls).toBe(3);
  });

  test('throws any other error, and a deadlock that outlasts the budget', async () => {
    await expect(
      insertOnce(async () => {
        throw new Error('not primary');
      }),
    ).rejects.toThrow('not primary');
    await expect(
      insertOnce(
        async () => {
          throw deadlock();
        },
        { attempts: 2, pauseMs: 1 },
      ),
    ).rejects.toMatchObject({ code: DEADLOCK_DETECTED });
  });
});
