import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, cp, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { freePort, run, stopProcess, waitForPort } from './processes.ts';

/**
 * FerretDB v1 (MongoDB wire protocol over SQLite) is the database this machine kind can run:
 * no MongoDB server package exists offline. It is built once from the Go module proxy and cached.
 */
export const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';
export const FERRETDB_VERSION = 'v1.24.2';

type Log = (message: string) => void;

export function ferretDbBinaryPath(cacheDir: string): string {
  return path.join(cacheDir, 'ferretdb', `ferretdb-${FERRETDB_VERSION}`);
}

async function withBuildLock<T>(lockDir: string, work: () => Promise<T>): Promise<T> {
  // mkdir is atomic: one process builds, the others wait for the binary.
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      await mkdir(lockDir);
      break;
    } catch {
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for the FerretDB build lock ${lockDir}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await work();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}

/** Returns the cached FerretDB binary, building it first (about 1–3 minutes, once) if needed. */
export async function ensureFerretDbBinary(cacheDir: string, log: Log = () => {}): Promise<string> {
  const binary = ferretDbBinaryPath(cacheDir);
  if (existsSync(binary)) return binary;
  const workDir = path.dirname(binary);
  await mkdir(workDir, { recursive: true });
  return withBuildLock(path.join(workDir, '.build-lock'), async () => {
    if (existsSync(binary)) return binary;
    try {
      await run('go', ['version']);
    } catch {
      throw new Error(
        'Go is needed once to build FerretDB (the embedded database). Install Go, or set MONGODB_URI.',
      );
    }
    log(
      `building FerretDB ${FERRETDB_VERSION} from the Go module proxy (once; cached in ${workDir})…`,
    );
    const info = JSON.parse(
      await run('go', ['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`]),
    ) as { Dir: string };
    const sourceDir = path.join(workDir, `src-${FERRETDB_VERSION}`);
    await rm(sourceDir, { recursive: true, force: true });
    await cp(info.Dir, sourceDir, { recursive: true });
    await run('chmod', ['-R', 'u+w', sourceDir]);
    // The module ships without its generated version file; FerretDB refuses to start without it.
    await writeFile(
      path.join(sourceDir, 'build', 'version', 'version.txt'),
      `${FERRETDB_VERSION}\n`,
    );
    const partial = `${binary}.partial`;
    await run('go', ['build', '-trimpath', '-o', partial, './cmd/ferretdb'], {
      cwd: sourceDir,
      env: { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-buildvcs=false' },
    });
    await chmod(partial, 0o755);
    await rename(partial, binary);
    await rm(sourceDir, { recursive: true, force: true });
    log(`FerretDB built: ${binary}`);
    return binary;
  });
}

export interface RunningDatabase {
  kind: 'ferretdb' | 'mongodb-memory-server';
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
  return { kind: 'ferretdb', uri: `mongodb://127.0.0.1:${port}`, stop: () => stopProcess(child) };
}
