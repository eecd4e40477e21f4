// @vitest-environment node
import { mkdtemp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import type { ResolvedConfig } from 'vite';
import { precompress } from './precompress.ts';

async function build(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'eligo-precompress-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, 'dist', name)), { recursive: true });
    await writeFile(path.join(root, 'dist', name), text);
  }
  const plugin = precompress();
  const config = { root, build: { outDir: 'dist' } } as ResolvedConfig;
  (plugin.configResolved as (c: ResolvedConfig) => void)(config);
  await (plugin.writeBundle as () => Promise<void>)();
  return path.join(root, 'dist');
}

test('writes brotli and gzip copies that decode to the original, for text files only', async () => {
  const js = `console.log(${JSON.stringify('survey '.repeat(300))});`;
  const dist = await build({
    'index.html': `<!doctype html>${'<p>eligo</p>'.repeat(100)}`,
    'assets/app-1.js': js,
    'assets/app-1.css': `.a{color:red}`.repeat(100),
    'assets/tiny-2.js': 'export {};',
    'assets/photo-3.png': 'x'.repeat(2000),
    '.vite/manifest.json': JSON.stringify({ big: 'x'.repeat(2000) }),
  });
  expect((await readdir(path.join(dist, 'assets'))).sort()).toEqual([
    'app-1.css',
    'app-1.css.br',
    'app-1.css.gz',
    'app-1.js',
    'app-1.js.br',
    'app-1.js.gz',
    'photo-3.png',
    'tiny-2.js',
  ]);
  expect(await readdir(path.join(dist, '.vite'))).toEqual(['manifest.json']);
  const br = await readFile(path.join(dist, 'assets/app-1.js.br'));
  const gz = await readFile(path.join(dist, 'assets/app-1.js.gz'));
  expect(brotliDecompressSync(br).toString()).toBe(js);
  expect(gunzipSync(gz).toString()).toBe(js);
  expect(br.length).toBeLessThan(gz.length);
  expect((await readdir(dist)).sort()).toEqual([
    '.vite',
    'assets',
    'index.html',
    'index.html.br',
    'index.html.gz',
  ]);
});
