import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { isSurveyPage, surveyPreloadLinks } from './survey-preload.ts';

let dir = '';
afterEach(() => rm(dir, { recursive: true, force: true }));

async function distWith(manifest: unknown): Promise<string> {
  dir = await mkdtemp(path.join(os.tmpdir(), 'eligo-web-dist-'));
  if (manifest) {
    await mkdir(path.join(dir, '.vite'));
    await writeFile(path.join(dir, '.vite', 'manifest.json'), JSON.stringify(manifest));
  }
  return dir;
}

describe('surveyPreloadLinks', () => {
  test("the page's entry first, then the survey's chunks and styles, each once", async () => {
    const root = await distWith({
      'index.html': {
        file: 'assets/index-1.js',
        imports: ['_client-2.js'],
        css: ['assets/index-1.css'],
      },
      _client: { file: 'assets/unrelated.js' },
      '_client-2.js': { file: 'assets/client-2.js' },
      'src/features/survey/mount.ts': {
        file: 'assets/mount-3.js',
        imports: ['_vue-4.js', '_SurveyView-5.js'],
      },
      '_vue-4.js': { file: 'assets/vue-4.js' },
      '_SurveyView-5.js': {
        file: 'assets/SurveyView-5.js',
        imports: ['_vue-4.js', '_client-2.js'],
        css: ['assets/SurveyView-5.css'],
      },
      'src/admin-app.ts': { file: 'assets/admin-app-6.js', imports: ['_vue-4.js'] },
    });
    expect(surveyPreloadLinks(root)?.split(', ')).toEqual([
      '</assets/index-1.css>; rel=preload; as=style; crossorigin',
      '</assets/SurveyView-5.css>; rel=preload; as=style; crossorigin',
      '</assets/index-1.js>; rel=modulepreload; crossorigin',
      '</assets/client-2.js>; rel=modulepreload; crossorigin',
      '</assets/mount-3.js>; rel=modulepreload; crossorigin',
      '</assets/vue-4.js>; rel=modulepreload; crossorigin',
      '</assets/SurveyView-5.js>; rel=modulepreload; crossorigin',
    ]);
  });

  test('nothing without a manifest, or without the survey in it', async () => {
    expect(surveyPreloadLinks(await distWith(null))).toBeNull();
    await rm(dir, { recursive: true, force: true });
    expect(
      surveyPreloadLinks(await distWith({ 'index.html': { file: 'assets/i.js' } })),
    ).toBeNull();
  });
});

test.each([
  ['/survey/abc', true],
  ['/survey/abc/', true],
  ['/survey/abc?lang=es', true],
  ['/survey/', false],
  ['/survey/abc/submit', false],
  ['/api/survey/abc', false],
  ['/applicants', false],
])('isSurveyPage(%s) is %s', (url, expected) => {
  expect(isSurveyPage(url)).toBe(expected);
});
