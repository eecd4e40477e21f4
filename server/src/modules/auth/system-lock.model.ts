import { Schema } from 'mongoose';
import { modelOn } from '../../lib/model.ts';

/** Named one-shot claims guarded by the unique `_id`, e.g. "the first organization was created". */
export interface SystemLock {
  _id: string;
  at: Date;
}

const systemLockSchema = new Schema<SystemLock>(
  { _id: { type: String, required: true }, at: { type: Date, required: true } },
  { versionKey: false },
);

export const systemLockModel = modelOn<SystemLock>('SystemLock', systemLockSchema);
