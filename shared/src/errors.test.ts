import { describe, expect, test } from 'vitest';
import { isErrorBody } from './errors.ts';

describe('isErrorBody', () => {
  test.each([
    [{ statusCode: 404, code: 'NOT_FOUND', message: 'Not found' }, true],
    [{ statusCode: 400, code: 'X', message: 'm', details: [] }, true],
    [{ statusCode: '404', code: 'NOT_FOUND', message: 'Not found' }, false],
    [{ code: 'NOT_FOUND', message: 'Not found' }, false],
    [null, false],
    ['error', false],
  ])('%o → %s', (value, expected) => {
    expect(isErrorBody(value)).toBe(expected);
  });
});
