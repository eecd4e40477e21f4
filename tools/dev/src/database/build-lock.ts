import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs `work` while holding the lock folder `lockDir` (mkdir is atomic), so that parallel callers —
 * two test runs, `pnpm start` beside `pnpm test` — build once and the others wait for the result.
 * The holder writes its pid into the folder; a lock whose holder died is taken over.
 */
export async function withBuildLock<T>(
  lockDir: string,
  work: () => Promise<T>,
  { timeoutMs = 20 * 60_000, onWait }: { timeoutMs?: number; onWait?: () => void } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  const owner = path.join(lockDir, 'pid');
  await mkdir(path.dirname(lockDir), { recursive: true });
  let told = false;
  for (;;) {
    try {
      await mkdir(lockDir);
      await writeFile(owner, String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(await readFile(owner, 'utf8').catch(() => ''));
      // A lock without a pid file may be a holder between its mkdir and writeFile: wait for it.
      if (pid && !alive(pid)) {
        await rm(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for the build lock ${lockDir}`);
      if (!told) onWait?.();
      told = true;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await work();
  } finally {
    if (existsSync(lockDir)) await rm(lockDir, { recursive: true, force: true });
  }
}
