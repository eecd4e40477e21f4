import { Schema, type HydratedDocument, type Types } from 'mongoose';
import type { Role } from '@eligo/shared/schemas/auth';
import type { User as UserDto, UserStatus } from '@eligo/shared/schemas/users';
import { tenantScoped } from '../../lib/tenancy/tenant-scope.plugin.ts';
import { modelOn } from '../../lib/model.ts';

export { normalizeEmail } from '../../lib/email.ts';

export interface User {
  _id: Types.ObjectId;
  organizationId: Types.ObjectId;
  name: string;
  email: string;
  /** Lower-cased, trimmed, NFKC: what uniqueness and login compare (no collation on FerretDB). */
  emailNormalized: string;
  role: Role;
  status: UserStatus;
  passwordHash: string | null;
  inviteTokenHash: string | null;
  inviteExpiresAt: Date | null;
  invitedBy: Types.ObjectId | null;
  lastLoginAt: Date | null;
  /** The user's own notification choices (My Account › Profile). */
  preferences: UserPreferences;
  createdAt: Date;
  updatedAt: Date;
}
export type UserDocument = HydratedDocument<User>;

export interface UserPreferences {
  /** The daily filing digest (admins only; docs/filing.md §3). On unless turned off. */
  filingDigest: boolean;
}

const userSchema = new Schema<User>(
  {
    name: { type: String, required: true, trim: true, maxlength: 120 },
    email: { type: String, required: true, trim: true, maxlength: 254 },
    emailNormalized: { type: String, required: true },
    role: { type: String, enum: ['admin', 'member'], required: true },
    status: { type: String, enum: ['invited', 'active', 'deactivated'], required: true },
    passwordHash: { type: String, default: null },
    inviteTokenHash: { type: String, default: null },
    inviteExpiresAt: { type: Date, default: null },
    invitedBy: { type: Schema.Types.ObjectId, default: null },
    lastLoginAt: { type: Date, default: null },
    preferences: {
      type: new Schema<UserPreferences>(
        { filingDigest: { type: Boolean, default: true } },
        { _id: false },
      ),
      default: () => ({}),
    },
  },
  { timestamps: true },
);
userSchema.plugin(tenantScoped);
// People sign in with just their email, so an address belongs to one account across all organizations.
userSchema.index({ emailNormalized: 1 }, { unique: true });
userSchema.index({ inviteTokenHash: 1 });

export const userModel = modelOn<User>('User', userSchema);

export function toUserDto(user: User): UserDto {
  return {
    id: user._id.toHexString(),
    name: user.name,
    email: user.email,
    role: user.role,
    status: user.status,
    createdAt: user.createdAt.toISOString(),
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    inviteExpiresAt:
      user.status === 'invited' ? (user.inviteExpiresAt?.toISOString() ?? null) : null,
  };
}
