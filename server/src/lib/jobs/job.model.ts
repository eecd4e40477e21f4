import { Schema, type Types } from 'mongoose';
import { retireIndex } from '../db/indexes.ts';
import { modelOn } from '../model.ts';

export type JobState = 'queued' | 'running' | 'succeeded' | 'retrying' | 'paused' | 'dead';

export interface JobEvent {
  at: Date;
  event:
    | 'enqueued'
    | 'started'
    | 'succeeded'
    | 'failed'
    | 'dead'
    | 'paused'
    | 'resumed'
    | 'retried'
    | 'revived'
    | 'released'
    | 'lease-expired';
  attempt: number;
  error?: string;
}

/**
 * One durable job (docs/jobs.md). `_id` is a random id, or derived from the dedupe key so that the
 * unique `_id` makes "one job per key" exclusive on every engine. `attempt` counts started attempts
 * and never goes down: attempt n is claimed by inserting the lease `<_id>:<n>`.
 */
export interface Job {
  _id: string;
  type: string;
  payload: unknown;
  organizationId: Types.ObjectId | null;
  key: string | null;
  group: string | null;
  state: JobState;
  attempt: number;
  /** Attempts that do not count against maxAttempts (manual retries, group pauses). */
  freeAttempts: number;
  /** Null: the budget is a time (the definition's `retryForMs` from `budgetStartedAt`). */
  maxAttempts: number | null;
  /** When the current budget of retries began: the enqueue, the last manual retry or revival. */
  budgetStartedAt: Date;
  /**
   * Of a dead job: it ran out of budget (a dependency was away too long), so a sign that the
   * dependency is back, or a probe, brings it back on its own; false after a PermanentFailure.
   */
  revivable: boolean;
  runAt: Date;
  lastError: string | null;
  leaseOwner: string | null;
  leaseExpiresAt: Date | null;
  history: JobEvent[];
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
  /** Set when the job succeeds (then + JOBS_RETENTION_DAYS): the TTL index deletes it after that. */
  expiresAt: Date | null;
}

const jobEventSchema = new Schema<JobEvent>(
  {
    at: { type: Date, required: true },
    event: { type: String, required: true },
    attempt: { type: Number, required: true },
    error: { type: String },
  },
  { _id: false },
);

const jobSchema = new Schema<Job>(
  {
    _id: { type: String, required: true },
    type: { type: String, required: true },
    payload: { type: Schema.Types.Mixed, default: null },
    organizationId: { type: Schema.Types.ObjectId, default: null },
    key: { type: String, default: null },
    group: { type: String, default: null },
    state: { type: String, required: true },
    attempt: { type: Number, required: true, default: 0 },
    freeAttempts: { type: Number, required: true, default: 0 },
    maxAttempts: { type: Number, default: null },
    budgetStartedAt: { type: Date, required: true },
    revivable: { type: Boolean, default: false },
    runAt: { type: Date, required: true },
    lastError: { type: String, default: null },
    leaseOwner: { type: String, default: null },
    leaseExpiresAt: { type: Date, default: null },
    history: { type: [jobEventSchema], default: [] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    finishedAt: { type: Date, default: null },
    expiresAt: { type: Date, default: null },
  },
  { versionKey: false, minimize: false, collection: 'jobs' },
);
// The poll: due jobs by state and time. Retention: succeeded jobs go at `expiresAt`.
jobSchema.index({ state: 1, runAt: 1 });
jobSchema.index({ group: 1, state: 1 });
// Dead work per organization (the admin's counts and "Retry all").
jobSchema.index({ organizationId: 1, state: 1, type: 1 });
jobSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
retireIndex(jobSchema, { state: 1, finishedAt: 1 }); // the periodic cleanup's, before the TTL

export const jobModel = modelOn<Job>('Job', jobSchema);

/**
 * The claim of one attempt: inserting `_id: <jobId>:<attempt>` succeeds for exactly one instance
 * (a unique `_id` insert). Kept after the attempt, until `expiresAt` (JOBS_RETENTION_DAYS, TTL
 * index), so a late claimer with a stale view of the job still loses: a conditional update would
 * not fence it out (docs/jobs.md).
 */
export interface JobLease {
  _id: string;
  jobId: string;
  owner: string;
  createdAt: Date;
  expiresAt: Date;
}

const jobLeaseSchema = new Schema<JobLease>(
  {
    _id: { type: String, required: true },
    jobId: { type: String, required: true },
    owner: { type: String, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'job_leases' },
);
jobLeaseSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
retireIndex(jobLeaseSchema, { createdAt: 1 }); // the periodic cleanup's, before the TTL

export const jobLeaseModel = modelOn<JobLease>('JobLease', jobLeaseSchema);

/** A paused group (e.g. an integration): none of its jobs is claimed while this exists. */
export interface JobGroup {
  _id: string;
  reason: string;
  pausedAt: Date;
}

const jobGroupSchema = new Schema<JobGroup>(
  {
    _id: { type: String, required: true },
    reason: { type: String, required: true },
    pausedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'job_paused_groups' },
);

export const pausedGroupModel = modelOn<JobGroup>('PausedJobGroup', jobGroupSchema);

/**
 * A keyed job that succeeded (`_id`: the job's id, derived from its type and key). The job itself
 * is deleted JOBS_RETENTION_DAYS later; this tombstone stays, so the key still admits one job ever.
 */
export interface JobKey {
  _id: string;
  succeededAt: Date;
}

const jobKeySchema = new Schema<JobKey>(
  {
    _id: { type: String, required: true },
    succeededAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'job_keys' },
);

export const jobKeyModel = modelOn<JobKey>('JobKey', jobKeySchema);
