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

    /**
     * Like `reserve`, over a sliding window: at most `max` reservations in any `windowMs` ("3 a
     * day" means 3 in the last 24 hours, not 3 per calendar day, so no burst at midnight and no
     * dependence on the clock's date). A key has `max` slots `<key>|r|<n>`, each holding the end
     * of the window of its last use; a reservation takes a slot that was never used (unique
     * insert) or whose window has passed (a conditional update on the end it read: only one of
     * any number of concurrent callers changes it, on MongoDB and FerretDB alike). A slot whose
     * window passed may also be gone (the TTL index on `expiresAt`): then it is inserted again.
     * When none is free, `retryAfterSeconds` is the time until the earliest slot frees.
     */
    async reserveSliding(key: string, { max, windowMs }: Limit): Promise<Reservation> {
      const prefix = `${keyId(key)}|r|`;
      for (let round = 0; round < 5; round++) {
        const at = now();
        const until = new Date(at + windowMs);
        const slots = await Slots.find({ _id: { $gte: prefix, $lt: `${prefix}~` } }).lean();
        const byId = new Map(slots.map((slot) => [slot._id, slot.expiresAt]));
        const ids = Array.from({ length: max }, (_, n) => `${prefix}${n}`);
        const earliest = Math.min(...ids.map((id) => byId.get(id)?.getTime() ?? at));
        if (earliest > at) {
          return { ok: false, retryAfterSeconds: Math.ceil((earliest - at) / 1000) };
        }
        for (const id of ids) {
          const ends = byId.get(id);
          if (ends && ends.getTime() > at) continue;
          const taken = ends
            ? (await Slots.updateOne({ _id: id, expiresAt: ends }, { $set: { expiresAt: until } }))
                .modifiedCount === 1
            : (await insertOnce(() => Slots.create({ _id: id, expiresAt: until }))).won;
          if (taken) {
            return {
              ok: true,
              release: async () => {
                await Slots.deleteOne({ _id: id, expiresAt: until });
              },
            };
          }
        }
        // Every free slot was taken by someone else meanwhile: look again.
      }
      return { ok: false, retryAfterSeconds: 1 };
    },

    /** Forgets every counted attempt of `key` (an admin unlocks a sign-in). */
    async clear(key: string): Promise<void> {
      const id = keyId(key);
      await Slots.deleteMany({ _id: { $gte: `${id}|`, $lt: `${id}|~` } });
    },
  };
}

export type AttemptLimiter = ReturnType<typeof attemptLimiter>;
