import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import helmet from 'helmet';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import securityPlugin, { HELMET_OPTIONS, helmetHeaders } from './security.ts';

/** What helmet itself writes on a real Node response when it runs per request. */
async function headersHelmetWritesPerRequest(): Promise<Record<string, string>> {
  const middleware = helmet(HELMET_OPTIONS);
  const server: Server = createServer((req, res) => {
    middleware(req, res, () => res.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/`);
    const written: Record<string, string> = {};
    const framing = new Set([
      'date',
      'connection',
      'keep-alive',
      'content-length',
      'transfer-encoding',
    ]);
    response.headers.forEach((value, name) => {
      if (!framing.has(name)) written[name] = value;
    });
    return written;
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('security headers computed once', () => {
  test('are exactly the headers helmet writes when it runs on each response', async () => {
    expect(helmetHeaders()).toEqual(await headersHelmetWritesPerRequest());
  });

  const app = Fastify();
  beforeAll(async () => {
    await app.register(securityPlugin);
    app.get('/api/fine', async () => ({ ok: true }));
    app.get('/api/cached', async (_request, reply) =>
      reply.header('cache-control', 'max-age=60').send({}),
    );
    app.get('/api/broken', async () => {
      throw new Error('boom');
    });
    app.get('/page', async () => 'page');
    await app.ready();
  });
  afterAll(() => app.close());

  test.each(['/api/fine', '/api/broken', '/api/nowhere', '/page'])(
    '%s (answered, failed or not found) carries all of them and the Permissions-Policy',
    async (url) => {
      const res = await app.inject({ method: 'GET', url });
      for (const [name, value] of Object.entries(helmetHeaders()))
        expect(res.headers[name]).toBe(value);
      expect(res.headers['permissions-policy']).toContain('camera=()');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    },
  );

  test('API answers are not cached unless the route says otherwise; pages are left alone', async () => {
    expect((await app.inject({ url: '/api/fine' })).headers['cache-control']).toBe('no-store');
    expect((await app.inject({ url: '/api/cached' })).headers['cache-control']).toBe('max-age=60');
    expect((await app.inject({ url: '/page' })).headers['cache-control']).toBeUndefined();
  });
});
