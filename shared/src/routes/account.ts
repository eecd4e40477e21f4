import { defineRoute } from '../route-table.ts';
import { changePasswordBodySchema, updateProfileBodySchema } from '../schemas/account.ts';
import { meSchema } from '../schemas/auth.ts';

export const accountRoutes = {
  updateProfile: defineRoute({
    method: 'PATCH',
    path: '/api/account/profile',
    summary: 'Change your own name',
    access: 'user',
    tags: ['account'],
    body: updateProfileBodySchema,
    response: meSchema,
  }),
  changePassword: defineRoute({
    method: 'POST',
    path: '/api/account/password',
    summary: 'Change your own password (signs out your other sessions)',
    access: 'user',
    tags: ['account'],
    body: changePasswordBodySchema,
    response: undefined,
  }),
};
