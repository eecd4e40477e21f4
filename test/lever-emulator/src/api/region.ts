import type { FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../context.ts';

/** The emulator's "other region": the same server under its other local host name. */
export const otherRegionHostname = (hostname: string): string =>
  hostname === 'localhost' ? '127.0.0.1' : 'localhost';

/**
 * With `regionRedirect` on, a /v1 call that arrives at the emulator's own host name is sent to the
 * same path on the other one (127.0.0.1 ↔ localhost), as Lever says it redirects calls for accounts
 * in another data center. Standard clients drop `Authorization` on such a cross-host redirect.
 * Returns null when the call is to be served: the switch is off, or it came to the other host.
 */
export function regionRedirectLocation(
  ctx: EmulatorContext,
  request: FastifyRequest,
): string | null {
  if (!ctx.state.switches.regionRedirect) return null;
  const home = new URL(ctx.baseUrl());
  const other = otherRegionHostname(home.hostname);
  const arrived = new URL(`${home.protocol}//${request.headers.host ?? home.host}`);
  if (arrived.hostname === other) return null;
  const target = new URL(request.url, home);
  target.hostname = other;
  target.port = arrived.port;
  return target.toString();
}
