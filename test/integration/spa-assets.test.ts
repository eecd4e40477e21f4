import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
const script = `export const answer = ${JSON.stringify('eligo '.repeat(400))};`;
const page = `<!doctype html><title>Eligo</title><div id="app"></div>${' '.repeat(600)}`;

beforeAll(async () => {
  // A stand-in for web/dist as `vite build` writes it: each file with its .br and .gz copies.
  const webDir = await mkdtemp(path.join(os.tmpdir(), 'eligo-web-'));
  await mkdir(path.join(webDir, 'assets'));
  const withCopies = async (file: string, text: string) => {
    await writeFile(file, text);
    await writeFile(`${file}.br`, brotliCompressSync(text));
    await writeFile(`${file}.gz`, gzipSync(text));
  };
  await withCopies(path.join(webDir, 'index.html'), page);
  await withCopies(path.join(webDir, 'assets', 'app-1234.js'), script);
  // Too small to be worth compressing: the build writes no copies.
  await writeFile(path.join(webDir, 'assets', 'tiny-5678.js'), 'export {};');
  t = await createTestApp(import.meta.filename, { env: { WEB_DIST_DIR: webDir } });
});
afterAll(() => t?.close());

const get = (url: string, acceptEncoding?: string) =>
  t.app.inject({
    method: 'GET',
    url,
    headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
  });

describe('precompressed assets', () => {
  test.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['br;q=1.0, gzip;q=0.8', 'br'],
    ['gzip, deflate', 'gzip'],
    ['identity', undefined],
    [undefined, undefined],
  ])(
    'Accept-Encoding %s → Content-Encoding %s, same bytes once decoded',
    async (accept, chosen) => {
      const res = await get('/assets/app-1234.js', accept);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe(chosen);
      expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
      expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const decoded =
        chosen === 'br'
          ? brotliDecompressSync(res.rawPayload)
          : chosen === 'gzip'
            ? gunzipSync(res.rawPayload)
            : res.rawPayload;
      expect(decoded.toString()).toBe(script);
      if (chosen) expect(res.rawPayload.length).toBeLessThan(script.length / 4);
    },
  );

  test('a file without compressed copies is sent as it is', async () => {
    const res = await get('/assets/tiny-5678.js', 'gzip, br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe('export {};');
  });

  test('the page (a deep link) comes compressed too, but is always revalidated', async () => {
    const res = await get('/survey/some-token', 'gzip, br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(page);
  });

  test('a missing asset (a source map, a file of an older build) is a 404, not the page', async () => {
    for (const url of ['/assets/app-1234.js.map', '/assets/app-0000.js']) {
      const res = await get(url, 'br');
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    }
  });
});
