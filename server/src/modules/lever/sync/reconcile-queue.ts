import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ReconcileAccepted } from '@eligo/shared/schemas/hires';
import { leverIntegrationModel, type LeverIntegration } from '../integration.model.ts';
import { jobGroupOf, LEVER_JOBS, type ReconcileJobPayload } from '../lever.jobs.ts';
import {
  canReconcile,
  readReconcile,
  reconcilePending,
  recordReconcile,
} from './reconcile-state.ts';

type Integration = Pick<LeverIntegration, '_id' | 'organizationId' | 'scopes'>;

/** Queues a reconcile run under `key` (one job per key ever: every instance may ask). */
async function enqueueRun(app: FastifyInstance, integration: Integration, key: string) {
  const requestedAt = new Date();
  const { created } = await app.jobs.enqueue<ReconcileJobPayload>(
    LEVER_JOBS.reconcile,
    { integrationId: integration._id.toHexString() },
    {
      key: `${integration._id.toHexString()}:${key}`,
      organizationId: integration.organizationId,
      group: jobGroupOf(integration._id),
    },
  );
  if (created) await recordReconcile(app, integration, { requestedAt });
  return { created, requestedAt };
}

/**
 * An admin's "reconcile now": joins the run already queued or running, else queues one. Two
 * clicks in the same minute (on any instances) queue one run.
 */
export async function requestReconcile(
  app: FastifyInstance,
  integration: Integration,
  now = Date.now(),
): Promise<ReconcileAccepted> {
  const state = await readReconcile(app, integration);
  if (reconcilePending(state) && state?.requestedAt) {
    return { alreadyQueued: true, requestedAt: state.requestedAt.toISOString() };
  }
  const { created, requestedAt } = await enqueueRun(
    app,
    integration,
    `now:${Math.floor(now / 60_000)}`,
  );
  if (created) return { alreadyQueued: false, requestedAt: requestedAt.toISOString() };
  const again = await readReconcile(app, integration);
  return {
    alreadyQueued: true,
    requestedAt: (again?.requestedAt ?? requestedAt).toISOString(),
  };
}

/** Where in the interval an integration's runs fall, so integrations do not all run at once. */
function phaseOf(integrationId: string, intervalMs: number): number {
  return createHash('sha256').update(integrationId).digest().readUInt32BE(0) % intervalMs;
}

/**
 * The periodic reconcile (every LEVER_RECONCILE_HOURS): each connected integration that may
 * reconcile gets one run per interval, keyed by the interval's number, so every instance can run
 * this task and still one run is queued. Returns how many runs this call queued.
 */
export async function scheduleReconciles(app: FastifyInstance, now = Date.now()): Promise<number> {
  const intervalMs = app.config.leverSettings.reconcileIntervalMs;
  const integrations = await leverIntegrationModel(app.mongo).find(
    { status: 'connected' },
    { organizationId: 1, scopes: 1 },
    { skipTenant: true },
  );
  let queued = 0;
  for (const integration of integrations) {
    if (!canReconcile(integration)) continue;
    const id = integration._id.toHexString();
    const slot = Math.floor((now + phaseOf(id, intervalMs)) / intervalMs);
    if ((await enqueueRun(app, integration, `every:${intervalMs}:${slot}`)).created) queued += 1;
  }
  return queued;
}
