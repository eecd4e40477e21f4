import fp from 'fastify-plugin';
import type { Types } from 'mongoose';
import { deadJobs } from '../lib/jobs/dead-jobs.ts';
import { expireLegacyJobs } from '../lib/jobs/retention.ts';
import { jobRunner, type JobDefinition } from '../lib/jobs/runner.ts';
import { jobStore, type EnqueueOptions, type JobView } from '../lib/jobs/store.ts';

/** A process revives the dead jobs of one dependency at most this often (each success asks). */
const REVIVE_THROTTLE_MS = 10_000;

export interface Jobs {
  /** Declares a job type and its handler (idempotent: it may run again after a crash). */
  define<P>(type: string, def: JobDefinition<P>): void;
  /** Stores a job; with `key`, at most one job per (type, key) ever exists (`created: false` after). */
  enqueue<P>(
    type: string,
    payload: P,
    opts?: EnqueueOptions,
  ): Promise<{ id: string; created: boolean }>;
  /**
   * Stores many jobs of one type in one round trip (the webhook receiver's batches): each item's
   * `{ id, created }`, or the error that item met (the others are stored all the same).
   */
  enqueueMany<P>(
    type: string,
    items: Array<{ payload: P; options?: EnqueueOptions }>,
    /**
     * One flag per item, known later (e.g. which inbox rows were new): the reads the enqueue needs
     * start at once, beside it; the items flagged false are not stored (`created: false`).
     */
    keep?: Promise<boolean[]>,
  ): Promise<Array<{ id: string; created: boolean } | { error: unknown }>>;
  /** Dead → queued again (same job); false when it is not dead or not the organization's. */
  retry(jobId: string, organizationId?: Types.ObjectId): Promise<boolean>;
  /** Every dead job of the kind (job types defined with that `kind`) and organization, queued again. */
  retryAll(kind: string, organizationId: Types.ObjectId): Promise<number>;
  /**
   * Their dependency answered again: the jobs of `types` (of `group`, when given) that died of an
   * exhausted budget are queued again with a fresh one. Cheap to call after every success: at
   * most one revival per dependency and process every 10 s; returns how many it requeued.
   */
  revive(filter: { types: string[]; group?: string }): Promise<number>;
  /** Dead jobs of the organization per kind (every kind defined, 0 included). */
  deadCounts(organizationId: Types.ObjectId): Promise<Record<string, number>>;
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
 * unique lease insert, leases renewed while running, retries with capped jittered backoff within a
 * budget of attempts or time, a dead state with retry, revival and a probe, paused groups, graceful
 * drain on close.
 */
export default fp(
  async (app) => {
    const settings = { ...app.config.jobs };
    const store = jobStore(app.mongo, settings, (type) => runner.definition(type)?.retryForMs);
    const dead = deadJobs(app.mongo);
    const runner = jobRunner(store, settings, app.log.child({ module: 'jobs' }));
    const typesOfKind = (kind: string) =>
      [...runner.definitions()].filter(([, def]) => def.kind === kind).map(([type]) => type);
    const lastRevival = new Map<string, number>();

    app.decorate('jobs', {
      define: runner.define,
      async enqueue(type, payload, opts) {
        const def = runner.definition(type);
        if (!def) throw new Error(`job type ${type} is not defined`);
        const result = await store.enqueue(type, payload, def.maxAttempts, opts);
        if (result.created && (!opts?.runAt || opts.runAt <= new Date())) runner.kick();
        return result;
      },
      async enqueueMany(type, items, keep) {
        const def = runner.definition(type);
        if (!def) throw new Error(`job type ${type} is not defined`);
        const results = await store.enqueueMany(type, def.maxAttempts, items, keep);
        const now = new Date();
        const due = (runAt: Date | undefined) => !runAt || runAt <= now;
        if (results.some((r, n) => 'created' in r && r.created && due(items[n]!.options?.runAt)))
          runner.kick();
        return results;
      },
      retry: async (jobId, organizationId) => {
        const queued = await dead.retry(jobId, organizationId);
        if (queued) runner.kick();
        return queued;
      },
      async retryAll(kind, organizationId) {
        const types = typesOfKind(kind);
        const count = await dead.requeueAll(
          { types, organizationId, onlyRevivable: false },
          'retried',
        );
        if (count > 0) runner.kick();
        return count;
      },
      async revive({ types, group }) {
        const key = `${types.join(',')}\0${group ?? ''}`;
        const now = Date.now();
        if (now - (lastRevival.get(key) ?? 0) < REVIVE_THROTTLE_MS) return 0;
        lastRevival.set(key, now);
        const count = await dead.requeueAll({ types, group, onlyRevivable: true }, 'revived');
        if (count > 0) {
          app.log.info(
            { types, group, count },
            'dead jobs revived: their dependency answers again',
          );
          runner.kick();
        }
        return count;
      },
      async deadCounts(organizationId) {
        const kinds = new Map<string, string[]>();
        for (const [type, def] of runner.definitions())
          if (def.kind) kinds.set(def.kind, [...(kinds.get(def.kind) ?? []), type]);
        const byType = await dead.countByType(organizationId, [...kinds.values()].flat());
        return Object.fromEntries(
          [...kinds].map(([kind, types]) => [
            kind,
            types.reduce((sum, type) => sum + (byType.get(type) ?? 0), 0),
          ]),
        );
      },
      pauseGroup: (group, reason) => store.pauseGroup(group, reason),
      resumeGroup: async (group) => {
        await store.resumeGroup(group);
        runner.kick();
      },
      get: (jobId, organizationId) => store.get(jobId, organizationId),
      nextPoll: runner.nextPoll,
    } satisfies Jobs);

    // Jobs with a time budget wait on a dependency: once per backoff cap, one dead job per type and
    // group tries again; if it succeeds, its success revives the rest (`revive`).
    app.scheduler.every('jobs-revival-probe', settings.maxBackoffMs, async () => {
      const types = [...runner.definitions()]
        .filter(([, def]) => def.retryForMs !== undefined)
        .map(([type]) => type);
      if ((await dead.probe(types)) > 0) runner.kick();
    });
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
