import { describe, expect, test } from 'vitest';
import { ErrorCode, errorStatus, genericCodeOfStatus, isErrorBody } from './errors.ts';

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

describe('the error table', () => {
  test.each(Object.values(ErrorCode))('%s has an HTTP error status', (code) => {
    const status = (errorStatus as Record<string, number | undefined>)[code];
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(600);
  });

  test('codes are unique and the table has no entry for a code that does not exist', () => {
    const codes = Object.values(ErrorCode);
    expect(new Set(codes).size).toBe(codes.length);
    expect(Object.keys(errorStatus).sort()).toEqual([...codes].sort());
  });

  test.each([
    [400, 'BAD_REQUEST'],
    [413, 'PAYLOAD_TOO_LARGE'],
    [415, 'UNSUPPORTED_MEDIA_TYPE'],
    [431, 'HEADERS_TOO_LARGE'],
    [418, undefined],
  ])('the generic code of %i is %s', (status, code) => {
    expect(genericCodeOfStatus(status)).toBe(code);
  });
});
