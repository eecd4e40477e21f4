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
    app.addHook('onRequest', async (request) => {
      if (SAFE_METHODS.has(request.method) || request.is404) return;
      if (!request.url.startsWith('/api/') || request.routeOptions.config.csrf === false) return;
      const reject = (why: string) => {
        request.log.warn({ why }, 'CSRF check failed');
        return new AppError(
          ErrorCode.CsrfRejected,
          'This request was refused because it did not come from the Eligo app',
        );
      };
      const site = request.headers['sec-fetch-site'];
      if (site !== undefined && site !== 'same-origin' && site !== 'none')
        throw reject(`sec-fetch-site ${site}`);
      // Compared with PUBLIC_URL's origin (config only), never with the request's own Host.
      const origin = request.headers.origin;
      if (origin !== undefined && !trustedOrigins.has(origin.toLowerCase())) {
        throw reject(`origin ${origin}`);
      }
      if (!request.headers[CSRF_HEADER]) throw reject('missing custom header');
    });
  },
  { name: 'csrf', dependencies: ['config'] },
);
