import type { Job, JobEvent, JobState } from './job.model.ts';

/** History entries kept per job (the newest). */
export const HISTORY_LIMIT = 30;

export interface JobView {
  id: string;
  type: string;
  state: JobState;
  organizationId: string | null;
  group: string | null;
  /** Attempts started so far (all of them, including after manual retries). */
  attempts: number;
  /** Null when the budget is a time (`retryUntil`). */
  maxAttempts: number | null;
  /** When a job with a time budget stops retrying (becomes dead, revivable); null otherwise. */
  retryUntil: Date | null;
  lastError: string | null;
  /** When a queued, retrying or released job becomes due; null otherwise. */
  nextRunAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
  history: JobEvent[];
}

/** A job as callers see it: never the payload, which may hold secrets. */
export function view(job: Job, retryForMs?: number): JobView {
  return {
    id: job._id,
    type: job.type,
    state: job.state,
    organizationId: job.organizationId ? String(job.organizationId) : null,
    group: job.group,
    attempts: job.attempt,
    maxAttempts: job.maxAttempts,
    retryUntil:
      retryForMs === undefined || job.state === 'succeeded'
        ? null
        : new Date((job.budgetStartedAt ?? job.createdAt).getTime() + retryForMs),
    lastError: job.lastError,
    nextRunAt: ['queued', 'retrying'].includes(job.state) ? job.runAt : null,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    finishedAt: job.finishedAt,
    history: job.history,
  };
}

export const event = (e: Omit<JobEvent, 'at'>): JobEvent => ({ at: new Date(), ...e });
/** The update that appends one history event, keeping the newest HISTORY_LIMIT. */
export const pushEvent = (e: Omit<JobEvent, 'at'>) => ({
  history: { $each: [event(e)], $slice: -HISTORY_LIMIT },
});
