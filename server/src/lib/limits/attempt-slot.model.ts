import { Schema } from 'mongoose';
import { modelOn } from '../model.ts';

/**
 * One counted attempt: `_id` is `<hash of the limit key>|<window number>|<slot number>`, so a
 * window of a limit of N holds at most N documents, whatever the concurrency (unique `_id`).
 * FerretDB has no TTL indexes: a periodic task deletes slots whose window has ended.
 */
export interface AttemptSlot {
  _id: string;
  expiresAt: Date;
}

const attemptSlotSchema = new Schema<AttemptSlot>(
  {
    _id: { type: String, required: true },
    expiresAt: { type: Date, required: true, index: true },
  },
  { versionKey: false, collection: 'attempt_slots' },
);

export const attemptSlotModel = modelOn<AttemptSlot>('AttemptSlot', attemptSlotSchema);
