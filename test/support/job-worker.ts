import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { inject } from 'vitest';
import { repoRoot } from '@eligo/dev/paths';
import { stopProcess } from '@eligo/dev/processes';
import type { TestApp } from './app.ts';
import { withDatabase } from './mongo-uri.ts';
import { waitFor } from './wait.ts';

export interface JobWorker {
  child: ChildProcess;
  /** Everything it printed (its log lines with LOG_LEVEL=info). */
  output(): string;
  /** Resolves with its exit code. */
  exited: Promise<number | null>;
}

/**
 * Another API instance in its own process (`job-worker-process.ts`) on `t`'s database and key,
 * running the `restart-probe` job type; resolves once it has started job `jobId`.
 */
export async function startJobWorkerOn(
  t: TestApp,
  jobId: string,
  env: Record<string, string>,
): Promise<JobWorker> {
  // node itself (not the tsx CLI, which forks): signals must hit the process that holds the job.
  const child = spawn(process.execPath, ['--import', 'tsx', 'support/job-worker-process.ts'], {
    cwd: path.join(repoRoot, 'test'),
    env: {
      ...process.env,
      ...env,
      MONGODB_URI: withDatabase(inject('mongoUri'), t.databaseName),
      // Another instance on this database: the same key (boot refuses keys it cannot read).
      ENCRYPTION_KEY: t.config.encryptionKey.toString('base64'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  try {
    await waitFor(
      'the worker process to start the job',
      () => t.db.collection('restart_probe_runs').findOne({ jobId }),
      { timeoutMs: 60_000 },
    );
  } catch (error) {
    await stopProcess(child);
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return { child, output: () => output, exited };
}
