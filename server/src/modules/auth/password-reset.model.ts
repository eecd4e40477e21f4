import { Schema, type Types } from 'mongoose';
import { modelOn } from '../../lib/model.ts';
import { tenantScoped } from '../../lib/tenancy/tenant-scope.plugin.ts';

/**
 * An outstanding password-reset link. `_id` is the SHA-256 of the link's token (the token itself is
 * only in the email); the link is found by it across organizations, like an invitation. Rows go
 * when used, when a newer link replaces them, and (TTL index) once expired.
 */
export interface PasswordReset {
  _id: string;
  organizationId: Types.ObjectId;
  userId: Types.ObjectId;
  expiresAt: Date;
  createdAt: Date;
}

const passwordResetSchema = new Schema<PasswordReset>(
  {
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true, index: true },
    expiresAt: { type: Date, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
passwordResetSchema.plugin(tenantScoped);
passwordResetSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export const passwordResetModel = modelOn<PasswordReset>('PasswordReset', passwordResetSchema);
