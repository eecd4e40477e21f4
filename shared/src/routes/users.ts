import { defineRoute } from '../route-table.ts';
import { idParamsSchema } from '../schemas/common.ts';
import {
  inviteUserBodySchema,
  updateUserBodySchema,
  userListSchema,
  userSchema,
} from '../schemas/users.ts';

export const userRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/users',
    summary: "List the organization's users",
    access: 'admin',
    tags: ['users'],
    response: userListSchema,
  }),
  invite: defineRoute({
    method: 'POST',
    path: '/api/users',
    summary: 'Invite a user by email (the link expires and works once)',
    access: 'admin',
    tags: ['users'],
    body: inviteUserBodySchema,
    response: userSchema,
    successStatus: 201,
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/api/users/:id',
    summary: "Change a user's role, or deactivate or reactivate them",
    access: 'admin',
    tags: ['users'],
    params: idParamsSchema,
    body: updateUserBodySchema,
    response: userSchema,
  }),
  resendInvitation: defineRoute({
    method: 'POST',
    path: '/api/users/:id/invitation',
    summary: 'Send a new invitation link (the previous one stops working)',
    access: 'admin',
    tags: ['users'],
    params: idParamsSchema,
    response: userSchema,
  }),
  unlockSignIn: defineRoute({
    method: 'POST',
    path: '/api/users/:id/unlock',
    summary: "Lift the lock that failed sign-ins put on a user's account",
    access: 'admin',
    tags: ['users'],
    params: idParamsSchema,
    response: undefined,
  }),
};
