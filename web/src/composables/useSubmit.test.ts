import { describe, expect, test } from 'vitest';
import { ApiError } from '../api/client.ts';
import { useSubmit } from './useSubmit.ts';

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
      throw new ApiError(400, 'VALIDATION_FAILED', 'Some fields are not valid', [
        { path: '/body/email', message: 'must match format' },
        { path: '/body/password', message: 'is too short' },
      ]);
    });
    expect(result).toBeUndefined();
    expect(submit.error.value).toBe('Some fields are not valid');
    expect(submit.fieldErrors.value).toEqual({
      email: 'must match format',
      password: 'is too short',
    });
  });
});
