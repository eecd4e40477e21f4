import { Type, type Static } from 'typebox';
import { passwordSchema, personNameSchema } from './common.ts';

export const updateProfileBodySchema = Type.Object(
  { name: personNameSchema },
  { additionalProperties: false },
);
export type UpdateProfileBody = Static<typeof updateProfileBodySchema>;

export const changePasswordBodySchema = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 256 }), newPassword: passwordSchema },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof changePasswordBodySchema>;
