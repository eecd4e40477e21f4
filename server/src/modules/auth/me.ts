import type { Me } from '@eligo/shared/schemas/auth';
import type { Organization } from '../organizations/organization.model.ts';
import type { User } from '../users/user.model.ts';

export function toMe(user: User, organization: Organization): Me {
  return {
    user: { id: user._id.toHexString(), name: user.name, email: user.email, role: user.role },
    organization: { id: organization._id.toHexString(), name: organization.name },
  };
}
