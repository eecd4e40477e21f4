import { Type, type Static } from 'typebox';
import { emailSchema, idSchema, NOT_BLANK, passwordSchema, personNameSchema } from './common.ts';

export const roleSchema = Type.Union([Type.Literal('admin'), Type.Literal('member')]);
export type Role = Static<typeof roleSchema>;

export const sessionUserSchema = Type.Object({
  id: idSchema,
  name: Type.String(),
  email: Type.String(),
  role: roleSchema,
});

export const sessionOrganizationSchema = Type.Object({
  id: idSchema,
  name: Type.String(),
});

/** Who is signed in: what `GET /api/auth/me` answers and what login/sign-up return. */
export const meSchema = Type.Object({
  user: sessionUserSchema,
  organization: sessionOrganizationSchema,
});
export type Me = Static<typeof meSchema>;

/** What the web app asks on every page load: who is signed in, if anyone (never a 401). */
export const sessionStatusSchema = Type.Object({ me: Type.Union([meSchema, Type.Null()]) });
export type SessionStatus = Static<typeof sessionStatusSchema>;

export const signupStatusSchema = Type.Object({
  /** True on first run (no organization yet) or when ALLOW_SIGNUP is set. */
  open: Type.Boolean(),
  /**
   * Open sign-up (ALLOW_SIGNUP): the address is confirmed by a mailed link before the
   * organization is created. The first sign-up of a new installation signs in at once.
   */
  confirmByEmail: Type.Boolean(),
});
export type SignupStatus = Static<typeof signupStatusSchema>;

export const signupBodySchema = Type.Object(
  {
    organizationName: Type.String({ minLength: 1, maxLength: 120, pattern: NOT_BLANK }),
    name: personNameSchema,
    email: emailSchema,
    password: passwordSchema,
  },
  { additionalProperties: false },
);
export type SignupBody = Static<typeof signupBodySchema>;

/**
 * What sign-up answers: signed in (`me`, the first organization of an installation), or, when
 * sign-up is open to more organizations, the address a link was mailed to. The answer is the same
 * whether or not that address has an account (the mail says which).
 */
export const signupResultSchema = Type.Object({
  me: Type.Union([meSchema, Type.Null()]),
  confirmationSentTo: Type.Union([Type.String(), Type.Null()]),
});
export type SignupResult = Static<typeof signupResultSchema>;

export const loginBodySchema = Type.Object(
  { email: emailSchema, password: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof loginBodySchema>;

/** Invitation tokens travel in the link's fragment and reach the API only in request bodies. */
export const invitationTokenSchema = Type.String({
  minLength: 20,
  maxLength: 200,
  pattern: '^[A-Za-z0-9_-]+$',
});

export const invitationInspectBodySchema = Type.Object(
  { token: invitationTokenSchema },
  { additionalProperties: false },
);

/** An open sign-up's confirmation link carries its token in the fragment too. */
export const confirmSignupBodySchema = Type.Object(
  { token: invitationTokenSchema },
  { additionalProperties: false },
);

export const invitationSchema = Type.Object({
  email: Type.String(),
  name: Type.String(),
  organizationName: Type.String(),
});
export type Invitation = Static<typeof invitationSchema>;

export const setPasswordBodySchema = Type.Object(
  { token: invitationTokenSchema, password: passwordSchema },
  { additionalProperties: false },
);
export type SetPasswordBody = Static<typeof setPasswordBodySchema>;

/** 32 random bytes, base64url: the secret of a password-reset link (`/reset-password/<token>`). */
export const PASSWORD_RESET_TOKEN_PATTERN = '^[A-Za-z0-9_-]{43}$';

/** How long a password-reset link works. */
export const PASSWORD_RESET_TTL_MINUTES = 60;

export const forgotPasswordBodySchema = Type.Object(
  { email: emailSchema },
  { additionalProperties: false },
);
export type ForgotPasswordBody = Static<typeof forgotPasswordBodySchema>;

export const resetPasswordBodySchema = Type.Object(
  {
    token: Type.String({ pattern: PASSWORD_RESET_TOKEN_PATTERN }),
    password: passwordSchema,
  },
  { additionalProperties: false },
);
export type ResetPasswordBody = Static<typeof resetPasswordBodySchema>;
