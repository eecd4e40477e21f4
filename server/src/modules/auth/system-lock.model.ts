import { Schema, type Connection, type Model } from 'mongoose';

/** Named one-shot claims guarded by the unique `_id`, e.g. "the first organization was created". */
export interface SystemLock {
  _id: string;
  at: Date;
}

const systemLockSchema = new Schema<SystemLock>(
  { _id: { type: String, required: true }, at: { type: Date, required: true } },
  { versionKey: false },
);

export function systemLockModel(connection: Connection): Model<SystemLock> {
  return (
    (connection.models.SystemLock as Model<SystemLock> | undefined) ??
    connection.model<SystemLock>('SystemLock', systemLockSchema)
  );
}
