import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { withBuildLock } from '../build-lock.ts';
import { run } from '../../processes.ts';
import { buildFerretDbFromProxy, haveGo } from './go-build.ts';
import { DEFAULT_SOURCE_URL, obtainSource, SOURCES } from './sources.ts';

/**
 * Builds the FerretDB 2 engine (docs/database.md): Debian's PostgreSQL 15 with the pgvector, pg_cron
 * and DocumentDB extensions built from pinned, hash-checked archives, and FerretDB 2.7.0 from the Go
 * module proxy. Everything built is cached in `.cache/ferretdb2/`; a warm run only checks.
 */
export const FERRETDB2_MODULE = 'github.com/FerretDB/FerretDB/v2';
export const FERRETDB2_VERSION = 'v2.7.0';
export const PG_MAJOR = 15;
export const PG_BIN = `/usr/lib/postgresql/${PG_MAJOR}/bin`;

export const APT_PACKAGES = [
  `postgresql-${PG_MAJOR}`,
  `postgresql-server-dev-${PG_MAJOR}`,
  `postgresql-${PG_MAJOR}-rum`,
  `postgresql-${PG_MAJOR}-postgis-3`,
  'libbson-dev',
  'libpcre2-dev',
  'libintelrdfpmath-dev',
  'libicu-dev',
  'libkrb5-dev',
  'pkg-config',
  'build-essential',
];

// Debian's libbson 1.23 lacks BSON_SUBTYPE_SENSITIVE (added in 1.25); DocumentDB only names it.
const DOCUMENTDB_COPT = '-DBSON_SUBTYPE_SENSITIVE=0x08 -Wno-error=switch';
const MAKE_FLAGS = ['-j2', 'with_llvm=no', `PG_CONFIG=${PG_BIN}/pg_config`];

type Log = (message: string) => void;

/**
 * This machine cannot build the engine (not Debian/Ubuntu, no root or password-less sudo, no Go):
 * `pnpm start` and the tests then look for another engine; CI fails (docs/database.md).
 */
export class CannotBuildEngine extends Error {}

export interface BuildOptions {
  cacheDir: string;
  /** Folder of the vendored archives (`ELIGO_VENDOR_DIR`). */
  vendorDir: string;
  /** Download URL template when an archive is not in `vendorDir` (`ELIGO_VENDOR_URL`). */
  urlTemplate?: string;
  log?: Log;
}

export interface Engine {
  ferretdb: string;
  pgBin: string;
}

const isRoot = () => process.getuid?.() === 0;

async function asRoot(command: string, args: string[], env?: NodeJS.ProcessEnv): Promise<string> {
  if (isRoot()) return run(command, args, env ? { env } : {});
  try {
    return await run('sudo', ['-n', command, ...args], env ? { env } : {});
  } catch (error) {
    throw new CannotBuildEngine(
      `needs root (or password-less sudo) for ${command}: ${(error as Error).message.split('\n')[0]}`,
    );
  }
}

async function missingPackages(): Promise<string[]> {
  const status = await run('dpkg-query', [
    '-W',
    '-f=${Package} ${Status}\\n',
    ...APT_PACKAGES,
  ]).catch((error: Error) => error.message);
  return APT_PACKAGES.filter((name) => !status.includes(`${name} install ok installed`));
}

/** Installs the Debian packages the build and the server need (none when all are there). */
export async function ensurePackages(log: Log): Promise<void> {
  const missing = await missingPackages();
  if (missing.length === 0) return;
  if (!existsSync('/usr/bin/apt-get'))
    throw new CannotBuildEngine(`no apt-get here to install ${missing.join(', ')}`);
  log(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    await asRoot('apt-get', ['install', '-y', '--no-install-recommends', ...missing], env);
  } catch (error) {
    if (error instanceof CannotBuildEngine) throw error;
    await asRoot('apt-get', ['update'], env);
    await asRoot('apt-get', ['install', '-y', '--no-install-recommends', ...missing], env);
  }
}

async function listFiles(dir: string, base = dir): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(full, base)));
    else files.push(path.relative(base, full));
  }
  return files;
}

/**
 * Copies the staged extension files into the system PostgreSQL folders where they differ. Each file
 * is written beside its target and renamed over it: a running PostgreSQL (another checkout's tests)
 * keeps the file it mapped, where copying in place would change it under its feet and crash it.
 */
async function installStaged(stage: string, log: Log): Promise<void> {
  const changed: string[] = [];
  for (const rel of await listFiles(stage)) {
    const target = path.join('/', rel);
    const source = path.join(stage, rel);
    if (existsSync(target) && (await readFile(target)).equals(await readFile(source))) continue;
    changed.push(rel);
  }
  if (changed.length === 0) return;
  log(
    `installing ${changed.length} extension files into the system PostgreSQL ${PG_MAJOR} folders`,
  );
  for (const rel of changed) {
    const target = path.join('/', rel);
    if (isRoot()) {
      const temporary = `${target}.eligo-${process.pid}`;
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(path.join(stage, rel), temporary);
      await chmod(temporary, 0o644);
      await rename(temporary, target);
    } else {
      // install(1) replaces the file (unlink, then create) rather than writing into it.
      await asRoot('install', ['-D', '-m', '0644', path.join(stage, rel), target]);
    }
  }
}

async function writeIntelMathPkgConfig(dir: string): Promise<void> {
  // Debian ships the Intel decimal library without the pkg-config file the build asks for.
  await mkdir(dir, { recursive: true });
  await writeFile(
    path.join(dir, 'intelmathlib.pc'),
    [
      'prefix=/usr',
      'Name: intelmathlib',
      'Description: Intel Decimal Floating-Point Math Library (Debian libintelrdfpmath-dev)',
      'Version: 2.0',
      'Cflags: -I/usr/include',
      'Libs: -l:libbidgcc000.a',
      '',
    ].join('\n'),
  );
}

async function buildExtensions(stage: string, options: BuildOptions, log: Log): Promise<void> {
  const workDir = path.dirname(stage);
  const partial = `${stage}.partial`;
  await rm(partial, { recursive: true, force: true });
  const where = {
    vendorDir: options.vendorDir,
    urlTemplate: options.urlTemplate ?? DEFAULT_SOURCE_URL,
    workDir,
    log,
  };
  const pkgconfig = path.join(workDir, 'pkgconfig');
  await writeIntelMathPkgConfig(pkgconfig);
  const env = {
    ...process.env,
    PKG_CONFIG_PATH: [pkgconfig, process.env.PKG_CONFIG_PATH].filter(Boolean).join(':'),
    // DocumentDB stamps `git rev-parse` output into its version string: keep git from finding the
    // checkout this cache sits in (it would report Eligo's branch and commit as DocumentDB's).
    GIT_CEILING_DIRECTORIES: path.join(workDir, 'src'),
  };
  // Compiled-in source paths (assertions) would differ per checkout: map them to a fixed prefix so
  // every checkout builds identical files and none keeps reinstalling its own copy.
  const make = async (dir: string, extra: string[] = []) => {
    await run('make', ['-C', dir, ...MAKE_FLAGS, ...extra], { env });
    // Staged first; installStaged() copies into the system folders. DESTDIR keeps the cache whole.
    await run('make', ['-C', dir, ...MAKE_FLAGS, ...extra, 'install', `DESTDIR=${partial}`], {
      env,
    });
  };
  for (const source of SOURCES) {
    const top = await obtainSource(source, where);
    const started = Date.now();
    const prefixMap = `-ffile-prefix-map=${top}=/eligo-build/${source.name}`;
    if (source.name === 'documentdb') {
      const copt = [`COPT=${DOCUMENTDB_COPT} ${prefixMap}`];
      await make(path.join(top, 'pg_documentdb_core'), copt);
      await make(path.join(top, 'pg_documentdb'), copt);
    } else {
      await make(top, [`COPT=${prefixMap}`]);
    }
    log(`${source.name} built in ${Math.round((Date.now() - started) / 1000)} s`);
    await rm(path.dirname(top), { recursive: true, force: true });
  }
  await rm(stage, { recursive: true, force: true });
  await run('mv', [partial, stage]);
}

async function pgVersion(): Promise<string> {
  return (await run(`${PG_BIN}/pg_config`, ['--version'])).trim();
}

/**
 * Makes the engine ready to run and returns its binaries: Debian packages, the three extensions
 * (built once per source hashes + flags + PostgreSQL major, staged in the cache, then installed into
 * the system folders), and the FerretDB 2 binary. Parallel callers wait on one lock and build once.
 * Throws CannotBuildEngine where this machine cannot (no apt, not root, no Go).
 */
export async function ensureFerretDb2(options: BuildOptions): Promise<Engine> {
  const log = options.log ?? (() => {});
  if (process.platform !== 'linux')
    throw new CannotBuildEngine('builds on Debian/Ubuntu Linux only');
  const root = path.join(options.cacheDir, 'ferretdb2');
  const key = createHash('sha256')
    .update(
      JSON.stringify([
        SOURCES.map((s) => s.sha256),
        MAKE_FLAGS,
        DOCUMENTDB_COPT,
        'prefix-map',
        'git-ceiling',
        PG_MAJOR,
      ]),
    )
    .digest('hex')
    .slice(0, 12);
  const stage = path.join(root, `extensions-${key}`, 'stage');
  const ferretdb = path.join(root, `ferretdb-${FERRETDB2_VERSION}`);
  return withBuildLock(
    path.join(root, '.build-lock'),
    async () => {
      const started = Date.now();
      await ensurePackages(log);
      // Before the extensions' minutes of compiling: without Go the engine could not be finished.
      if (!existsSync(ferretdb) && !(await haveGo()))
        throw new CannotBuildEngine(
          `Go is needed once to build FerretDB ${FERRETDB2_VERSION} (the Go module proxy has it)`,
        );
      if (!existsSync(stage)) {
        log(`building pgvector, pg_cron and DocumentDB for ${await pgVersion()} (once; cached)…`);
        await buildExtensions(stage, options, log);
        // Earlier builds (other sources or flags) are of no further use.
        for (const entry of await readdir(root))
          if (entry.startsWith('extensions-') && entry !== path.basename(path.dirname(stage)))
            await rm(path.join(root, entry), { recursive: true, force: true });
      }
      await installStaged(stage, log);
      if (!existsSync(ferretdb))
        await buildFerretDbFromProxy(FERRETDB2_MODULE, FERRETDB2_VERSION, ferretdb, log);
      const seconds = (Date.now() - started) / 1000;
      if (seconds > 5) log(`FerretDB 2 engine ready in ${seconds.toFixed(0)} s`);
      return { ferretdb, pgBin: PG_BIN };
    },
    { onWait: () => log('another process is building the FerretDB 2 engine; waiting for it') },
  );
}
