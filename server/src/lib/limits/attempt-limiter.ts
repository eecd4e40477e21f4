import { createHash } from 'node:crypto';
import type { Connection } from 'mongoose';
import { insertOnce } from '../db/index.ts';
import { attemptSlotModel } from './attempt-slot.model.ts';

export interface Limit {
  /** Attempts allowed per window. */
  max: number;
  windowMs: number;
}

export type Reservation =
  | {
      ok: true;
      /** Gives the slot back (the attempt succeeded and should not count). */ release(): Promise<void>;
    }
  | { ok: false; retryAfterSeconds: number };

/**
 * Counts attempts (sign-ins, password checks) in the database, so every API instance sees the same
 * counters, and exactly: an attempt first reserves one of the window's `max` slots by inserting a
 * document with a deterministic `_id`. The unique `_id` lets each slot be taken once, so N parallel
 * attempts never get more than `max` through (a conditional `$inc` of one counter per window would
 * be atomic too on MongoDB and FerretDB 2; the slots stay, being correct and tested). The caller releases the slot when the attempt should not count.
 * Windows are fixed (a new one starts every `windowMs`).
 */
export function attemptLimiter(connection: Connection, now: () => number = Date.now) {
  const Slots = attemptSlotModel(connection);
  // Hashed: keys hold emails and addresses, which need not be stored, and may contain any character.
  const keyId = (key: string) => createHash('sha256').update(key).digest('base64url');

  return {
    async reserve(key: string, { max, windowMs }: Limit): Promise<Reservation> {
      const at = now();
      const windowNumber = Math.floor(at / windowMs);
      const windowEnd = (windowNumber + 1) * windowMs;
      const prefix = `${keyId(key)}|${windowNumber}|`;
      const limited = { ok: false as const, retryAfterSeconds: Math.ceil((windowEnd - at) / 1000) };
      // How many slots are taken tells where a free one probably is; the inserts decide.
      const taken = await Slots.countDocuments({ _id: { $gte: prefix, $lt: `${prefix}~` } });
      if (taken >= max) return limited;
      for (let i = 0; i < max; i++) {
        const id = `${prefix}${(taken + i) % max}`;
        const slot = { _id: id, expiresAt: new Date(windowEnd) };
        if (!(await insertOnce(() => Slots.create(slot))).won) continue;
        return {
          ok: true,
          release: async () => {
            await Slots.deleteOne({ _id: id });
          },
        };
      }
      return limited;
    },

    /** Forgets every counted attempt of `key` (an admin unlocks a sign-in). */
    async clear(key: string): Promise<void> {
      const id = keyId(key);
      await Slots.deleteMany({ _id: { $gte: `${id}|`, $lt: `${id}|~` } });
    },
  };
}

export type AttemptLimiter = ReturnType<typeof attemptLimiter>;
