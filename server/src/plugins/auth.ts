import cookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { RouteAccess } from '@eligo/shared/routes';
import { AppError } from '../lib/app-error.ts';
import {
  sessionStore,
  type SessionIdentity,
  type SessionStore,
} from '../lib/sessions/session.store.ts';

/**
 * The signed-in caller, as the session holds it: `user._id`, `user.role`, `user.email`,
 * `user.name`, `organization._id`, `organization.name` and the raw `sessionToken`. These are
 * snapshots; code that changes or needs more of the user or organization loads it.
 */
export interface AuthContext extends SessionIdentity {
  sessionToken: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set by registerRoute from the shared route table; enforced here. */
    access?: RouteAccess;
  }
  interface FastifyInstance {
    sessions: SessionStore;
    /** Starts a session for `identity` and sets its cookie; returns the cookie value. */
    startSession(reply: FastifyReply, identity: SessionIdentity): Promise<string>;
    endSession(request: FastifyRequest, reply: FastifyReply): Promise<void>;
    /** The caller's session on any route, or null (a dead cookie is cleared). */
    identify(request: FastifyRequest, reply: FastifyReply): Promise<AuthContext | null>;
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
 * resolves the session cookie for `user`/`admin` routes with one database read (401 without a live
 * session, 403 for a member on an admin route). The organization of every request comes from the
 * session only.
 */
export default fp(
  async (app) => {
    const { session: sessionConfig } = app.config;
    await app.register(cookie);
    const sessions = sessionStore(app.mongo, sessionConfig);
    app.decorate('sessions', sessions);
    app.decorateRequest('auth', null);

    const cookieOptions = {
      path: '/',
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: sessionConfig.secureCookie,
    };

    app.decorate('startSession', async (reply: FastifyReply, identity: SessionIdentity) => {
      const token = await sessions.create(identity);
      void reply.setCookie(sessionConfig.cookieName, token, {
        ...cookieOptions,
        maxAge: Math.floor(sessionConfig.maxMs / 1000),
      });
      return token;
    });

    app.decorate('endSession', async (request: FastifyRequest, reply: FastifyReply) => {
      const token = request.cookies[sessionConfig.cookieName];
      if (token) await sessions.destroy(token);
      void reply.clearCookie(sessionConfig.cookieName, cookieOptions);
    });

    async function identify(request: FastifyRequest, reply: FastifyReply) {
      const token = request.cookies[sessionConfig.cookieName];
      if (!token) return null;
      const identity = await sessions.resolve(token);
      if (!identity) {
        void reply.clearCookie(sessionConfig.cookieName, cookieOptions);
        return null;
      }
      return { ...identity, sessionToken: token };
    }
    app.decorate('identify', identify);

    async function authorize(request: FastifyRequest, reply: FastifyReply, access: RouteAccess) {
      const auth = await identify(request, reply);
      if (!auth) throw AppError.unauthenticated('Your session has ended. Please sign in again.');
      if (access === 'admin' && auth.user.role !== 'admin')
        throw AppError.forbidden('Only admins can do this');
      request.auth = auth;
    }
    // A callback-style hook: public routes (the survey, health, static files) pass without a
    // promise or a microtask; the others wait for the session lookup.
    app.addHook('preHandler', (request, reply, done) => {
      const access = request.routeOptions.config.access;
      if (access !== 'user' && access !== 'admin') return done();
      authorize(request, reply, access).then(() => done(), done);
    });
  },
  { name: 'auth', dependencies: ['config', 'mongo'] },
);
