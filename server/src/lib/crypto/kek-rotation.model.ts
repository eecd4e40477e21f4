import { Schema } from 'mongoose';
import { modelOn } from '../model.ts';

/**
 * The one document (`_id: 'current'`) naming the KEK that new data keys are wrapped under once a
 * rotation has started, and how that rotation went. Written only by the rotation command
 * (`rotation.ts`); read by every instance when it creates a data key (`data-keys.ts`).
 */
export interface KekRotation {
  _id: 'current';
  /** The KEK every data key is (being) re-wrapped under. */
  kekId: string;
  /** The KEK rotated away from (null when the command ran without ENCRYPTION_KEY_PREVIOUS). */
  fromKekId: string | null;
  startedAt: Date;
  /** Set when no data key is left under another KEK; null while under way (or after a crash). */
  finishedAt: Date | null;
  rewrapped: number;
}

const kekRotationSchema = new Schema<KekRotation>(
  {
    _id: { type: String, required: true },
    kekId: { type: String, required: true },
    fromKekId: { type: String, default: null },
    startedAt: { type: Date, required: true },
    finishedAt: { type: Date, default: null },
    rewrapped: { type: Number, required: true, default: 0 },
  },
  { versionKey: false, collection: 'kek_rotation' },
);

export const kekRotationModel = modelOn<KekRotation>('KekRotation', kekRotationSchema);
