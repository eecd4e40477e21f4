import fp from 'fastify-plugin';
import { ErrorCode } from '@eligo/shared/errors';
import { AppError } from '../lib/app-error.ts';
import { canonicalHost } from '../lib/http/hosts.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `true` for probes a load balancer sends by IP (health, readiness): any Host is answered. */
    anyHost?: boolean;
  }
}

/**
 * Answers only the hosts of PUBLIC_URL (plus ALLOWED_HOSTS, plus loopback names for a local
 * install): anything else gets 421 before any route, static file or mailbox runs. This stops DNS
 * rebinding, where a web page re-points its own domain at this server and reads it as same-origin.
 */
export default fp(
  async (app) => {
    const { allowedHosts } = app.config.hosts;
    // A callback-style hook (no promise per request). The allowed hosts are canonical, and
    // canonicalHost leaves a canonical name as it is, so a Host header that is already one of them
    // is accepted without parsing it as a URL; any other value is canonicalized first.
    app.addHook('onRequest', (request, _reply, done) => {
      if (request.routeOptions.config.anyHost) return done();
      const raw = request.host ?? '';
      if (allowedHosts.has(raw)) return done();
      const host = canonicalHost(raw);
      if (host && allowedHosts.has(host)) return done();
      request.log.warn({ host: request.host }, 'request for a host this server does not serve');
      done(
        new AppError(
          ErrorCode.HostNotAllowed,
          'This server does not answer for that host name. Use the address Eligo was set up with.',
        ),
      );
    });
  },
  { name: 'host-check', dependencies: ['config', 'errors'] },
);
