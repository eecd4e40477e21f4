import { Type } from 'typebox';
import { changePasswordBodySchema, updateProfileBodySchema } from './schemas/account.ts';
import {
  invitationInspectBodySchema,
  invitationSchema,
  loginBodySchema,
  meSchema,
  setPasswordBodySchema,
  signupBodySchema,
  signupStatusSchema,
} from './schemas/auth.ts';
import { idParamsSchema } from './schemas/common.ts';
import { healthSchema, readySchema } from './schemas/health.ts';
import { mailboxSchema } from './schemas/mailbox.ts';
import {
  saveSurveyAnswersBodySchema,
  submitSurveyBodySchema,
  surveyCompletionSchema,
  surveySchema,
  surveyTokenParamsSchema,
} from './schemas/survey.ts';
import {
  inviteUserBodySchema,
  updateUserBodySchema,
  userListSchema,
  userSchema,
} from './schemas/users.ts';
import { defineRoute } from './route-table.ts';

export * from './route-table.ts';

/*
 * The API's route table. The server registers each entry (schemas, access rule, OpenAPI) and the web
 * client derives its typed calls from the same entries. One object per domain.
 */

export const systemRoutes = {
  health: defineRoute({
    method: 'GET',
    path: '/api/health',
    summary: 'Liveness: the process is up',
    access: 'public',
    tags: ['system'],
    response: healthSchema,
  }),
  ready: defineRoute({
    method: 'GET',
    path: '/api/ready',
    summary: 'Readiness: the database answers a ping',
    access: 'public',
    tags: ['system'],
    response: readySchema,
  }),
};

export const authRoutes = {
  signupStatus: defineRoute({
    method: 'GET',
    path: '/api/auth/signup-status',
    summary: 'Whether a new organization can sign up',
    access: 'public',
    tags: ['auth'],
    response: signupStatusSchema,
  }),
  signup: defineRoute({
    method: 'POST',
    path: '/api/auth/signup',
    summary: 'Create an organization and its first admin, and sign in',
    access: 'public',
    tags: ['auth'],
    body: signupBodySchema,
    response: meSchema,
    successStatus: 201,
  }),
  login: defineRoute({
    method: 'POST',
    path: '/api/auth/login',
    summary: 'Sign in with email and password',
    access: 'public',
    tags: ['auth'],
    body: loginBodySchema,
    response: meSchema,
  }),
  logout: defineRoute({
    method: 'POST',
    path: '/api/auth/logout',
    summary: 'End the current session',
    access: 'public',
    tags: ['auth'],
    response: undefined,
  }),
  me: defineRoute({
    method: 'GET',
    path: '/api/auth/me',
    summary: 'The signed-in user and their organization',
    access: 'user',
    tags: ['auth'],
    response: meSchema,
  }),
  inspectInvitation: defineRoute({
    method: 'POST',
    path: '/api/auth/invitation',
    summary: 'Who an invitation link is for (the token travels in the body, never in the URL)',
    access: 'public',
    tags: ['auth'],
    body: invitationInspectBodySchema,
    response: invitationSchema,
  }),
  setPassword: defineRoute({
    method: 'POST',
    path: '/api/auth/set-password',
    summary: 'Accept an invitation: set a password and sign in (the link works once)',
    access: 'public',
    tags: ['auth'],
    body: setPasswordBodySchema,
    response: meSchema,
  }),
};

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
};

export const mailboxRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/dev/mailbox',
    summary: 'Mails kept in the outbox when no SMTP server is configured (local development only)',
    access: 'public',
    tags: ['dev'],
    query: Type.Object(
      { to: Type.Optional(Type.String({ maxLength: 254 })) },
      { additionalProperties: false },
    ),
    response: mailboxSchema,
  }),
};

/**
 * The public applicant survey. The token in the path is the only credential; unknown, malformed,
 * expired and used links all get the same 404 (SURVEY_LINK_INVALID). Rate-limited per client IP.
 */
export const surveyRoutes = {
  get: defineRoute({
    method: 'GET',
    path: '/api/survey/:token',
    summary: 'Open a survey: organization, greeting, language and the saved draft (never the SSN)',
    access: 'public',
    tags: ['survey'],
    params: surveyTokenParamsSchema,
    response: surveySchema,
  }),
  saveAnswers: defineRoute({
    method: 'PUT',
    path: '/api/survey/:token/answers',
    summary:
      'Save progress: the answers so far (partial, each well-formed) and the step to resume at',
    access: 'public',
    tags: ['survey'],
    params: surveyTokenParamsSchema,
    body: saveSurveyAnswersBodySchema,
    response: undefined,
  }),
  submit: defineRoute({
    method: 'POST',
    path: '/api/survey/:token/submit',
    summary: 'Sign and submit the survey (once; the link stops working)',
    access: 'public',
    tags: ['survey'],
    params: surveyTokenParamsSchema,
    body: submitSurveyBodySchema,
    response: surveyCompletionSchema,
    successStatus: 201,
  }),
  decline: defineRoute({
    method: 'POST',
    path: '/api/survey/:token/decline',
    summary: 'Decline the whole survey (the link stops working)',
    access: 'public',
    tags: ['survey'],
    params: surveyTokenParamsSchema,
    response: surveyCompletionSchema,
  }),
};
