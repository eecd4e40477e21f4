import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The survey app's chunk in the web build (web/src/main.ts imports it for `/survey/<token>`). */
const SURVEY_ENTRY = 'src/features/survey/mount.ts';

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}

/**
 * The `Link` header value that announces the survey's scripts and styles with its page, or null
 * when the build wrote no manifest (`web/vite.config.ts`, `build.manifest`).
 *
 * Without it a phone learns which files the survey needs only after the page's entry script has
 * arrived and run: one more round trip on the way to the first question (issue 23 item 4:
 * ~0.5 s on a slow network). `crossorigin` matches the requests the app makes itself (Vite's module
 * scripts and stylesheet links are CORS requests), so the browser reuses what it preloaded.
 */
export function surveyPreloadLinks(webDistDir: string): string | null {
  const manifestFile = path.join(webDistDir, '.vite', 'manifest.json');
  if (!existsSync(manifestFile)) return null;
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>;
  if (!manifest[SURVEY_ENTRY]) return null;
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || scripts.has(chunk.file)) return;
    scripts.add(chunk.file);
    for (const css of chunk.css ?? []) styles.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  // The page's own entry first: it starts the survey's data request (web/src/main.ts), so it
  // should not wait behind the larger files for the slow link.
  visit('index.html');
  visit(SURVEY_ENTRY);
  return [
    ...[...styles].map((file) => `</${file}>; rel=preload; as=style; crossorigin`),
    ...[...scripts].map((file) => `</${file}>; rel=modulepreload; crossorigin`),
  ].join(', ');
}

/** `/survey/<token>` (the page an applicant opens from the email), not its API. */
export const isSurveyPage = (url: string): boolean => /^\/survey\/[^/?#]+\/?(?:[?#]|$)/.test(url);
