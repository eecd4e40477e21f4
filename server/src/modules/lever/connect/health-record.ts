import type { FastifyInstance } from 'fastify';
import { isDuplicateKeyError } from '../../../lib/db/index.ts';
import type { LeverIntegrationDocument } from '../integration.model.ts';
import { leverHealthModel, type LeverHealth } from './health.model.ts';

/** Fields of the health document, and per-event paths such as `found.candidateHired`. */
export type HealthFields = Partial<Omit<LeverHealth, '_id' | 'organizationId'>> &
  Record<`found.${string}`, boolean | null>;

/** Writes the integration's health document (created on first use). */
export async function recordHealth(
  app: FastifyInstance,
  integration: Pick<LeverIntegrationDocument, '_id' | 'organizationId'>,
  fields: HealthFields,
): Promise<void> {
  const Health = leverHealthModel(app.mongo);
  const filter = { _id: integration._id, organizationId: integration.organizationId };
  const update =
    'attemptedAt' in fields
      ? { $set: fields }
      : { $set: fields, $setOnInsert: { attemptedAt: new Date() } };
  try {
    await Health.updateOne(filter, update, { upsert: true });
  } catch (error) {
    // Two first writes at once: one inserted, the other updates it.
    if (!isDuplicateKeyError(error)) throw error;
    await Health.updateOne(filter, { $set: fields });
  }
}

/** `found.<event>`: Lever's last answer about one event's webhook, as a `recordHealth` field. */
export const foundField = (event: string, value: boolean | null) =>
  ({ [`found.${event}`]: value }) as Record<`found.${string}`, boolean | null>;
