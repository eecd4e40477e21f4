import { describe, expect, test } from 'vitest';
import { EIN_PATTERN } from '@eligo/shared/filing';
import { validationSentence } from '@eligo/shared/validation-text';
import { TEXT_MESSAGES, TEXT_NOT_BLANK } from '@eligo/shared/text';
import { EMAIL_PATTERN } from '@eligo/shared/schemas/common';
import { AppError } from './app-error.ts';
import { isDatabaseUnavailable, mapError, valueAtPointer } from './error-mapping.ts';

function named(name: string, message = 'boom'): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

describe('mapError', () => {
  test('an AppError keeps its status, code, message and details', () => {
    const details = [{ path: '/body/email', message: 'Fill in this field.', rule: 'required' }];
    const mapped = mapError(AppError.validation(details));
    expect(mapped.body).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Please correct the fields marked below.',
      details,
    });
    expect(mapped.isServerFault).toBe(false);
  });

  test('a capped list of CSV errors keeps their lines, columns and the total', () => {
    const details = [{ path: '/body/3/wages', line: 3, column: 'wages', message: 'is empty' }];
    const mapped = mapError(
      new AppError('CSV_INVALID', '700 rows have errors; nothing was imported', {
        details,
        totalDetails: 700,
      }),
    );
    expect(mapped.body).toEqual({
      statusCode: 400,
      code: 'CSV_INVALID',
      message: '700 rows have errors; nothing was imported',
      details,
      totalDetails: 700,
    });
  });

  test('a text rule says what is wrong with the value, read from the request', () => {
    const issue = (instancePath: string) => ({
      instancePath,
      message: 'must match pattern',
      params: { pattern: TEXT_NOT_BLANK },
    });
    const error = Object.assign(new Error('invalid'), {
      statusCode: 400,
      validationContext: 'body',
      validation: [issue('/name'), issue('/organizationName'), issue('/answers/city')],
    });
    const body = { name: 'Paula\u0000Probe', organizationName: '  ', answers: { city: 'x\ud800' } };
    expect(
      mapError(error, (context, pointer) => valueAtPointer({ body }[context], pointer)).body
        .details,
    ).toEqual([
      { path: '/body/name', message: TEXT_MESSAGES.control_character, rule: 'control_character' },
      { path: '/body/organizationName', message: TEXT_MESSAGES.blank, rule: 'blank' },
      {
        path: '/body/answers/city',
        message: TEXT_MESSAGES.broken_character,
        rule: 'broken_character',
      },
    ]);
  });

  test('schema validation errors become field paths and sentences for people', () => {
    const error = Object.assign(new Error('body/name must be string'), {
      statusCode: 400,
      validationContext: 'body',
      validation: [
        { keyword: 'type', instancePath: '/name', message: 'must be string', params: {} },
        {
          keyword: 'required',
          instancePath: '',
          message: "must have required property 'email'",
          params: { missingProperty: 'email' },
        },
        {
          keyword: 'additionalProperties',
          instancePath: '/answers',
          message: 'must NOT have additional properties',
          params: { additionalProperty: 'nope' },
        },
      ],
    });
    expect(mapError(error).body.details).toEqual([
      { path: '/body/name', message: 'This value is not valid.', rule: 'invalid' },
      { path: '/body/email', message: 'Fill in this field.', rule: 'required' },
      {
        path: '/body/answers/nope',
        message: 'This field is not expected here.',
        rule: 'unexpected',
      },
    ]);
  });

  test('one detail per field: the rule worth telling first', () => {
    const issue = (keyword: string, params: Record<string, unknown>) => ({
      keyword,
      instancePath: '/email',
      message: `must ${keyword}`,
      params,
    });
    const error = Object.assign(new Error('invalid'), {
      statusCode: 400,
      validationContext: 'body',
      validation: [
        issue('minLength', { limit: 3 }),
        issue('pattern', { pattern: EMAIL_PATTERN }),
        { keyword: 'minLength', instancePath: '/password', params: { limit: 8 } },
      ],
    });
    expect(mapError(error).body.details).toEqual([
      {
        path: '/body/email',
        message: 'Enter an email address like name@example.com.',
        rule: 'email',
      },
      {
        path: '/body/password',
        message: 'Use at least 8 characters.',
        rule: 'min_length',
        limit: 8,
      },
    ]);
  });

  test('a nullable field that breaks its pattern is told the pattern, not "choose an option"', () => {
    const error = Object.assign(new Error('invalid'), {
      statusCode: 400,
      validationContext: 'body',
      validation: [
        { keyword: 'pattern', instancePath: '/employer/ein', params: { pattern: EIN_PATTERN } },
        { keyword: 'type', instancePath: '/employer/ein', params: { type: 'null' } },
        { keyword: 'anyOf', instancePath: '/employer/ein', params: {} },
        { keyword: 'anyOf', instancePath: '/employer/state', params: {} },
      ],
    });
    expect(mapError(error).body.details).toEqual([
      { path: '/body/employer/ein', message: validationSentence('ein'), rule: 'ein' },
      // With nothing more precise about it, a union field is told to choose.
      { path: '/body/employer/state', message: 'Choose one of the options.', rule: 'choice' },
    ]);
  });

  test('a number sent as text is told to be a whole number', () => {
    const error = Object.assign(new Error('invalid'), {
      statusCode: 400,
      validationContext: 'body',
      validation: [
        {
          keyword: 'type',
          instancePath: '/employer/taxYearStartMonth',
          params: { type: 'integer' },
        },
      ],
    });
    expect(mapError(error).body.details).toEqual([
      {
        path: '/body/employer/taxYearStartMonth',
        message: 'Enter a whole number.',
        rule: 'whole_number',
      },
    ]);
  });

  test('unknown errors hide their message behind a 500', () => {
    const mapped = mapError(new Error('secret connection string mongodb://user:pw@host'));
    expect(mapped.body).toEqual({
      statusCode: 500,
      code: 'INTERNAL',
      message: 'Internal server error',
    });
    expect(mapped.isServerFault).toBe(true);
  });

  test.each([
    [413, 'PAYLOAD_TOO_LARGE'],
    [415, 'UNSUPPORTED_MEDIA_TYPE'],
    [429, 'RATE_LIMITED'],
    [404, 'NOT_FOUND'],
  ])('Fastify client errors with status %i map to %s', (statusCode, code) => {
    const mapped = mapError(Object.assign(new Error('x'), { statusCode }));
    expect(mapped.body).toMatchObject({ statusCode, code });
  });

  test('a 5xx from Fastify is still hidden', () => {
    expect(
      mapError(Object.assign(new Error('internal detail'), { statusCode: 502 })).body.message,
    ).toBe('Internal server error');
  });

  test('database outages become 503 with Retry-After', () => {
    const mapped = mapError(named('MongoServerSelectionError'));
    expect(mapped.body.statusCode).toBe(503);
    expect(mapped.headers).toEqual({ 'retry-after': '5' });
  });
});

/** A server's error reply as the driver raises it (`MongoServerError` with a code). */
function serverError(code: number, message: string, codeName = 'InternalError'): Error {
  return Object.assign(named('MongoServerError', message), { code, codeName });
}

describe('isDatabaseUnavailable', () => {
  test.each([
    [named('MongoServerSelectionError'), true],
    [named('MongooseServerSelectionError'), true],
    [named('MongoNetworkError'), true],
    [named('MongoNetworkTimeoutError'), true],
    [named('MongoNotConnectedError'), true],
    [named('MongoPoolClearedError'), true],
    [named('MongoWaitQueueTimeoutError'), true],
    [named('MongoServerClosedError'), true],
    [new Error('Operation `users.find()` buffering timed out after 10000ms'), true],
    [named('MongoServerError'), false],
    [new Error('nope'), false],
    ['string', false],
  ])('%o → %s', (error, expected) => {
    expect(isDatabaseUnavailable(error)).toBe(expected);
  });

  // What FerretDB 2 answered (code 1, InternalError) with its PostgreSQL killed (SIGKILL), stopped
  // (SIGINT) and refusing connections: seen in a run against FerretDB 2.7 / PostgreSQL 15.
  test.each([
    'terminating connection due to unexpected postmaster exit',
    'terminating connection due to administrator command',
    'msg_find.go:43 (handler.(*Handler).msgFind): pool_cursors.go:132 (documentdb.(*Pool).Find): pool.go:90 (documentdb.(*Pool).Acquire): failed to connect to `user=postgres database=postgres`:\n\t127.0.0.1:22795 (127.0.0.1): dial error: dial tcp 127.0.0.1:22795: connect: connection refused',
    'FATAL: the database system is starting up (SQLSTATE 57P03)',
    'FATAL: the database system is shutting down (SQLSTATE 57P03)',
    'FATAL: sorry, too many clients already (SQLSTATE 53300)',
    'unexpected EOF',
  ])('FerretDB with its PostgreSQL gone: %s', (message) => {
    expect(isDatabaseUnavailable(serverError(1, message))).toBe(true);
    expect(mapError(serverError(1, message)).body).toMatchObject({
      statusCode: 503,
      code: 'SERVICE_UNAVAILABLE',
    });
  });

  test.each([
    [91, 'ShutdownInProgress'],
    [189, 'PrimarySteppedDown'],
    [10107, 'NotWritablePrimary'],
    [11600, 'InterruptedAtShutdown'],
    [11602, 'InterruptedDueToReplStateChange'],
    [13435, 'NotPrimaryNoSecondaryOk'],
  ])('MongoDB without a primary: code %i (%s)', (code, codeName) => {
    expect(isDatabaseUnavailable(serverError(code, 'no primary', codeName))).toBe(true);
  });

  test("a socket's raw failure (the driver writing to a connection just reset) counts", () => {
    const reset = Object.assign(new Error('write ECONNRESET'), {
      code: 'ECONNRESET',
      syscall: 'write',
      errno: -104,
    });
    expect(isDatabaseUnavailable(reset)).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBe(
      false,
    );
  });

  test('an unavailable database behind a wrapping error (cause) still counts', () => {
    const wrapped = new Error('the inbox write failed', { cause: named('MongoNetworkError') });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
  });

  test.each([
    serverError(1, 'invalid $set path'),
    serverError(11000, 'E11000 duplicate key error', 'DuplicateKey'),
    serverError(2, 'connection refused (but a bad value)', 'BadValue'),
  ])('other server errors stay 500: %o', (error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
