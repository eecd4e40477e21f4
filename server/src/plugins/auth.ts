import cookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { RouteAccess } from '@eligo/shared/routes';
import { AppError } from '../lib/app-error.ts';
import { sessionService, type SessionService } from '../modules/auth/session.service.ts';
import {
  organizationModel,
  type OrganizationDocument,
} from '../modules/organizations/organization.model.ts';
import { userModel, type UserDocument } from '../modules/users/user.model.ts';

export interface AuthContext {
  user: UserDocument;
  organization: OrganizationDocument;
  sessionToken: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set by registerRoute from the shared route table; enforced here. */
    access?: RouteAccess;
  }
  interface FastifyInstance {
    sessions: SessionService;
    /** Sets the session cookie for a new session. */
    startSession(reply: FastifyReply, user: UserDocument): Promise<void>;
    endSession(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  }
  interface FastifyRequest {
    /** The signed-in user and organization on `user`/`admin` routes (null on public ones). */
    auth: AuthContext | null;
  }
}

/** The signed-in context of a route whose access is `user` or `admin`. */
export function requireAuth(request: FastifyRequest): AuthContext {
  if (!request.auth) throw AppError.unauthenticated();
  return request.auth;
}

/**
 * Sessions and access control. Routes declare `access` in the shared route table; this plugin
 * resolves the session cookie for `user`/`admin` routes (401 without a live session, 403 for a
 * member on an admin route). The organization of every request comes from the session only.
 */
export default fp(
  async (app) => {
    const { session: sessionConfig } = app.config;
    await app.register(cookie);
    const sessions = sessionService(app.mongo, app.config);
    const Users = userModel(app.mongo);
    const Organizations = organizationModel(app.mongo);
    app.decorate('sessions', sessions);
    app.decorateRequest('auth', null);

    const cookieOptions = {
      path: '/',
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: sessionConfig.secureCookie,
    };

    app.decorate('startSession', async (reply: FastifyReply, user: UserDocument) => {
      const token = await sessions.create(user._id, user.organizationId);
      void reply.setCookie(sessionConfig.cookieName, token, {
        ...cookieOptions,
        maxAge: Math.floor(sessionConfig.maxMs / 1000),
      });
    });

    app.decorate('endSession', async (request: FastifyRequest, reply: FastifyReply) => {
      const token = request.cookies[sessionConfig.cookieName];
      if (token) await sessions.destroy(token);
      void reply.clearCookie(sessionConfig.cookieName, cookieOptions);
    });

    app.addHook('preHandler', async (request, reply) => {
      const access = request.routeOptions.config.access;
      if (access !== 'user' && access !== 'admin') return;
      const token = request.cookies[sessionConfig.cookieName];
      const session = token ? await sessions.resolve(token) : null;
      const user = session
        ? await Users.findOne({
            _id: session.userId,
            organizationId: session.organizationId,
            status: 'active',
          })
        : null;
      const organization = user ? await Organizations.findById(user.organizationId) : null;
      if (!token || !user || !organization) {
        if (token) void reply.clearCookie(sessionConfig.cookieName, cookieOptions);
        throw AppError.unauthenticated('Your session has ended. Please sign in again.');
      }
      if (access === 'admin' && user.role !== 'admin')
        throw AppError.forbidden('Only admins can do this');
      request.auth = { user, organization, sessionToken: token };
    });

    app.scheduler.every('delete-expired-sessions', 10 * 60_000, () => sessions.deleteExpired());
  },
  { name: 'auth', dependencies: ['config', 'mongo', 'scheduler'] },
);
