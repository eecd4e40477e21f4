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

/**
 * The signed-in user's own notification choices. `filingDigest`: the daily email of hires due
 * within 7 days or overdue (docs/filing.md §6), on by default; it goes to admins only.
 */
export const accountPreferencesSchema = Type.Object({ filingDigest: Type.Boolean() });
export type AccountPreferences = Static<typeof accountPreferencesSchema>;

export const updateAccountPreferencesBodySchema = Type.Object(
  { filingDigest: Type.Optional(Type.Boolean()) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateAccountPreferencesBody = Static<typeof updateAccountPreferencesBodySchema>;
