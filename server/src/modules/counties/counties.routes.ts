import type { FastifyInstance } from 'fastify';
import { countyRoutes } from '@eligo/shared/routes/counties';
import { countiesOf } from '@eligo/shared/wotc/county-list';
import { registerRoute } from '../../lib/route.ts';

/** The lists change only with a release, so browsers and proxies may keep them for a day. */
const CACHE = 'public, max-age=86400';

/**
 * Reference data for the public survey: one state's counties at a time, so the survey's first
 * download carries none of the 3,142 (shared/data/us-counties.json). No session, no database: its
 * per-IP limit is a capacity guard counted per instance (public data, nothing to guess).
 */
export default async function countiesModule(app: FastifyInstance): Promise<void> {
  const { perMinute } = app.config.surveyRateLimits;
  registerRoute(app, countyRoutes.list, {
    config: { rateLimit: { max: perMinute, timeWindow: 60_000 } },
    handler: async (request, reply) => {
      void reply.header('cache-control', CACHE);
      const { state } = request.query;
      return { state, counties: [...countiesOf(state)] };
    },
  });
}
