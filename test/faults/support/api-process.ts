import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '@eligo/dev/paths';
import { stopProcess } from '@eligo/dev/processes';

export interface ApiProcess {
  url: string;
  /** Everything the current and earlier processes printed (the last 200 kB). */
  output(): string;
  /** `kill -9`: no drain, no lease released, SMTP sessions cut mid-command. */
  crash(): Promise<void>;
  /** A new process on the same port, database and key; resolves once it answers /api/ready. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

const KEEP = 200_000;

/**
 * The API from source (`server/src/server.ts`) in a process of its own, as `pnpm start` runs it, so
 * a scenario can kill it for real and start another on the same port. `node --import tsx`, not the
 * tsx CLI (which forks): SIGKILL must hit the process that holds the jobs.
 */
export async function startApiProcess(
  port: number,
  env: Record<string, string>,
): Promise<ApiProcess> {
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let output = '';
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-KEEP);
  };

  async function start() {
    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(repoRoot, 'server', 'src', 'server.ts')],
      {
        cwd: path.join(repoRoot, 'test'),
        env: {
          ...process.env,
          NODE_ENV: 'test',
          LOG_LEVEL: 'warn',
          HOST: '127.0.0.1',
          PORT: String(port),
          PUBLIC_URL: url,
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child = proc;
    proc.stdout!.on('data', append);
    proc.stderr!.on('data', append);
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (proc.exitCode !== null)
        throw new Error(`the API exited with ${proc.exitCode}:\n${output}`);
      const ready = await fetch(`${url}/api/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) return;
      if (Date.now() > deadline) throw new Error(`the API did not become ready:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async function crash() {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  await start();
  return {
    url,
    output: () => output,
    crash,
    start,
    stop: async () => {
      if (child) await stopProcess(child, 15_000);
    },
  };
}
