import { Schema } from 'mongoose';
import { modelOn } from '../model.ts';

/**
 * One counted attempt: `_id` is `<hash of the limit key>|<window number>|<slot number>`, so a
 * window of a limit of N holds at most N documents, whatever the concurrency (unique `_id`).
 * Counting reads only the current window's slots; the TTL index deletes the ended ones.
 */
export interface AttemptSlot {
  _id: string;
  expiresAt: Date;
}

const attemptSlotSchema = new Schema<AttemptSlot>(
  {
    _id: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'attempt_slots' },
);
attemptSlotSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export const attemptSlotModel = modelOn<AttemptSlot>('AttemptSlot', attemptSlotSchema);
