import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in tools/dev/src). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** Built tools, e.g. the FerretDB binary. Ignored by git; safe to delete. */
export const cacheDir = path.join(repoRoot, '.cache');
/** Local data of `pnpm start`: the embedded database and generated local secrets. Ignored by git. */
export const dataDir = path.join(repoRoot, '.data');
