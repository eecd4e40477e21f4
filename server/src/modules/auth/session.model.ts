import { Schema, type Types } from 'mongoose';
import { modelOn } from '../../lib/model.ts';

/**
 * A server-side session. `_id` is the SHA-256 of the cookie value, so the database never holds a
 * usable session id. Expiry is checked on every request (FerretDB has no TTL indexes); a periodic
 * task deletes expired rows.
 */
export interface Session {
  _id: string;
  userId: Types.ObjectId;
  organizationId: Types.ObjectId;
  createdAt: Date;
  /** Absolute end of the session, whatever the activity. */
  expiresAt: Date;
  /** Ends the session after inactivity; pushed forward as the user works. */
  idleExpiresAt: Date;
}

const sessionSchema = new Schema<Session>(
  {
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true, index: true },
    organizationId: { type: Schema.Types.ObjectId, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true, index: true },
    idleExpiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export const sessionModel = modelOn<Session>('Session', sessionSchema);
