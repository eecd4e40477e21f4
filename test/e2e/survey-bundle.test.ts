import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '@eligo/server/dev/paths';

/** What `vite build` wrote to web/dist/.vite/manifest.json, per source module. */
interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

const dist = path.join(repoRoot, 'web', 'dist');
const manifestFile = path.join(dist, '.vite', 'manifest.json');
const SURVEY = 'src/features/survey/SurveyView.vue';
const BUDGET = 100 * 1024;

function loadManifest(): Record<string, ManifestChunk> {
  if (!existsSync(manifestFile))
    throw new Error('web/dist is missing its manifest: run "pnpm build"');
  return JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>;
}

/** The chunks a page needs before it can show anything: entries and their static imports. */
function staticClosure(manifest: Record<string, ManifestChunk>, roots: string[]): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) visit(next);
  };
  roots.forEach(visit);
  return [...seen];
}

const gzipSize = (file: string) => gzipSync(readFileSync(path.join(dist, file))).length;

describe('the survey bundle', () => {
  const manifest = loadManifest();
  const keys = staticClosure(manifest, ['index.html', SURVEY]);
  const files = [
    'index.html',
    ...new Set(keys.flatMap((key) => [manifest[key]!.file, ...(manifest[key]!.css ?? [])])),
  ];
  const sizes = Object.fromEntries(files.map((file) => [file, gzipSize(file)]));
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);

  test('the survey is its own lazily loaded chunk', () => {
    expect(manifest[SURVEY]?.isDynamicEntry).toBe(true);
    expect(manifest['index.html']?.dynamicImports).toContain(SURVEY);
  });

  test(`/survey/<token> loads under ${BUDGET / 1024} KB of JS and CSS (gzip) before it can render`, () => {
    console.log(
      `[survey bundle] ${(total / 1024).toFixed(1)} KB gzip:\n${Object.entries(sizes)
        .map(([file, size]) => `  ${(size / 1024).toFixed(1).padStart(6)} KB  ${file}`)
        .join('\n')}`,
    );
    expect(files.some((file) => file.endsWith('.css'))).toBe(true);
    expect(total).toBeLessThan(BUDGET);
  });

  test('it loads none of the admin screens or their chrome', () => {
    const admin = keys.filter((key) =>
      /^src\/(views|components|stores)\/|^src\/features\/(?!survey\/)/.test(
        manifest[key]?.src ?? key,
      ),
    );
    expect(admin).toEqual([]);
    // …which do exist, as lazily loaded chunks of their own.
    expect(Object.keys(manifest)).toContain('src/layouts/AdminLayout.vue');
    expect(Object.keys(manifest)).toContain('src/views/HomeView.vue');
  });
});
