import fp from 'fastify-plugin';
import type { Types } from 'mongoose';
import { expireLegacyJobs } from '../lib/jobs/retention.ts';
import { jobRunner, type JobDefinition } from '../lib/jobs/runner.ts';
import { jobStore, type EnqueueOptions, type JobView } from '../lib/jobs/store.ts';

export interface Jobs {
  /** Declares a job type and its handler (idempotent: it may run again after a crash). */
  define<P>(type: string, def: JobDefinition<P>): void;
  /** Stores a job; with `key`, at most one job per (type, key) ever exists (`created: false` after). */
  enqueue<P>(
    type: string,
    payload: P,
    opts?: EnqueueOptions,
  ): Promise<{ id: string; created: boolean }>;
  /** Dead → queued again (same job); false when it is not dead or not the organization's. */
  retry(jobId: string, organizationId?: Types.ObjectId): Promise<boolean>;
  /** No job of the group is claimed until resumeGroup(); one already running finishes. */
  pauseGroup(group: string, reason: string): Promise<void>;
  resumeGroup(group: string): Promise<void>;
  /** State, attempts, last error, next run and history; never the payload. */
  get(jobId: string, organizationId?: Types.ObjectId): Promise<JobView | null>;
  /**
   * Resolves once this instance has finished a poll for due jobs that began after the call: the
   * runner's observable tick, so a test can wait for it instead of sleeping.
   */
  nextPoll(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    jobs: Jobs;
  }
}

/**
 * Durable jobs in MongoDB, run inside the API process by every instance (docs/jobs.md): claims by a
 * unique lease insert, leases renewed while running, retries with capped jittered backoff, a dead
 * state with a retry action, paused groups, graceful drain on close.
 */
export default fp(
  async (app) => {
    const store = jobStore(app.mongo, app.config.jobs);
    const runner = jobRunner(store, app.config.jobs, app.log.child({ module: 'jobs' }));
    app.decorate('jobs', {
      define: runner.define,
      async enqueue(type, payload, opts) {
        const def = runner.definition(type);
        if (!def) throw new Error(`job type ${type} is not defined`);
        const result = await store.enqueue(type, payload, def.maxAttempts, opts);
        if (result.created && (!opts?.runAt || opts.runAt <= new Date())) runner.kick();
        return result;
      },
      retry: async (jobId, organizationId) => {
        const queued = await store.retry(jobId, organizationId);
        if (queued) runner.kick();
        return queued;
      },
      pauseGroup: (group, reason) => store.pauseGroup(group, reason),
      resumeGroup: async (group) => {
        await store.resumeGroup(group);
        runner.kick();
      },
      get: (jobId, organizationId) => store.get(jobId, organizationId),
      nextPoll: runner.nextPoll,
    } satisfies Jobs);

    // After the mongo plugin's onReady (collections and indexes exist).
    app.addHook('onReady', async () => {
      const adopted = await expireLegacyJobs(app.mongo, app.config.jobs);
      if (adopted.jobs + adopted.leases > 0)
        app.log.info(adopted, 'jobs and leases from before the TTL indexes given an expiry');
      runner.start();
    });
    // Registered after mongo, so this runs before its connection closes (onClose runs in reverse).
    app.addHook('onClose', async () => runner.drain());
  },
  { name: 'jobs', dependencies: ['config', 'mongo'] },
);
