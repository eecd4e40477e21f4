import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, cp, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { withBuildLock } from './build-lock.ts';
import { freePort, run, stopProcess, waitForPort } from '../processes.ts';

/**
 * FerretDB v1 (MongoDB wire protocol over SQLite): the fallback engine where FerretDB 2 + DocumentDB
 * (ferretdb2/) cannot be built — it needs only Go. Built once from the Go module proxy and cached.
 * Not atomic for conditional updates and uses no indexes (docs/database.md).
 */
export const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';
export const FERRETDB_VERSION = 'v1.24.2';

type Log = (message: string) => void;

export function ferretDbBinaryPath(cacheDir: string): string {
  return path.join(cacheDir, 'ferretdb', `ferretdb-${FERRETDB_VERSION}`);
}

/**
 * Builds `module@version` (a FerretDB release) from the Go module proxy into `binary`. The module
 * ships without its generated version file, and FerretDB refuses to start without it: write it first.
 */
export async function buildFerretDbFromProxy(
  module: string,
  version: string,
  binary: string,
  log: Log = () => {},
): Promise<void> {
  const workDir = path.dirname(binary);
  try {
    await run('go', ['version']);
  } catch {
    throw new Error(
      `Go is needed once to build FerretDB ${version} (the embedded database). Install Go, or set MONGODB_URI.`,
    );
  }
  log(`building FerretDB ${version} from the Go module proxy (once; cached in ${workDir})…`);
  const info = JSON.parse(
    await run('go', ['mod', 'download', '-json', `${module}@${version}`]),
  ) as {
    Dir: string;
  };
  const sourceDir = path.join(workDir, `src-${version}`);
  await rm(sourceDir, { recursive: true, force: true });
  await cp(info.Dir, sourceDir, { recursive: true });
  await run('chmod', ['-R', 'u+w', sourceDir]);
  await writeFile(path.join(sourceDir, 'build', 'version', 'version.txt'), `${version}\n`);
  const partial = `${binary}.partial`;
  await run('go', ['build', '-trimpath', '-o', partial, './cmd/ferretdb'], {
    cwd: sourceDir,
    env: { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-buildvcs=false' },
  });
  await chmod(partial, 0o755);
  await rename(partial, binary);
  await rm(sourceDir, { recursive: true, force: true });
  log(`FerretDB ${version} built: ${binary}`);
}

/** Returns the cached FerretDB v1 binary, building it first (about 1–3 minutes, once) if needed. */
export async function ensureFerretDbBinary(cacheDir: string, log: Log = () => {}): Promise<string> {
  const binary = ferretDbBinaryPath(cacheDir);
  if (existsSync(binary)) return binary;
  await mkdir(path.dirname(binary), { recursive: true });
  return withBuildLock(path.join(path.dirname(binary), '.build-lock'), async () => {
    if (!existsSync(binary))
      await buildFerretDbFromProxy(FERRETDB_MODULE, FERRETDB_VERSION, binary, log);
    return binary;
  });
}

export interface RunningDatabase {
  kind: 'ferretdb' | 'ferretdb2' | 'mongodb-memory-server';
  /** Engine and versions, for logs, e.g. "FerretDB v2.7.0 on PostgreSQL 15.20 with DocumentDB 0.107-0". */
  description: string;
  /** Connection string without a database name, e.g. `mongodb://127.0.0.1:27017`. */
  uri: string;
  stop(): Promise<void>;
}

/** Starts FerretDB with its SQLite files in `dataDir` (kept across restarts). */
export async function startFerretDb(options: {
  binary: string;
  dataDir: string;
  port?: number;
  log?: Log;
}): Promise<RunningDatabase> {
  const port = options.port ?? (await freePort());
  await mkdir(options.dataDir, { recursive: true });
  const child = spawn(
    options.binary,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${options.dataDir}/`,
      `--state-dir=${options.dataDir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=warn',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  try {
    await waitForPort(port, { child, timeoutMs: 30_000 });
  } catch (error) {
    await stopProcess(child);
    throw new Error(`FerretDB did not start: ${(error as Error).message}\n${output}`);
  }
  options.log?.(
    `FerretDB ${FERRETDB_VERSION} listening on 127.0.0.1:${port} (data in ${options.dataDir})`,
  );
  return {
    kind: 'ferretdb',
    description: `FerretDB ${FERRETDB_VERSION} (SQLite)`,
    uri: `mongodb://127.0.0.1:${port}`,
    stop: () => stopProcess(child),
  };
}
