import type { ChildProcess } from 'node:child_process';

export type Log = (message: string) => void;

/** Waits between restarts: `initialMs`, doubling per attempt up to `maxMs`; `resetAfterMs` up resets. */
export interface Backoff {
  initialMs: number;
  maxMs: number;
  /** A process that stayed up this long counts as healthy: its next crash starts again at `initialMs`. */
  resetAfterMs: number;
}
export const DEFAULT_BACKOFF: Backoff = { initialMs: 1_000, maxMs: 30_000, resetAfterMs: 60_000 };

/** A started process; `output` is what it printed lately (said when it exits with a code). */
export interface Instance {
  child: ChildProcess;
  output?: () => string;
}

export interface SupervisorOptions {
  /** As the console names it, e.g. "FerretDB". */
  name: string;
  /** Starts one instance. */
  spawn(): Instance;
  /** Resolves once the instance serves (e.g. accepts connections); rejects if it cannot. */
  ready(instance: Instance): Promise<void>;
  /** Stops one instance on purpose (e.g. SIGTERM, then SIGKILL after a grace period). */
  stop(child: ChildProcess): Promise<void>;
  /**
   * Restart the process whenever it exits on its own, until this signal aborts (the launcher aborts
   * it the moment Ctrl-C arrives, before anything stops). Without it, an exit is only reported.
   */
  restartUntil?: AbortSignal;
  backoff?: Partial<Backoff>;
  log?: Log;
}

/** A process kept running by `supervise`. */
export interface Supervised {
  /** The running instance (or the last one, while it is down). */
  child(): ChildProcess;
  /** Fault tests: kills the instance and holds it down (no restart) until `restart()`. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again after `kill`; resolves once it serves. */
  restart(): Promise<void>;
  /** Stops it on purpose: no restart, pending ones cancelled. */
  stop(): Promise<void>;
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;
const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

/** The last lines a process printed, indented under the line that says it exited. */
function tail(output: string | undefined): string {
  const lines = (output ?? '').trimEnd().split('\n').filter(Boolean).slice(-10);
  return lines.length ? `\n${lines.map((line) => `    ${line}`).join('\n')}` : '';
}

/**
 * Starts a process, resolves once it is ready, and from then on restarts it with backoff whenever it
 * exits on its own (see `restartUntil`), saying so in plain words. The first start is not retried:
 * a process that cannot start at all is a setup problem, reported to the caller.
 */
export async function supervise(options: SupervisorOptions): Promise<Supervised> {
  const { name, restartUntil } = options;
  const backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
  const log = options.log ?? (() => undefined);
  let current: ChildProcess;
  let upSince = 0;
  let attempt = 0;
  let stopping = false;
  let held = false;
  let timer: NodeJS.Timeout | undefined;
  const restarting = () =>
    !stopping && !held && restartUntil !== undefined && !restartUntil.aborted;

  function launch(): Instance {
    const instance = options.spawn();
    const { child, output } = instance;
    current = child;
    upSince = Date.now();
    let ended = false;
    const onEnd = (code: number | null, signal: NodeJS.Signals | null, error?: Error) => {
      if (ended) return;
      ended = true;
      if (child !== current || stopping || held || restartUntil?.aborted) return;
      const how = error ? error.message : signal ? `signal ${signal}` : `code ${code}`;
      const said = signal ? '' : tail(output?.());
      if (!restartUntil) {
        log(`${name} exited unexpectedly (${how})${said}`);
        return;
      }
      if (Date.now() - upSince >= backoff.resetAfterMs) attempt = 0;
      attempt += 1;
      const delay = Math.min(backoff.initialMs * 2 ** (attempt - 1), backoff.maxMs);
      log(`${name} exited (${how}); restarting in ${seconds(delay)} (attempt ${attempt})${said}`);
      timer = setTimeout(() => void relaunch(attempt), delay);
    };
    child.once('exit', (code, signal) => onEnd(code, signal));
    // A command that cannot be spawned at all (ENOENT) may emit only 'error'.
    child.once('error', (error) => onEnd(null, null, error));
    return instance;
  }

  async function relaunch(number: number): Promise<void> {
    timer = undefined;
    if (!restarting()) return;
    const instance = launch();
    const { child } = instance;
    try {
      await options.ready(instance);
      if (child === current && !exited(child)) log(`${name} is back (attempt ${number})`);
    } catch (error) {
      // Not serving: end this instance; its exit schedules the next attempt.
      if (!exited(child)) {
        log(`${name} did not come up: ${(error as Error).message.split('\n')[0]}`);
        child.kill('SIGKILL');
      }
    }
  }

  const first = launch();
  try {
    await options.ready(first);
  } catch (error) {
    stopping = true;
    if (!exited(first.child)) await options.stop(first.child);
    throw error;
  }

  return {
    child: () => current,
    async kill(signal = 'SIGKILL') {
      held = true;
      clearTimeout(timer);
      const child = current;
      if (exited(child)) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill(signal);
      await gone;
    },
    async restart() {
      if (!exited(current)) throw new Error(`${name} is still running`);
      held = false;
      await options.ready(launch());
    },
    async stop() {
      stopping = true;
      clearTimeout(timer);
      if (!exited(current)) await options.stop(current);
    },
  };
}
