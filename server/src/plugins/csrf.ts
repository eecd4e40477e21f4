import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ErrorCode } from '@eligo/shared/errors';
import { CSRF_HEADER } from '@eligo/shared/http';
import { AppError } from '../lib/app-error.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `false` for server-to-server endpoints (Lever's webhook) that carry their own proof. */
    csrf?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery defence for every state-changing API route (OWASP: verify origin with
 * standard headers, plus a custom request header): `Sec-Fetch-Site` must be same-origin (or absent),
 * `Origin` must be PUBLIC_URL's (or absent), and the custom header must be present.
 */
export default fp(
  async (app) => {
    const { trustedOrigins } = app.config.hosts;
    /** Why the request is refused, or null when it passes. */
    const refusal = (request: FastifyRequest): string | null => {
      const site = request.headers['sec-fetch-site'];
      if (site !== undefined && site !== 'same-origin' && site !== 'none')
        return `sec-fetch-site ${site}`;
      // Compared with PUBLIC_URL's origin (config only), never with the request's own Host.
      const origin = request.headers.origin;
      if (origin !== undefined && !trustedOrigins.has(origin.toLowerCase()))
        return `origin ${origin}`;
      if (!request.headers[CSRF_HEADER]) return 'missing custom header';
      return null;
    };
    // A callback-style hook: safe methods (most requests) pass without a promise or a microtask.
    app.addHook('onRequest', (request, _reply, done) => {
      if (SAFE_METHODS.has(request.method) || request.is404) return done();
      if (!request.url.startsWith('/api/') || request.routeOptions.config.csrf === false)
        return done();
      const why = refusal(request);
      if (why === null) return done();
      request.log.warn({ why }, 'CSRF check failed');
      done(
        new AppError(
          ErrorCode.CsrfRejected,
          'This request was refused because it did not come from the Eligo app',
        ),
      );
    });
  },
  { name: 'csrf', dependencies: ['config'] },
);
