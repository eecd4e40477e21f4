import { afterEach, describe, expect, test, vi } from 'vitest';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@eligo/shared/http';
import { Type } from 'typebox';
import { defineRoute } from '@eligo/shared/routes';
import { TEXT_MESSAGES, TEXT_NOT_BLANK } from '@eligo/shared/text';
import { ApiError, call, onUnauthenticated } from './client.ts';

const getThing = defineRoute({
  method: 'GET',
  path: '/api/things/:id',
  summary: 'test route',
  access: 'public',
  params: Type.Object({ id: Type.String() }),
  query: Type.Object({ q: Type.Optional(Type.String()) }),
  response: Type.Object({ id: Type.String() }),
});
const createThing = defineRoute({
  method: 'POST',
  path: '/api/things',
  summary: 'test route',
  access: 'public',
  body: Type.Object({ name: Type.String() }),
  response: Type.Object({ id: Type.String() }),
});

function answer(status: number, body?: unknown, headers?: Record<string, string>) {
  const fetchMock = vi.fn(
    async (_url: string, _init?: RequestInit) =>
      new Response(body === undefined ? null : JSON.stringify(body), { status, headers }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe('api client', () => {
  test('builds the URL from params and query and returns the body', async () => {
    const fetchMock = answer(200, { id: 'a b' });
    await expect(call(getThing, { params: { id: 'a b' }, query: { q: 'x' } })).resolves.toEqual({
      id: 'a b',
    });
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/things/a%20b?q=x',
      expect.objectContaining({ method: 'GET' }),
    );
  });

  test('sends JSON bodies with the anti-CSRF header', async () => {
    const fetchMock = answer(200, { id: '1' });
    await call(createThing, { body: { name: 'n' } });
    const init = fetchMock.mock.calls[0]![1] as RequestInit;
    expect(init.body).toBe('{"name":"n"}');
    expect(init.headers).toMatchObject({
      'content-type': 'application/json',
      [CSRF_HEADER]: CSRF_HEADER_VALUE,
    });
  });

  test('turns the shared error body into an ApiError with details', async () => {
    answer(400, {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'bad',
      details: [{ path: '/body/name', message: 'required' }],
    });
    const error = await call(createThing, { body: { name: '' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      details: [{ path: '/body/name', message: 'required' }],
    });
  });

  test("text that is not text is refused before sending, with the server's words", async () => {
    const fetchMock = answer(200, { id: '1' });
    const invite = defineRoute({
      ...createThing,
      body: Type.Object({ name: Type.String({ pattern: TEXT_NOT_BLANK }) }),
    });
    const error = await call(invite, { body: { name: 'Paula\u0000Probe' } }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      details: [{ path: '/body/name', message: TEXT_MESSAGES.control_character }],
    });
    expect(fetchMock).not.toHaveBeenCalled();
    await call(invite, { body: { name: 'Paula 😀 Probe' } });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  test('a 429 carries Retry-After: how long until the action can be tried again', async () => {
    const refusal = { statusCode: 429, code: 'RATE_LIMITED', message: 'Try again in 2 minutes.' };
    answer(429, refusal, { 'retry-after': '120' });
    await expect(call(createThing, { body: { name: 'n' } })).rejects.toMatchObject({
      status: 429,
      message: 'Try again in 2 minutes.',
      retryAfterSeconds: 120,
    });
    answer(429, refusal, { 'retry-after': new Date(Date.now() + 90_000).toUTCString() });
    const dated = await call(createThing, { body: { name: 'n' } }).catch((e: unknown) => e);
    expect((dated as ApiError).retryAfterSeconds).toBeGreaterThan(80);
    expect((dated as ApiError).retryAfterSeconds).toBeLessThanOrEqual(90);
    answer(429, refusal);
    await expect(call(createThing, { body: { name: 'n' } })).rejects.toMatchObject({
      retryAfterSeconds: null,
    });
  });

  test('a 401 notifies the unauthenticated listeners', async () => {
    answer(401, { statusCode: 401, code: 'UNAUTHENTICATED', message: 'Please sign in' });
    const listener = vi.fn();
    const off = onUnauthenticated(listener);
    await call(getThing, { params: { id: '1' } }).catch(() => undefined);
    off();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  test('a network failure becomes a readable error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('fetch failed');
      }),
    );
    await expect(call(getThing, { params: { id: '1' } })).rejects.toMatchObject({
      status: 0,
      code: 'NETWORK',
    });
  });
});
