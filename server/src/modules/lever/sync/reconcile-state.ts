import type { FastifyInstance } from 'fastify';
import type { LeverReconcile } from '@eligo/shared/schemas/lever-tile';
import { isDuplicateKeyError } from '../../../lib/db/index.ts';
import { hasScope } from '../connect/scopes.ts';
import type { LeverIntegration } from '../integration.model.ts';
import { leverReconcileModel, type LeverReconcileState } from './reconcile.model.ts';

type Integration = Pick<LeverIntegration, '_id' | 'organizationId' | 'scopes'>;

/** The scope the reconcile cannot do without: it tells which archive reasons mean hired. */
export const RECONCILE_SCOPE = 'archive_reasons:read:admin';

export const canReconcile = (integration: Pick<LeverIntegration, 'scopes'>) =>
  hasScope(integration.scopes, RECONCILE_SCOPE);

/** Writes fields of the integration's reconcile state (created on first use). */
export async function recordReconcile(
  app: FastifyInstance,
  integration: Pick<LeverIntegration, '_id' | 'organizationId'>,
  fields: Partial<Omit<LeverReconcileState, '_id' | 'organizationId'>>,
): Promise<void> {
  const Reconciles = leverReconcileModel(app.mongo);
  const filter = { _id: integration._id, organizationId: integration.organizationId };
  try {
    await Reconciles.updateOne(filter, { $set: fields }, { upsert: true });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    await Reconciles.updateOne(filter, { $set: fields });
  }
}

export function readReconcile(
  app: FastifyInstance,
  integration: Pick<LeverIntegration, '_id' | 'organizationId'>,
) {
  return leverReconcileModel(app.mongo).findOne({
    _id: integration._id,
    organizationId: integration.organizationId,
  });
}

const after = (a: Date | null | undefined, b: Date | null | undefined) =>
  Boolean(a && (!b || a.getTime() > b.getTime()));

/** Queued or running: a new request joins it instead of starting another run. */
export function reconcilePending(state: LeverReconcileState | null): 'queued' | 'running' | null {
  if (!state) return null;
  if (after(state.startedAt, state.finishedAt)) return 'running';
  if (after(state.requestedAt, state.startedAt)) return 'queued';
  return null;
}

/** The tile's view of the reconcile. */
export async function reconcileView(
  app: FastifyInstance,
  integration: Integration,
): Promise<LeverReconcile> {
  const state = await readReconcile(app, integration);
  const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;
  const pending = reconcilePending(state);
  return {
    state: !canReconcile(integration)
      ? 'unavailable'
      : (pending ?? (state?.lastError ? 'failed' : 'idle')),
    lastRunAt: iso(state?.lastRunAt),
    watermark: iso(state?.watermark),
    lastFound: state?.lastFound ?? 0,
    lastError: state?.lastError ?? null,
    intervalHours: app.config.leverSettings.reconcileIntervalMs / 3_600_000,
  };
}
