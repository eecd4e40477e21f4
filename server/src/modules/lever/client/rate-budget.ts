import type { Connection } from 'mongoose';
import { insertOnce } from '../../../lib/db/index.ts';
import { leverRateSlotModel } from './rate-slot.model.ts';

export interface RateBudgetOptions {
  /** Steady rate per Lever account (Lever: 10/s); we stay below it. */
  requestsPerSecond: number;
  /** Unused slots of the last `burst` slot lengths may be taken at once (Lever's burst: 20). */
  burst: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface RateBudget {
  /** Resolves when this caller may send one request to the Lever account `accountId`. */
  take(accountId: string): Promise<void>;
}

/** How late after its slot a request may still be sent. */
const LATE_MS = 250;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Lever's rate limit is a token bucket per account (10 requests/s, bursts of 20), shared by every
 * API instance that calls it. Time is cut into slots of 1/requestsPerSecond seconds; a request
 * needs a slot of its own, reserved by inserting `<account>:<slot>` (unique `_id`: exactly one
 * winner, on any number of instances). A caller takes the earliest free slot from `burst` slots ago
 * onwards and waits for its time if it lies ahead. Slots are never read again once past; the TTL
 * index deletes them a minute later (rate-slot.model.ts).
 *
 * Why that stays under Lever's bucket: in any interval of T seconds we send at most
 * requestsPerSecond·T + burst + 1 requests, while Lever refills 10·T on top of 20. With the
 * defaults (8/s, burst 10) the bucket never runs dry, whatever the number of instances. Instances'
 * clocks must agree to well under a second (NTP). A caller that wakes up more than LATE_MS after
 * its slot (a stalled event loop) takes a new slot rather than bunch up with later requests.
 */
export function rateBudget(connection: Connection, options: RateBudgetOptions): RateBudget {
  const Slots = leverRateSlotModel(connection);
  const slotMs = 1000 / options.requestsPerSecond;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  // Per account in this process: the next slot worth trying, and a queue so that this process's
  // callers reserve one after another instead of racing each other for the same slots.
  const local = new Map<string, { cursor: number; queue: Promise<unknown> }>();

  async function reserve(accountId: string, entry: { cursor: number }): Promise<number> {
    let slot = Math.max(entry.cursor, Math.floor(now() / slotMs) - options.burst);
    for (;;) {
      const row = { _id: `${accountId}:${slot}`, at: new Date(slot * slotMs) };
      if ((await insertOnce(() => Slots.collection.insertOne(row as never))).won) {
        entry.cursor = slot + 1;
        return slot;
      }
      slot += 1; // another instance has it
    }
  }

  return {
    async take(accountId) {
      let entry = local.get(accountId);
      if (!entry) {
        entry = { cursor: 0, queue: Promise.resolve() };
        local.set(accountId, entry);
      }
      const current = entry;
      for (let attempt = 0; ; attempt += 1) {
        const reservation = current.queue.then(() => reserve(accountId, current));
        current.queue = reservation.catch(() => undefined);
        const slot = await reservation;
        // A past slot (unused burst capacity) is due now; a future one at its time.
        const due = Math.max(slot * slotMs, now());
        if (due > now()) await sleep(due - now());
        // Woken much later than due (a busy event loop): sending now could bunch up with requests
        // of later slots, so take a fresh slot instead (a few times at most).
        if (now() - due <= LATE_MS || attempt >= 3) return;
      }
    },
  };
}
