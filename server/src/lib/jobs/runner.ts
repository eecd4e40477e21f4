import type { FastifyBaseLogger } from 'fastify';
import { retryDelay, type BackoffSettings } from './backoff.ts';
import { PauseJobGroup, PermanentFailure, RetryLater } from './errors.ts';
import type { Job } from './job.model.ts';
import { newOwnerId, type JobStore } from './store.ts';

export interface JobContext<P> {
  id: string;
  type: string;
  payload: P;
  /** 1 for the first attempt; counts every attempt ever started for this job. */
  attempt: number;
  organizationId: string | null;
  log: FastifyBaseLogger;
  /** Aborted when the attempt times out or the app closes: stop early if you can. */
  signal: AbortSignal;
  /** Attempts of the current budget so far, this one included (manual retries start again). */
  countedAttempt: number;
  /** If this attempt fails (not by PermanentFailure), the job is dead: its budget is used up. */
  lastAttempt: boolean;
  /** The type's backoff, for a handler that shows when the next attempt will come. */
  backoff: BackoffSettings;
}

export interface JobDefinition<P> {
  /** Must be idempotent: an attempt may run again after a crash (docs/jobs.md). */
  handler: (job: JobContext<P>) => Promise<void>;
  /** Attempts per budget (default 8; none with `retryForMs` unless given). */
  maxAttempts?: number;
  /**
   * A time budget: a failure this long after the budget began (enqueue, retry, revival) is the
   * last; the job is then dead but revivable (docs/jobs.md). For work waiting on a dependency.
   */
  retryForMs?: number;
  /** The admin-facing kind of work it is (dead counts and "Retry all" per kind). */
  kind?: string;
  baseDelayMs?: number;
  /** Cap of the backoff (default `JOBS_MAX_BACKOFF_SECONDS`). */
  maxDelayMs?: number;
  /** Attempts of this type running at once in one instance. */
  concurrency?: number;
  timeoutMs?: number;
}

export interface RunnerSettings {
  pollIntervalMs: number;
  leaseMs: number;
  drainTimeoutMs: number;
  /** The default cap of every type's backoff. */
  maxBackoffMs: number;
}

export const JOB_DEFAULTS = {
  maxAttempts: 8,
  baseDelayMs: 1_000,
  concurrency: 4,
  timeoutMs: 5 * 60_000,
};

export type Definition = Required<
  Omit<JobDefinition<unknown>, 'maxAttempts' | 'retryForMs' | 'kind'>
> & { maxAttempts: number | null; retryForMs?: number; kind?: string };

/** Whether attempt `counted` of `job` is its budget's last (by attempts or by time). */
function isLastAttempt(def: Definition, job: Job, counted: number, now = Date.now()): boolean {
  if (def.maxAttempts !== null && counted >= def.maxAttempts) return true;
  if (def.retryForMs === undefined) return false;
  return now >= (job.budgetStartedAt ?? job.createdAt).getTime() + def.retryForMs;
}

const message = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).slice(0, 2_000);

/**
 * The least time between two polls of one instance. Every enqueue and every finished attempt asks
 * for a poll (so a new job starts at once, not at the next interval); under a burst (the webhook
 * receiver queues a batch of jobs every few milliseconds) those requests would keep two reads per
 * batch going to the database for nothing new. A job waits at most this long more.
 */
const MIN_POLL_GAP_MS = 50;

/**
 * Runs due jobs in this process: polls, claims by lease insert, runs the handler with a renewed
 * lease and a timeout, and records the outcome. Several runners (instances) share one database.
 */
export function jobRunner(store: JobStore, settings: RunnerSettings, log: FastifyBaseLogger) {
  const owner = newOwnerId();
  const definitions = new Map<string, Definition>();
  const running = new Map<string, { type: string; abort: AbortController; done: Promise<void> }>();
  let timer: NodeJS.Timeout | undefined;
  let started = false;
  let stopping = false;
  let polling: Promise<void> | undefined;
  let pollAgain = false;
  let lastPollAt = 0;
  const minGapMs = Math.min(MIN_POLL_GAP_MS, settings.pollIntervalMs);
  /** Callers of nextPoll(), answered by the first poll that starts after they asked. */
  let pollWaiters: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];

  const runningOf = (type: string) => [...running.values()].filter((r) => r.type === type).length;

  async function attempt(def: Definition, job: Job, abort: AbortController): Promise<void> {
    const jobLog = log.child({ jobId: job._id, jobType: job.type, attempt: job.attempt });
    const counted = job.attempt - (job.freeAttempts ?? 0);
    if (def.maxAttempts !== null && counted > def.maxAttempts) {
      // Taken over from an instance that died during the last allowed attempt.
      await store.finish(job._id, job.attempt, owner, {
        state: 'dead',
        error: job.lastError ?? 'the last attempt was interrupted (lease expired)',
        revivable: true,
      });
      return;
    }
    const lastAttempt = isLastAttempt(def, job, counted);
    const renewEvery = Math.max(50, Math.floor(settings.leaseMs / 3));
    const renewal = setInterval(() => {
      store.renew(job._id, job.attempt, owner, settings.leaseMs).then(
        (ours) => {
          if (!ours) jobLog.warn('lease lost to another instance; its result will be dropped');
        },
        (error: unknown) => jobLog.warn({ err: error }, 'could not renew the job lease'),
      );
    }, renewEvery);
    const timeout = setTimeout(() => abort.abort(new Error('timed out')), def.timeoutMs);
    let outcome: Parameters<JobStore['finish']>[3];
    try {
      const work = def.handler({
        id: job._id,
        type: job.type,
        payload: job.payload,
        attempt: job.attempt,
        organizationId: job.organizationId ? String(job.organizationId) : null,
        log: jobLog,
        signal: abort.signal,
        countedAttempt: counted,
        lastAttempt,
        backoff: { baseDelayMs: def.baseDelayMs, maxDelayMs: def.maxDelayMs },
      });
      // The attempt ends when the handler settles, even past its timeout (the signal asks it to
      // stop): the lease stays ours meanwhile, so no other instance starts the job beside it.
      await work;
      outcome = { state: 'succeeded' };
    } catch (caught) {
      const error =
        abort.signal.aborted && !stopping
          ? new Error(`timed out after ${def.timeoutMs} ms`)
          : caught;
      outcome = failureOutcome(def, job, counted, error, {
        shutdown: stopping && abort.signal.aborted,
        lastAttempt,
      });
      jobLog[outcome.state === 'dead' ? 'error' : 'warn'](
        { err: error, state: outcome.state },
        'job attempt failed',
      );
    } finally {
      clearInterval(renewal);
      clearTimeout(timeout);
    }
    // The group is paused before this job is recorded as waiting in it, so none of its jobs slips by.
    if (outcome.state === 'paused' && job.group) await store.pauseGroup(job.group, outcome.error);
    if (!(await store.finish(job._id, job.attempt, owner, outcome)))
      jobLog.warn('the job was taken over while this attempt ran; its outcome was not recorded');
  }

  function failureOutcome(
    def: Definition,
    job: Job,
    counted: number,
    error: unknown,
    { shutdown, lastAttempt }: { shutdown: boolean; lastAttempt: boolean },
  ): Parameters<JobStore['finish']>[3] {
    if (shutdown)
      return { state: 'queued', runAt: new Date(), event: 'released', error: message(error) };
    if (error instanceof PermanentFailure) return { state: 'dead', error: message(error) };
    if (error instanceof PauseJobGroup && job.group)
      return { state: 'paused', error: message(error) };
    // The budget is used up: dead, but revivable when its dependency is back (docs/jobs.md).
    if (lastAttempt) return { state: 'dead', error: message(error), revivable: true };
    const afterMs = error instanceof RetryLater ? error.afterMs : 0;
    const delay = retryDelay(counted, def, afterMs);
    return {
      state: 'retrying',
      runAt: new Date(Date.now() + delay),
      error: message(error),
      event: 'failed',
    };
  }

  async function pollOnce(): Promise<void> {
    const free = [...definitions].filter(([type, def]) => runningOf(type) < def.concurrency);
    if (stopping || free.length === 0) return;
    const capacity = free.reduce((sum, [type, def]) => sum + def.concurrency - runningOf(type), 0);
    const due = await store.due(
      free.map(([type]) => type),
      capacity * 2,
    );
    for (const candidate of due) {
      const def = definitions.get(candidate.type);
      if (stopping || !def || runningOf(candidate.type) >= def.concurrency) continue;
      if (running.has(candidate._id)) continue;
      const job = await store.claim(candidate, owner, settings.leaseMs);
      if (!job) continue;
      const abort = new AbortController();
      const done = attempt(def, job, abort)
        .catch((error: unknown) =>
          log.error({ err: error, jobId: job._id }, 'job bookkeeping failed'),
        )
        .finally(() => {
          running.delete(job._id);
          kick();
        });
      running.set(job._id, { type: job.type, abort, done });
    }
  }

  /**
   * Polls now (coalescing overlapping requests, and at most once per MIN_POLL_GAP_MS), then on the
   * interval.
   */
  function kick(): void {
    if (!started || stopping) return;
    if (polling) {
      pollAgain = true;
      return;
    }
    clearTimeout(timer);
    const wait = lastPollAt + minGapMs - Date.now();
    if (wait > 0) {
      timer = setTimeout(kick, wait);
      timer.unref();
      return;
    }
    lastPollAt = Date.now();
    const served = pollWaiters;
    pollWaiters = [];
    polling = pollOnce()
      .catch((error: unknown) => log.warn({ err: error }, 'job poll failed'))
      .finally(() => {
        for (const waiter of served) waiter.resolve();
        polling = undefined;
        if (pollAgain) {
          pollAgain = false;
          kick();
        } else if (!stopping) {
          timer = setTimeout(kick, settings.pollIntervalMs);
          timer.unref();
        }
      });
  }

  return {
    owner,
    define<P>(type: string, def: JobDefinition<P>): void {
      if (definitions.has(type)) throw new Error(`job type ${type} is already defined`);
      definitions.set(type, {
        ...JOB_DEFAULTS,
        maxDelayMs: settings.maxBackoffMs,
        ...def,
        maxAttempts:
          def.maxAttempts ?? (def.retryForMs === undefined ? JOB_DEFAULTS.maxAttempts : null),
      } as Definition);
      kick();
    },
    definition(type: string): Definition | undefined {
      return definitions.get(type);
    },
    /** The types defined in this instance, with their definitions. */
    definitions(): ReadonlyMap<string, Definition> {
      return definitions;
    },
    kick,
    /**
     * Resolves once a poll that began after the call has finished (and started every attempt it
     * claimed). Lets a test show that a job which would have been due was not run, without a sleep.
     */
    nextPoll(): Promise<void> {
      if (stopping) return Promise.reject(new Error('the job runner has stopped'));
      return new Promise((resolve, reject) => pollWaiters.push({ resolve, reject }));
    },
    start(): void {
      started = true;
      kick();
    },
    /** Stops claiming, waits for running attempts up to the drain timeout, then releases the rest. */
    async drain(): Promise<void> {
      stopping = true;
      clearTimeout(timer);
      for (const waiter of pollWaiters.splice(0))
        waiter.reject(new Error('the job runner stopped'));
      await polling;
      const inFlight = [...running.values()];
      if (inFlight.length === 0) return;
      let timedOut = false;
      const deadline = new Promise<void>((resolve) =>
        setTimeout(() => {
          timedOut = true;
          resolve();
        }, settings.drainTimeoutMs).unref(),
      );
      await Promise.race([Promise.all(inFlight.map((r) => r.done)), deadline]);
      if (!timedOut) return;
      // Ask the stragglers to stop; each is released (queued again, attempt not counted) when it does.
      for (const r of running.values()) r.abort.abort(new Error('shutting down'));
      await Promise.race([
        Promise.all([...running.values()].map((r) => r.done)),
        new Promise((resolve) => setTimeout(resolve, 1_000).unref()),
      ]);
    },
  };
}
