import { randomUUID } from 'node:crypto';
import { Schema, type Model } from 'mongoose';
import { isDuplicateKeyError } from './unique-insert.ts';

/** Identifies this process as a lease holder. */
export const INSTANCE_ID = randomUUID();

/**
 * An exclusive claim guarded by the unique `_id` (atomic on MongoDB and FerretDB alike): a lease
 * held for a while (e.g. `refresh:<id>` while one instance refreshes tokens), or a one-time claim
 * kept until `expiresAt` (e.g. an OAuth state that was used). Expired ones are pruned.
 */
export interface Lease {
  _id: string;
  holder: string;
  expiresAt: Date;
}

/** The schema of a lease collection (each owner keeps its own collection, e.g. `leverleases`). */
export function leaseSchema(): Schema<Lease> {
  const schema = new Schema<Lease>(
    {
      _id: { type: String, required: true },
      holder: { type: String, required: true },
      expiresAt: { type: Date, required: true },
    },
    { versionKey: false },
  );
  schema.index({ expiresAt: 1 });
  return schema;
}

export interface Leases {
  /**
   * Takes the lease `name` for `ttlMs` by inserting it. An expired lease left by a crashed holder
   * is removed first. False while someone else holds it.
   */
  acquire(name: string, ttlMs: number, now?: number): Promise<boolean>;
  /** Gives the lease back (only if this process holds it). */
  release(name: string): Promise<void>;
  /** A one-time claim (e.g. an OAuth state): true for the first caller only, ever (until pruned). */
  claimOnce(name: string, keepUntil: Date): Promise<boolean>;
  /** Deletes expired leases and claims (periodic task). */
  prune(now?: number): Promise<number>;
}

/** Leases and one-time claims stored in `model`'s collection. */
export function leases(model: Model<Lease>): Leases {
  return {
    async acquire(name, ttlMs, now = Date.now()) {
      for (let attempt = 0; attempt < 2; attempt += 1) {
        try {
          await model.create({ _id: name, holder: INSTANCE_ID, expiresAt: new Date(now + ttlMs) });
          return true;
        } catch (error) {
          if (!isDuplicateKeyError(error)) throw error;
        }
        const existing = await model.findById(name);
        if (existing && existing.expiresAt.getTime() > now) return false;
        if (existing) await model.deleteOne({ _id: name, expiresAt: existing.expiresAt });
      }
      return false;
    },
    async release(name) {
      await model.deleteOne({ _id: name, holder: INSTANCE_ID });
    },
    async claimOnce(name, keepUntil) {
      try {
        await model.create({ _id: name, holder: INSTANCE_ID, expiresAt: keepUntil });
        return true;
      } catch (error) {
        if (isDuplicateKeyError(error)) return false;
        throw error;
      }
    },
    async prune(now = Date.now()) {
      const result = await model.deleteMany({ expiresAt: { $lt: new Date(now) } });
      return result.deletedCount;
    },
  };
}
