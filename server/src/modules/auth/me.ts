import type { Types } from 'mongoose';
import type { Me, Role } from '@eligo/shared/schemas/auth';

/** `GET /api/auth/me`'s answer, from a user and organization (documents or the session's copy). */
export function toMe(
  user: { _id: Types.ObjectId; name: string; email: string; role: Role },
  organization: { _id: Types.ObjectId; name: string },
): Me {
  return {
    user: { id: user._id.toHexString(), name: user.name, email: user.email, role: user.role },
    organization: { id: organization._id.toHexString(), name: organization.name },
  };
}
