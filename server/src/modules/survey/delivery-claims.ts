import type { FastifyInstance } from 'fastify';
import type { Types } from 'mongoose';
import { insertOnce } from '../../lib/db/index.ts';
import { scoped } from '../../lib/tenancy/tenant-repository.ts';
import {
  deliveryModel,
  type Delivery,
  type DeliveryDocument,
  type DeliveryKind,
  type DeliveryState,
} from './delivery.model.ts';

/**
 * How long a claim stays exclusive while its email is being queued (a few database writes: the
 * link, the outbox row; the sending itself happens later, in the outbox). A claim older than this
 * without an outcome belongs to a process that died: the next attempt may be claimed, and the sweep
 * marks it failed.
 */
export const CLAIM_LEASE_MS = 2 * 60_000;

export interface ClaimRequest {
  organizationId: Types.ObjectId;
  applicantId: Types.ObjectId;
  key: string;
  kind: DeliveryKind;
  now: Date;
  /** A sent claim older than this no longer counts (the same-person window); default: forever. */
  sentValidForMs?: number;
}

export type ClaimResult =
  { won: true; claim: DeliveryDocument } | { won: false; current: DeliveryDocument };

function isLive(claim: Delivery, request: ClaimRequest): boolean {
  const age = request.now.getTime() - claim.claimedAt.getTime();
  if (claim.state === 'failed') return false;
  if (claim.state === 'claimed') return age < CLAIM_LEASE_MS;
  return request.sentValidForMs === undefined || age <= request.sentValidForMs;
}

/**
 * Claims the right to send the email `key` stands for. Exclusivity comes from inserting
 * `<key>#<attempt>` (unique `_id`): of any number of concurrent callers, on any number of API
 * instances, exactly one wins an attempt; the others get the live claim back. The numbered
 * attempts also keep each send's record (docs/applicants.md).
 */
export async function claimDelivery(
  app: FastifyInstance,
  request: ClaimRequest,
): Promise<ClaimResult> {
  const Deliveries = scoped(deliveryModel(app.mongo), request.organizationId);
  for (let round = 0; round < 10; round++) {
    const latest = await Deliveries.findOne({ key: request.key }).sort({ attempt: -1 });
    if (latest && isLive(latest, request)) return { won: false, current: latest };
    const attempt = (latest?.attempt ?? 0) + 1;
    const inserted = await insertOnce(() =>
      Deliveries.create({
        _id: `${request.key}#${attempt}`,
        key: request.key,
        attempt,
        kind: request.kind,
        applicantId: request.applicantId,
        state: 'claimed',
        claimedAt: request.now,
      }),
    );
    if (inserted.won) return { won: true, claim: inserted.value };
    // Someone else took this attempt: look again.
  }
  throw new Error(`Could not settle the claim ${request.key}`);
}

/**
 * Claims left `claimed` by a process that died before queueing their email (past the lease) are
 * marked failed, so none is held forever; whoever asks for that email next claims a new attempt
 * (the application job retries while a claim is in progress). Every instance sweeps; idempotent.
 */
export async function releaseAbandonedClaims(
  app: FastifyInstance,
  now = new Date(),
): Promise<number> {
  const result = await deliveryModel(app.mongo)
    .updateMany(
      { state: 'claimed', claimedAt: { $lt: new Date(now.getTime() - CLAIM_LEASE_MS) } },
      {
        $set: {
          state: 'failed',
          doneAt: now,
          error: 'abandoned: the process that claimed it stopped before queueing the email',
        },
      },
    )
    .setOptions({ skipTenant: true });
  return result.modifiedCount;
}

/** Records what became of a claim; only its winner writes it. */
export async function settleDelivery(
  app: FastifyInstance,
  claim: Pick<Delivery, '_id' | 'organizationId'>,
  state: Exclude<DeliveryState, 'claimed'>,
  error?: unknown,
): Promise<void> {
  await scoped(deliveryModel(app.mongo), claim.organizationId).updateOne(
    { _id: claim._id },
    {
      $set: {
        state,
        doneAt: new Date(),
        error: error === undefined ? null : String((error as Error).message ?? error).slice(0, 300),
      },
    },
  );
}
