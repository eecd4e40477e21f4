import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { SCHEMA_WORDING } from '@eligo/shared/validation-text';
import { ApiError } from '../api/client.ts';
import { detailText, useSubmit } from './useSubmit.ts';

describe('useSubmit', () => {
  test('returns the result and clears errors on success', async () => {
    const submit = useSubmit();
    expect(await submit.run(async () => 42)).toBe(42);
    expect(submit.error.value).toBeNull();
    expect(submit.pending.value).toBe(false);
  });

  test('keeps the message and maps field details to field names', async () => {
    const submit = useSubmit();
    const result = await submit.run(async () => {
      throw new ApiError(400, 'VALIDATION_FAILED', 'Please correct the fields marked below.', [
        { path: '/body/email', message: 'Enter an email address like name@example.com.' },
        { path: '/body/password', message: 'Use at least 8 characters.' },
        { path: '/body/password', message: 'Use at most 256 characters.' },
      ]);
    });
    expect(result).toBeUndefined();
    expect(submit.error.value).toBe('Please correct the fields marked below.');
    expect(submit.fieldErrors.value).toEqual({
      email: 'Enter an email address like name@example.com.',
      password: 'Use at least 8 characters.',
    });
  });
});

describe('detailText: no schema wording reaches a screen', () => {
  test.each([
    [
      {
        path: '/body/password',
        message: 'must NOT have fewer than 8 characters',
        rule: 'min_length',
        limit: 8,
      },
      'Use at least 8 characters.',
    ],
    [
      { path: '/body/email', message: 'must match pattern "^[^\\s@]+@"', rule: 'email' },
      'Enter an email address like name@example.com.',
    ],
    [{ path: '/body/x', message: 'must be string' }, 'This value is not valid.'],
    [{ path: '/body/x', message: 'must be string', rule: 'invented' }, 'This value is not valid.'],
    [{ path: '/body/name', message: 'Fill in this field.', rule: 'blank' }, 'Fill in this field.'],
  ])('%o → %s', (detail, expected) => {
    expect(detailText(detail)).toBe(expected);
    expect(detailText(detail)).not.toMatch(SCHEMA_WORDING);
  });
});

describe('useSubmit after "too many, try again later" (429 with Retry-After)', () => {
  const tooMany = (details: { path: string; message: string }[] = []) =>
    new ApiError(
      429,
      'RATE_LIMITED',
      'You can send more in 2 minutes.',
      details,
      details.length,
      120,
    );

  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('blocks the action until then, with the sentence as the error', async () => {
    const submit = useSubmit();
    await submit.run(async () => {
      throw tooMany();
    });
    expect(submit.error.value).toBe('You can send more in 2 minutes.');
    expect(submit.blocked()).toBe(true);
    expect(submit.blocked('any scope')).toBe(true);
    await vi.advanceTimersByTimeAsync(119_000);
    expect(submit.blocked()).toBe(true);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(submit.blocked()).toBe(false);
  });

  test('a refusal about one value blocks only that value', async () => {
    const submit = useSubmit();
    await submit.run(async () => {
      throw tooMany([{ path: '/body/email', message: 'this address' }]);
    }, 'a@example.com');
    expect(submit.blocked('a@example.com')).toBe(true);
    expect(submit.blocked('b@example.com')).toBe(false);
    expect(submit.fieldErrors.value).toEqual({});
    await vi.advanceTimersByTimeAsync(120_000);
    expect(submit.blocked('a@example.com')).toBe(false);
  });

  test('other failures block nothing', async () => {
    const submit = useSubmit();
    await submit.run(async () => {
      throw new ApiError(429, 'RATE_LIMITED', 'no Retry-After');
    });
    await submit.run(async () => {
      throw new ApiError(409, 'CONFLICT', 'taken');
    });
    expect(submit.blocked()).toBe(false);
  });
});
