import path from 'node:path';
import { cacheDir, repoRoot } from '../../paths.ts';
import type { BuildOptions } from './build.ts';
import { DEFAULT_SOURCE_URL } from './sources.ts';

/**
 * Where the engine build finds its source archives (docs/database.md):
 * - `ELIGO_VENDOR_DIR`: folder of the vendored archives; default `../shared/vendor` beside the
 *   repository root (as on the team's machines and CI);
 * - `ELIGO_VENDOR_URL`: download URL template, with `{owner}` `{repo}` `{commit}` `{archive}`, for an
 *   archive that folder lacks; default GitHub's tarball of the pinned commit.
 */
export function buildOptionsFromEnv(
  log?: (message: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): BuildOptions {
  return {
    cacheDir,
    vendorDir: path.resolve(env.ELIGO_VENDOR_DIR || path.join(repoRoot, '..', 'shared', 'vendor')),
    urlTemplate: env.ELIGO_VENDOR_URL || DEFAULT_SOURCE_URL,
    ...(log ? { log } : {}),
  };
}
