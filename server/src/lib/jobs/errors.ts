/**
 * What a job handler throws to steer its job (docs/jobs.md). Any other error is retried with
 * exponential backoff and full jitter until the attempt cap, then the job is dead.
 */

/** Try again, but not before `afterMs` (e.g. a 429's Retry-After); a longer backoff still wins. */
export class RetryLater extends Error {
  readonly afterMs: number;
  constructor(message: string, options: { afterMs?: number } = {}) {
    super(message);
    this.name = 'RetryLater';
    this.afterMs = Math.max(0, options.afterMs ?? 0);
  }
}

/** Retrying cannot help (e.g. 400/403/404/422): the job is dead at once, awaiting a manual retry. */
export class PermanentFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentFailure';
  }
}

/**
 * The job's whole group must wait (e.g. its integration was disconnected): the group is paused and
 * this job waits in it, not dead and without using up an attempt, until resumeGroup().
 */
export class PauseJobGroup extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'PauseJobGroup';
  }
}
