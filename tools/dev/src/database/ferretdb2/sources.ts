import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { lstat, mkdir, readdir, readFile, readlink, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { run } from '../../processes.ts';

/**
 * The three source archives the FerretDB 2 engine needs that no package registry has, pinned by
 * commit. Two hashes pin each one:
 * - `sha256`: the archive file itself, as kept in the vendor folder (or an exact mirror of it);
 * - `treeSha256`: its content — every file's path below the archive's top folder, executable bit and
 *   SHA-256 — leaving out the top-level entries in `omit` (folders the vendored archive does not
 *   carry). GitHub's own tarball of the same commit differs byte for byte (another top folder name,
 *   its own gzip, those extra folders) but has this same content hash.
 * See docs/database.md.
 */
export interface PinnedSource {
  name: string;
  archive: string;
  owner: string;
  repo: string;
  commit: string;
  sha256: string;
  treeSha256: string;
  omit: string[];
}

export const SOURCES: PinnedSource[] = [
  {
    name: 'pgvector',
    archive: 'pgvector-e48241b4dcc0.tar.gz',
    owner: 'pgvector',
    repo: 'pgvector',
    commit: 'e48241b4dcc045b18902914f668d03d1d399dfbe',
    sha256: 'd5220e926bcef7bfb0eadf438e14c10445e4e373a0c4788df61ad2a937517102',
    treeSha256: '8ec11aac16b2ce5b5e2ec5529e89e08342b536b0c51064d55e2ce00d6ac0c85d',
    omit: [],
  },
  {
    name: 'pg_cron',
    archive: 'pg_cron-16618e69cb38.tar.gz',
    owner: 'citusdata',
    repo: 'pg_cron',
    commit: '16618e69cb38f69abd6512b90e8c742010582e0e',
    sha256: 'f66c7386c9c5e841ebe0b9cf7c20bbb7d5e831e1d656a81b5120e7ee0457eeaf',
    treeSha256: '8d1d7c5d5f1e10a3aec5312b051da3c1260827616602ed9cca4d267cc6e226ba',
    omit: [],
  },
  {
    name: 'documentdb',
    archive: 'documentdb-ferretdb-3f80da90a9e0.tar.gz',
    owner: 'FerretDB',
    repo: 'documentdb',
    commit: '3f80da90a9e0b04f214183aa656c4fb0b4bc31e4',
    sha256: '5fcbca065727db8c5dd9f3184ec4d5bca34da265926d0eb970fb083d7abf853a',
    treeSha256: 'e8eaa9e4ec5dd017cb81fb3c0248638b3503132e397f84e3951e887b516d74c1',
    // The vendored archive leaves out the Rust gateway and the CI/editor folders.
    omit: ['.devcontainer', '.github', '.pipelines', '.vscode', 'pg_documentdb_gw'],
  },
];

/** GitHub serves a tarball of any commit here; `ELIGO_VENDOR_URL` may point at a mirror instead. */
export const DEFAULT_SOURCE_URL = 'https://codeload.github.com/{owner}/{repo}/tar.gz/{commit}';

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The content hash described above, of an unpacked archive's top folder. */
export async function treeSha256(root: string, omit: string[] = []): Promise<string> {
  const lines: string[] = [];
  const walk = async (dir: string, rel: string): Promise<void> => {
    for (const name of (await readdir(dir)).sort()) {
      if (!rel && omit.includes(name)) continue;
      const full = path.join(dir, name);
      const relPath = rel ? `${rel}/${name}` : name;
      const stat = await lstat(full);
      if (stat.isDirectory()) await walk(full, relPath);
      else if (stat.isSymbolicLink()) lines.push(`${relPath}\0link\0${await readlink(full)}`);
      else {
        const digest = createHash('sha256')
          .update(await readFile(full))
          .digest('hex');
        lines.push(`${relPath}\0${stat.mode & 0o111 ? 'x' : '-'}\0${digest}`);
      }
    }
  };
  await walk(root, '');
  lines.sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

/** Unpacks a .tar.gz into `dest` and returns its single top folder. */
export async function unpack(archive: string, dest: string): Promise<string> {
  await rm(dest, { recursive: true, force: true });
  await mkdir(dest, { recursive: true });
  await run('tar', ['-xzf', archive, '-C', dest, '--no-same-owner']);
  const entries = await readdir(dest);
  if (entries.length !== 1) throw new Error(`${archive} does not hold exactly one top folder`);
  return path.join(dest, entries[0]!);
}

export interface SourceLocations {
  /** Folder holding the vendored archives (checked first). */
  vendorDir: string;
  /** URL template with {owner} {repo} {commit} {archive}; used when the vendor folder lacks one. */
  urlTemplate: string;
  /** Where downloads and unpacked trees go. */
  workDir: string;
  log?: (message: string) => void;
}

async function download(url: string, file: string): Promise<void> {
  const response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(120_000) });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  await writeFile(`${file}.partial`, Buffer.from(await response.arrayBuffer()));
  await rename(`${file}.partial`, file);
}

/**
 * Returns the unpacked, verified source tree of `source`: from the vendor folder when the archive is
 * there (its SHA-256 must match), otherwise downloaded (the bytes must match `sha256`, or the unpacked
 * content `treeSha256`). Anything else throws, naming both hashes; nothing unverified is built.
 */
export async function obtainSource(source: PinnedSource, where: SourceLocations): Promise<string> {
  const unpackDir = path.join(where.workDir, 'src', source.name);
  const vendored = path.join(where.vendorDir, source.archive);
  if (existsSync(vendored)) {
    const actual = await sha256File(vendored);
    if (actual !== source.sha256)
      throw new Error(
        `${vendored}: SHA-256 ${actual} does not match the pinned ${source.sha256}; refusing to build it`,
      );
    return unpack(vendored, unpackDir);
  }
  const url = where.urlTemplate
    .replaceAll('{owner}', source.owner)
    .replaceAll('{repo}', source.repo)
    .replaceAll('{commit}', source.commit)
    .replaceAll('{archive}', source.archive);
  where.log?.(`${source.archive} is not in ${where.vendorDir}; downloading ${url}`);
  const file = path.join(where.workDir, 'downloads', source.archive);
  await mkdir(path.dirname(file), { recursive: true });
  await download(url, file);
  const actual = await sha256File(file);
  const top = await unpack(file, unpackDir);
  if (actual === source.sha256) return top;
  const tree = await treeSha256(top, source.omit);
  if (tree === source.treeSha256) return top;
  await rm(file, { force: true });
  await rm(unpackDir, { recursive: true, force: true });
  throw new Error(
    `${url}: neither the archive SHA-256 (${actual}, pinned ${source.sha256}) nor the content ` +
      `hash (${tree}, pinned ${source.treeSha256}) matches; refusing to build it`,
  );
}
