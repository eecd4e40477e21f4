import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { retryDelayMs, useSessionStore } from './session.store.ts';

const me = {
  user: { id: 'a'.repeat(24), name: 'Ada', email: 'ada@example.com', role: 'admin' },
  organization: { id: 'b'.repeat(24), name: 'Acme' },
};

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}
const unavailable = () =>
  json(503, {
    statusCode: 503,
    code: 'SERVICE_UNAVAILABLE',
    message: 'The service is temporarily unavailable, please retry',
  });

describe('session store', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.useFakeTimers();
    vi.stubGlobal('fetch', fetchMock);
    fetchMock.mockReset();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  test('a signed-in session is loaded', async () => {
    fetchMock.mockResolvedValueOnce(json(200, { me }));
    const session = useSessionStore();
    await session.ensureLoaded();
    expect(session).toMatchObject({ loaded: true, unreachable: false, isAuthenticated: true });
  });

  test('a 401 means signed out: known, not retried', async () => {
    fetchMock.mockResolvedValue(
      json(401, { statusCode: 401, code: 'UNAUTHENTICATED', message: 'Please sign in' }),
    );
    const session = useSessionStore();
    await session.ensureLoaded();
    expect(session).toMatchObject({ loaded: true, unreachable: false, isAuthenticated: false });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  test('a 503 while the database restarts: unreachable, then recovers by itself', async () => {
    fetchMock
      .mockResolvedValueOnce(unavailable())
      .mockResolvedValueOnce(unavailable())
      .mockResolvedValueOnce(json(200, { me }));
    const session = useSessionStore();
    await session.ensureLoaded();
    expect(session).toMatchObject({ loaded: false, unreachable: true, isAuthenticated: false });

    await vi.advanceTimersByTimeAsync(retryDelayMs(1));
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(session.unreachable).toBe(true);

    await vi.advanceTimersByTimeAsync(retryDelayMs(2));
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(session).toMatchObject({ loaded: true, unreachable: false, isAuthenticated: true });
  });

  test('a network error: unreachable, and "try now" asks again at once', async () => {
    fetchMock
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(json(200, { me: null }));
    const session = useSessionStore();
    await session.ensureLoaded();
    expect(session.unreachable).toBe(true);
    await session.retryNow();
    expect(session).toMatchObject({ loaded: true, unreachable: false, isAuthenticated: false });
    // The scheduled retry was cancelled: nothing more is asked.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  test('retries back off, up to 15 seconds apart', () => {
    expect([1, 2, 3, 4, 5, 10].map(retryDelayMs)).toEqual([1000, 2000, 4000, 8000, 15000, 15000]);
  });
});
