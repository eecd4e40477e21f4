import { Schema, type Types } from 'mongoose';
import type { Role } from '@eligo/shared/schemas/auth';
import { retireIndex } from '../db/indexes.ts';
import { modelOn } from '../model.ts';

/**
 * A server-side session. `_id` is the SHA-256 of the cookie value, so the database never holds a
 * usable session id. It also carries what the access guard needs to know about the caller (name,
 * email, role, organization name), so that a signed-in request costs one read: whatever changes
 * those (a rename, a new role, a deactivation) updates or ends the user's sessions in the same
 * breath (`session.store.ts`). Expiry is checked on every request; the TTL index on
 * `idleExpiresAt` (never later than `expiresAt`) deletes ended sessions about a minute later.
 */
export interface Session {
  _id: string;
  userId: Types.ObjectId;
  organizationId: Types.ObjectId;
  user: { name: string; email: string; role: Role };
  organization: { name: string };
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
    organizationId: { type: Schema.Types.ObjectId, required: true, index: true },
    user: {
      name: { type: String, required: true },
      email: { type: String, required: true },
      role: { type: String, enum: ['admin', 'member'], required: true },
    },
    organization: { name: { type: String, required: true } },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    idleExpiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);
sessionSchema.index({ idleExpiresAt: 1 }, { expireAfterSeconds: 0 });
retireIndex(sessionSchema, { expiresAt: 1 }); // the periodic cleanup's, before the TTL

export const sessionModel = modelOn<Session>('Session', sessionSchema);
