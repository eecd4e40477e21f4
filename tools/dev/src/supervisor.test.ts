import { spawn } from 'node:child_process';
import { afterEach, describe, expect, test } from 'vitest';
import { freePort, stopProcess, waitForPort } from './processes.ts';
import { type Supervised, type SupervisorOptions, supervise } from './supervisor.ts';

/**
 * The supervisor with a small real server (a Node process listening on a port), killed for real:
 * what the launcher does for PostgreSQL and FerretDB, in a second instead of a database's start-up.
 */
const SERVER = `
const server = require('node:net').createServer((socket) => socket.end('hello'));
server.listen(Number(process.env.PORT), '127.0.0.1');
const exitAfter = Number(process.env.EXIT_AFTER_MS);
if (exitAfter) setTimeout(() => process.exit(3), exitAfter);
`;

const running: Supervised[] = [];
afterEach(async () => {
  for (const supervised of running.splice(0)) await supervised.stop();
});

async function start(overrides: Partial<SupervisorOptions> & { exitAfterMs?: number } = {}) {
  const port = await freePort();
  const lines: string[] = [];
  let spawned = 0;
  const { exitAfterMs, ...options } = overrides;
  const supervised = await supervise({
    name: 'Test server',
    spawn: () => {
      spawned += 1;
      const child = spawn(process.execPath, ['-e', SERVER], {
        env: { ...process.env, PORT: String(port), EXIT_AFTER_MS: String(exitAfterMs ?? 0) },
        stdio: 'ignore',
      });
      return { child };
    },
    ready: ({ child }) => waitForPort(port, { child, timeoutMs: 10_000 }),
    stop: (child) => stopProcess(child),
    log: (line) => lines.push(line),
    backoff: { initialMs: 100, maxMs: 400, resetAfterMs: 60_000 },
    ...options,
  });
  running.push(supervised);
  return { supervised, port, lines, spawns: () => spawned };
}

/** Resolves once `check` holds (polling every 20 ms); fails after `timeoutMs`. */
async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const exitOf = (pid: number | undefined) =>
  new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      try {
        process.kill(pid!, 0);
      } catch {
        clearInterval(timer);
        resolve();
      }
    }, 10);
  });

describe('supervise', { timeout: 30_000 }, () => {
  test('a process killed with SIGKILL is started again and serves; the console says so', async () => {
    const restartUntil = new AbortController().signal;
    const { supervised, port, lines } = await start({ restartUntil });
    const first = supervised.child().pid;
    process.kill(first!, 'SIGKILL');
    await until(() => lines.some((l) => l.startsWith('Test server is back')));
    await waitForPort(port, { timeoutMs: 1_000 });
    expect(supervised.child().pid).not.toBe(first);
    expect(lines).toEqual([
      'Test server exited (signal SIGKILL); restarting in 0.1 s (attempt 1)',
      'Test server is back (attempt 1)',
    ]);
  });

  test('a process that keeps dying waits longer each time, up to the cap', async () => {
    const restartUntil = new AbortController().signal;
    const { lines } = await start({ restartUntil, exitAfterMs: 500 });
    await until(() => lines.filter((l) => l.includes('restarting')).length >= 5, 15_000);
    expect(lines.filter((l) => l.includes('restarting')).slice(0, 5)).toEqual([
      'Test server exited (code 3); restarting in 0.1 s (attempt 1)',
      'Test server exited (code 3); restarting in 0.2 s (attempt 2)',
      'Test server exited (code 3); restarting in 0.4 s (attempt 3)',
      'Test server exited (code 3); restarting in 0.4 s (attempt 4)',
      'Test server exited (code 3); restarting in 0.4 s (attempt 5)',
    ]);
  });

  test('after staying up long enough, the next crash starts the backoff afresh', async () => {
    const restartUntil = new AbortController().signal;
    const { supervised, lines } = await start({
      restartUntil,
      backoff: { initialMs: 100, maxMs: 400, resetAfterMs: 1_500 },
    });
    process.kill(supervised.child().pid!, 'SIGKILL');
    await until(() => lines.includes('Test server is back (attempt 1)'));
    process.kill(supervised.child().pid!, 'SIGKILL');
    await until(() => lines.includes('Test server is back (attempt 2)'));
    // Up for longer than resetAfterMs this time: attempt 1 again, with the shortest wait.
    const backAt = Date.now();
    await until(() => Date.now() - backAt > 1_600);
    process.kill(supervised.child().pid!, 'SIGKILL');
    await until(() => lines.filter((l) => l.endsWith('(attempt 1)')).length === 4);
    expect(lines.filter((l) => l.includes('restarting'))).toEqual([
      'Test server exited (signal SIGKILL); restarting in 0.1 s (attempt 1)',
      'Test server exited (signal SIGKILL); restarting in 0.2 s (attempt 2)',
      'Test server exited (signal SIGKILL); restarting in 0.1 s (attempt 1)',
    ]);
  });

  test('a deliberate stop restarts nothing, even with a restart pending', async () => {
    const restartUntil = new AbortController().signal;
    const { supervised, port, lines, spawns } = await start({
      restartUntil,
      backoff: { initialMs: 300, maxMs: 300, resetAfterMs: 60_000 },
    });
    process.kill(supervised.child().pid!, 'SIGKILL');
    await until(() => lines.length === 1);
    await supervised.stop();
    // Past the moment the pending restart was due (300 ms), and then some.
    const stoppedAt = Date.now();
    await until(() => Date.now() - stoppedAt > 900);
    expect(spawns()).toBe(1);
    await expect(waitForPort(port, { timeoutMs: 200 })).rejects.toThrow(/nothing listened/);
  });

  test('Ctrl-C: once the signal is aborted, an exit (the SIGINT the terminal sent) is not restarted nor reported', async () => {
    const controller = new AbortController();
    const { supervised, port, lines, spawns } = await start({ restartUntil: controller.signal });
    controller.abort();
    const pid = supervised.child().pid;
    process.kill(pid!, 'SIGINT');
    await exitOf(pid);
    const exitedAt = Date.now();
    await until(() => Date.now() - exitedAt > 600);
    expect(lines).toEqual([]);
    expect(spawns()).toBe(1);
    await expect(waitForPort(port, { timeoutMs: 200 })).rejects.toThrow(/nothing listened/);
  });

  test('without restartUntil (tests), an exit is reported and the process stays down until restart()', async () => {
    const { supervised, port, lines } = await start();
    process.kill(supervised.child().pid!, 'SIGKILL');
    await until(() => lines.length === 1);
    expect(lines).toEqual(['Test server exited unexpectedly (signal SIGKILL)']);
    await supervised.restart();
    await waitForPort(port, { timeoutMs: 1_000 });
    // kill() holds it down quietly: fault tests take the database away on purpose.
    await supervised.kill('SIGKILL');
    await expect(supervised.restart()).resolves.toBeUndefined();
    expect(lines).toHaveLength(1);
  });
});
