import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { isDuplicateKeyError } from '../../lib/email.ts';
import { leverLeaseModel } from './lease.model.ts';

/** Identifies this process as a lease holder. */
export const INSTANCE_ID = randomUUID();

/**
 * Takes the lease `name` for `ttlMs` by inserting it (unique `_id`). An expired lease left by a
 * crashed holder is removed first. Returns false while someone else holds it.
 */
export async function acquireLease(
  connection: Connection,
  name: string,
  ttlMs: number,
  now = Date.now(),
): Promise<boolean> {
  const Leases = leverLeaseModel(connection);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await Leases.create({ _id: name, holder: INSTANCE_ID, expiresAt: new Date(now + ttlMs) });
      return true;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    const existing = await Leases.findById(name);
    if (existing && existing.expiresAt.getTime() > now) return false;
    if (existing) await Leases.deleteOne({ _id: name, expiresAt: existing.expiresAt });
  }
  return false;
}

export async function releaseLease(connection: Connection, name: string): Promise<void> {
  await leverLeaseModel(connection).deleteOne({ _id: name, holder: INSTANCE_ID });
}

/** A one-time claim (e.g. an OAuth state): true for the first caller only, ever (until pruned). */
export async function claimOnce(
  connection: Connection,
  name: string,
  keepUntil: Date,
): Promise<boolean> {
  try {
    await leverLeaseModel(connection).create({
      _id: name,
      holder: INSTANCE_ID,
      expiresAt: keepUntil,
    });
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

export async function pruneLeases(connection: Connection, now = Date.now()): Promise<number> {
  const result = await leverLeaseModel(connection).deleteMany({
    expiresAt: { $lt: new Date(now) },
  });
  return result.deletedCount;
}
