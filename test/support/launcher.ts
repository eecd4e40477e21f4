import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '@eligo/dev/paths';
import { stopProcess } from '@eligo/dev/processes';

export interface Launched {
  url: string;
  mongoUri: string;
  output: () => string;
  stop(): Promise<void>;
}

/**
 * Runs the `pnpm start` launcher (without its build step) as a child process and waits for it to
 * print the URL. The built API bundle must exist (`pnpm test` builds first). Without MONGODB_URI in
 * `env` it starts its embedded database.
 */
export async function launch(env: Record<string, string>, timeoutMs = 240_000): Promise<Launched> {
  const launcherDir = path.join(repoRoot, 'tools', 'dev');
  const child: ChildProcess = spawn(
    path.join(launcherDir, 'node_modules', '.bin', 'tsx'),
    ['src/launch/main.ts'],
    {
      cwd: launcherDir,
      env: { ...process.env, MONGODB_URI: '', ENCRYPTION_KEY: '', LEVER_CLIENT_ID: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const started = await new Promise<{ url: string; mongoUri: string }>((resolve, reject) => {
    const timer = setTimeout(() => {
      // It stops what it started (database, emulator, API) on SIGTERM.
      void stopProcess(child, 20_000);
      reject(new Error(`launcher did not come up:\n${output}`));
    }, timeoutMs);
    const check = () => {
      const url = /Eligo is running at (\S+)/.exec(output)?.[1];
      const mongoUri =
        /Database: .+? at (mongodb\S+)/.exec(output)?.[1] ??
        (output.includes('Database: MONGODB_URI from the environment') ? env.MONGODB_URI : null);
      if (url && mongoUri) {
        clearTimeout(timer);
        resolve({ url, mongoUri });
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`launcher exited with ${code}:\n${output}`));
    });
  });
  return { ...started, output: () => output, stop: () => stopProcess(child, 20_000) };
}
