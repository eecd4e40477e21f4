import { randomUUID } from 'node:crypto';
import { Schema, type Model } from 'mongoose';
import { insertOnce } from './insert-once.ts';

/** Identifies this process as a lease holder. */
export const INSTANCE_ID = randomUUID();

/**
 * An exclusive claim guarded by the unique `_id` (one winner on MongoDB and FerretDB 2): a lease
 * held for a while (e.g. `refresh:<id>` while one instance refreshes tokens), or a one-time claim
 * kept until `expiresAt` (e.g. an OAuth state that was used). A TTL index deletes expired ones
 * (about a minute late), so readers compare `expiresAt` with the clock themselves.
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
  schema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
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
  /**
   * A one-time claim (e.g. an OAuth state): true for the first caller only, until `keepUntil`
   * (then the TTL index deletes it; what it guards must have expired by then too).
   */
  claimOnce(name: string, keepUntil: Date): Promise<boolean>;
}

/** Leases and one-time claims stored in `model`'s collection. */
export function leases(model: Model<Lease>): Leases {
  return {
    async acquire(name, ttlMs, now = Date.now()) {
      // Twice at most: the second try follows the removal of an expired lease.
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const expiresAt = new Date(now + ttlMs);
        if (
          (await insertOnce(() => model.create({ _id: name, holder: INSTANCE_ID, expiresAt }))).won
        )
          return true;
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
      const claim = { _id: name, holder: INSTANCE_ID, expiresAt: keepUntil };
      return (await insertOnce(() => model.create(claim))).won;
    },
  };
}
