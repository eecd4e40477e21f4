import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Me } from '@eligo/shared/schemas/auth';
import { authRoutes } from '@eligo/shared/routes';
import { registerRoute } from '../../lib/route.ts';
import { requireAuth } from '../../plugins/auth.ts';
import type { OrganizationDocument } from '../organizations/index.ts';
import type { UserDocument } from '../users/index.ts';
import { authService } from './auth.service.ts';
import { toMe } from './me.ts';
import passwordResetRoutes from './password-reset.routes.ts';
import { openSignup } from './open-signup.ts';
import signInUnlockRoutes from './sign-in-unlock.routes.ts';

export default async function authModule(app: FastifyInstance): Promise<void> {
  const auth = authService(app);
  const open = openSignup(app);
  const { allowSignup } = app.config;
  app.scheduler.every('delete-expired-signup-requests', 10 * 60_000, () => open.deleteExpired());
  const { secureCookie } = app.config.session;
  const deviceCookie = secureCookie ? '__Host-eligo_device' : 'eligo_device';
  await app.register(signInUnlockRoutes);
  await app.register(passwordResetRoutes);

  /** A new session id at every sign-in (no session fixation); the old one, if any, ends. */
  async function signIn(
    request: FastifyRequest,
    reply: FastifyReply,
    user: UserDocument,
    organization: OrganizationDocument,
  ): Promise<Me> {
    await app.endSession(request, reply);
    await app.startSession(reply, { user, organization });
    const me = toMe(await auth.confirmSignIn(user), organization);
    void reply.setCookie(deviceCookie, auth.trustDevice(user), {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: secureCookie,
      maxAge: 365 * 86_400,
    });
    return me;
  }

  registerRoute(app, authRoutes.signupStatus, {
    handler: async () => ({ open: await auth.signupOpen(), confirmByEmail: allowSignup }),
  });

  registerRoute(app, authRoutes.signup, {
    handler: async (request, reply) => {
      if (allowSignup) {
        await open.request(request.body, request.ip);
        return { me: null, confirmationSentTo: request.body.email.trim() };
      }
      const { user, organization } = await auth.signupFirst(request.body, request.ip);
      return { me: await signIn(request, reply, user, organization), confirmationSentTo: null };
    },
  });

  registerRoute(app, authRoutes.confirmSignup, {
    handler: async (request, reply) => {
      const { user, organization } = await open.confirm(request.body.token);
      return signIn(request, reply, user, organization);
    },
  });

  registerRoute(app, authRoutes.login, {
    handler: async (request, reply) => {
      const { user, organization } = await auth.login(request.body, {
        ip: request.ip,
        trustedDevice: request.cookies[deviceCookie],
      });
      return signIn(request, reply, user, organization);
    },
  });

  registerRoute(app, authRoutes.logout, {
    handler: async (request, reply) => {
      await app.endSession(request, reply);
    },
  });

  registerRoute(app, authRoutes.session, {
    handler: async (request, reply) => {
      const auth = await app.identify(request, reply);
      return { me: auth ? toMe(auth.user, auth.organization) : null };
    },
  });

  registerRoute(app, authRoutes.me, {
    handler: async (request) => {
      const { user, organization } = requireAuth(request);
      return toMe(user, organization);
    },
  });

  registerRoute(app, authRoutes.inspectInvitation, {
    handler: async (request) => auth.inspectInvitation(request.body.token),
  });

  registerRoute(app, authRoutes.setPassword, {
    handler: async (request, reply) => {
      const { user, organization } = await auth.acceptInvitation(
        request.body.token,
        request.body.password,
      );
      return signIn(request, reply, user, organization);
    },
  });
}
