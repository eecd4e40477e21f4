import { existsSync } from 'node:fs';
import {
  appendFile,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  writeFile,
} from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { run } from '../../processes.ts';
import { buildOptionsFromEnv } from './settings.ts';
import { obtainSource, SOURCES, unpack, type PinnedSource } from './sources.ts';

/**
 * The download path of the engine build, against a local HTTP server (no internet here) that serves
 * the vendored archives as an exact mirror would, and re-packed the way GitHub's tarball endpoint
 * packs a commit (another top folder, the folders the vendored archive leaves out, another gzip).
 */
const { vendorDir } = buildOptionsFromEnv();
const haveVendor = existsSync(vendorDir);
const byName = (name: string) => SOURCES.find((s) => s.name === name)!;

let work: string;
let server: http.Server;
let base: string;
const routes = new Map<string, Buffer>();

async function githubStyle(source: PinnedSource, tamper = false): Promise<Buffer> {
  const dir = await mkdtemp(path.join(work, 'pack-'));
  const top = await unpack(path.join(vendorDir, source.archive), path.join(dir, 'x'));
  const renamed = path.join(dir, `${source.repo}-${source.commit}`);
  await rename(top, renamed);
  for (const extra of source.omit) {
    await mkdir(path.join(renamed, extra), { recursive: true });
    await writeFile(path.join(renamed, extra, 'README'), 'left out of the vendored archive\n');
  }
  if (tamper) await appendFile(path.join(renamed, 'Makefile'), '\n# one more line\n');
  const out = path.join(dir, 'out.tar.gz');
  await run('tar', ['-czf', out, '-C', dir, path.basename(renamed)]);
  return readFile(out);
}

beforeAll(async () => {
  if (!haveVendor) return;
  work = await mkdtemp(path.join(os.tmpdir(), 'eligo-sources-'));
  for (const source of SOURCES) {
    routes.set(`/mirror/${source.archive}`, await readFile(path.join(vendorDir, source.archive)));
    const codeload = `/${source.owner}/${source.repo}/tar.gz/${source.commit}`;
    routes.set(codeload, await githubStyle(source));
    routes.set(`/tampered${codeload}`, await githubStyle(source, true));
  }
  server = http.createServer((req, res) => {
    const body = routes.get(req.url ?? '');
    res.writeHead(body ? 200 : 404).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

const where = (urlTemplate: string) => ({
  vendorDir: path.join(work, 'no-vendor-folder'),
  urlTemplate,
  workDir: path.join(work, `cache-${Math.random().toString(36).slice(2)}`),
});

describe.skipIf(!haveVendor)(`engine sources (vendored archives in ${vendorDir})`, () => {
  test.each(SOURCES.map((s) => s.name))(
    '%s: an exact mirror of the vendor folder is accepted by the archive SHA-256',
    async (name) => {
      const top = await obtainSource(byName(name), where(`${base}/mirror/{archive}`));
      expect(await readdir(top)).toContain('Makefile');
    },
    60_000,
  );

  test.each(SOURCES.map((s) => s.name))(
    "%s: GitHub's tarball of the pinned commit is accepted by the content hash",
    async (name) => {
      const top = await obtainSource(byName(name), where(`${base}/{owner}/{repo}/tar.gz/{commit}`));
      expect(path.basename(top)).toBe(`${byName(name).repo}-${byName(name).commit}`);
    },
    60_000,
  );

  test('a changed file is refused, naming both hashes, and nothing is left to build', async () => {
    const source = byName('pg_cron');
    const place = where(`${base}/tampered/{owner}/{repo}/tar.gz/{commit}`);
    await expect(obtainSource(source, place)).rejects.toThrow(
      new RegExp(`neither the archive SHA-256 .*${source.sha256}.*${source.treeSha256}`),
    );
    expect(existsSync(path.join(place.workDir, 'src', source.name))).toBe(false);
  });

  test('a vendored archive that does not match its pinned SHA-256 is refused', async () => {
    const fakeVendor = path.join(work, 'fake-vendor');
    await mkdir(fakeVendor, { recursive: true });
    const source = byName('pgvector');
    await writeFile(
      path.join(fakeVendor, source.archive),
      routes.get(`/tampered/${source.owner}/${source.repo}/tar.gz/${source.commit}`)!,
    );
    await expect(
      obtainSource(source, { ...where(`${base}/mirror/{archive}`), vendorDir: fakeVendor }),
    ).rejects.toThrow(/does not match the pinned/);
  });

  test('a download that fails names the URL and its status', async () => {
    await expect(
      obtainSource(byName('pg_cron'), where(`${base}/missing/{archive}`)),
    ).rejects.toThrow(/missing\/pg_cron-16618e69cb38\.tar\.gz answered 404/);
  });
});
