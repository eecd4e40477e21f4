import { Type, type Static } from 'typebox';
import { roleSchema } from './auth.ts';
import { emailSchema, idSchema, isoDateTimeSchema, personNameSchema } from './common.ts';

export const userStatusSchema = Type.Union([
  Type.Literal('invited'),
  Type.Literal('active'),
  Type.Literal('deactivated'),
]);
export type UserStatus = Static<typeof userStatusSchema>;

export const userSchema = Type.Object({
  id: idSchema,
  name: Type.String(),
  email: Type.String(),
  role: roleSchema,
  status: userStatusSchema,
  createdAt: isoDateTimeSchema,
  lastLoginAt: Type.Union([isoDateTimeSchema, Type.Null()]),
  inviteExpiresAt: Type.Union([isoDateTimeSchema, Type.Null()]),
});
export type User = Static<typeof userSchema>;

export const userListSchema = Type.Object({ items: Type.Array(userSchema) });
export type UserList = Static<typeof userListSchema>;

export const inviteUserBodySchema = Type.Object(
  { email: emailSchema, name: personNameSchema, role: roleSchema },
  { additionalProperties: false },
);
export type InviteUserBody = Static<typeof inviteUserBodySchema>;

export const updateUserBodySchema = Type.Object(
  {
    role: Type.Optional(roleSchema),
    /** Admins deactivate or reactivate; `invited` is set only by inviting. */
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('deactivated')])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUserBody = Static<typeof updateUserBodySchema>;
