import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Value from 'typebox/value';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inject } from 'vitest';
import { errorBodySchema } from '@eligo/shared/errors';
import { createTestApp, type TestApp } from '../support/app.ts';
import { hostAndPort, startTcpProxy } from '../support/tcp-proxy.ts';

let t: TestApp;
let webDir: string;

beforeAll(async () => {
  // A stand-in for web/dist, so this suite does not depend on a web build.
  webDir = await mkdtemp(path.join(os.tmpdir(), 'eligo-web-'));
  await mkdir(path.join(webDir, 'assets'));
  await writeFile(
    path.join(webDir, 'index.html'),
    '<!doctype html><title>Eligo</title><div id="app"></div>',
  );
  await writeFile(path.join(webDir, 'assets', 'app-1234.js'), 'console.log("eligo")');
  t = await createTestApp(import.meta.filename, { env: { WEB_DIST_DIR: webDir } });
});
afterAll(() => t?.close());

describe('health, readiness and docs', () => {
  test('GET /api/health answers 200 {status: ok}', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  test('GET /api/ready answers 200 when the database answers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready', database: 'up' });
  });

  test('/api/docs/json is an OpenAPI document listing the routes with their summaries', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/health'].get.summary).toBe('Liveness: the process is up');
    expect(doc.paths['/api/ready'].get.responses).toHaveProperty('200');
  });

  test('/api/docs serves the documentation page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });
});

describe('not found and the SPA', () => {
  test.each(['/api/nope', '/api/', '/api/health/extra'])(
    '%s answers a JSON 404 in the shared error shape',
    async (url) => {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/json');
      const body = res.json();
      expect(Value.Check(errorBodySchema, body)).toBe(true);
      expect(body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    },
  );

  test.each(['/', '/anything', '/survey/abc', '/account/users?tab=x'])(
    'GET %s serves the SPA (history fallback)',
    async (url) => {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('<div id="app"></div>');
    },
  );

  test('built assets are served with long caching; the page itself is revalidated', async () => {
    const asset = await t.app.inject({ method: 'GET', url: '/assets/app-1234.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    // A script gets the headers that apply to it; the document-only ones stay on pages.
    expect(asset.headers['x-content-type-options']).toBe('nosniff');
    expect(asset.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(asset.headers['referrer-policy']).toBe('no-referrer');
    expect(asset.headers['content-security-policy']).toBeUndefined();
    // Never revalidated (its name changes with its content): no validators to send.
    expect(asset.headers.etag).toBeUndefined();
    expect(asset.headers['last-modified']).toBeUndefined();
    const page = await t.app.inject({ method: 'GET', url: '/somewhere' });
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers.etag).toBeDefined();
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['permissions-policy']).toContain('camera=()');
  });

  test('a POST to a non-API path is a 404, not the SPA', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/anything', payload: {} });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
  });
});

describe('security headers', () => {
  test('every response carries CSP, nosniff and no-referrer; API answers are not cached', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("object-src 'none'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("base-uri 'none'");
    // HSTS only over HTTPS (request-hygiene.test.ts).
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

describe('logging', () => {
  test('request logs carry method and URL but never cookies, authorization or survey tokens', async () => {
    await t.app.inject({
      method: 'GET',
      url: '/survey/very-secret-token-123',
      headers: { cookie: 'sid=cookie-secret-456', authorization: 'Bearer bearer-secret-789' },
    });
    const text = JSON.stringify(t.logs);
    expect(text).toContain('/survey/[token]');
    for (const secret of ['very-secret-token-123', 'cookie-secret-456', 'bearer-secret-789']) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('when the database goes away', () => {
  test('/api/ready answers 503 in the shared shape, then 200 again once it is back, without a restart', async () => {
    const target = hostAndPort(inject('mongoUri'));
    const proxy = await startTcpProxy(target.host, target.port);
    const viaProxy = await createTestApp(import.meta.filename, {
      mongoUri: `mongodb://127.0.0.1:${proxy.port}`,
      serverSelectionTimeoutMS: 1_000,
    });
    try {
      expect((await viaProxy.app.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(
        200,
      );
      await proxy.cut();
      const down = await viaProxy.app.inject({ method: 'GET', url: '/api/ready' });
      expect(down.statusCode).toBe(503);
      expect(down.json()).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
      expect((await viaProxy.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(
        200,
      );
      await proxy.restore();
      await expect
        .poll(
          async () => (await viaProxy.app.inject({ method: 'GET', url: '/api/ready' })).statusCode,
          { timeout: 20_000, interval: 250 },
        )
        .toBe(200);
    } finally {
      await viaProxy.close();
      await proxy.close();
    }
  });
});
