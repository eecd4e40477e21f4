import { Schema } from 'mongoose';
import { modelOn } from '../../lib/model.ts';

/**
 * An open sign-up (ALLOW_SIGNUP) waiting for its address to be confirmed: the organization and
 * its admin are created only when the link mailed to the address is opened. `_id` is the SHA-256
 * of the link's token (used once: confirming deletes the row). Expired rows are deleted by a
 * periodic task.
 */
export interface SignupRequest {
  _id: string;
  organizationName: string;
  name: string;
  email: string;
  passwordHash: string;
  expiresAt: Date;
}

const signupRequestSchema = new Schema<SignupRequest>(
  {
    _id: { type: String, required: true },
    organizationName: { type: String, required: true },
    name: { type: String, required: true },
    email: { type: String, required: true },
    passwordHash: { type: String, required: true },
    expiresAt: { type: Date, required: true, index: true },
  },
  { versionKey: false, collection: 'signup_requests' },
);

export const signupRequestModel = modelOn<SignupRequest>('SignupRequest', signupRequestSchema);
