import { Schema } from 'mongoose';
import { modelOn } from '../../../lib/model.ts';

/**
 * One reserved moment to call Lever for one Lever account: `_id` = `<accountId>:<slot number>`.
 * The unique `_id` makes each slot go to exactly one caller across every API instance. Only slots
 * of the last `burst` slot lengths matter; the TTL index deletes those older than a minute.
 */
export interface LeverRateSlot {
  _id: string;
  at: Date;
}

const rateSlotSchema = new Schema<LeverRateSlot>(
  { _id: { type: String, required: true }, at: { type: Date, required: true } },
  { versionKey: false },
);
rateSlotSchema.index({ at: 1 }, { expireAfterSeconds: 60 });

export const leverRateSlotModel = modelOn<LeverRateSlot>('LeverRateSlot', rateSlotSchema);
