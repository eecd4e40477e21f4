import type { FastifyInstance } from 'fastify';
import { filingRoutes } from '@eligo/shared/routes/filing';
import { registerRoute } from '../../lib/route.ts';
import { requireAuth } from '../../plugins/auth.ts';
import { DIGEST_SWEEP_MS, sendDueDigests } from './digest/digest.ts';
import { filingDigestModel } from './digest/digest.model.ts';
import { listFiling } from './filing-list.ts';
import { filingSummary } from './filing-summary.ts';

/**
 * The Filing screen (docs/filing.md §4, §7): the counts per bucket and the lists, for every user of
 * the organization; and the daily digest to its admins (every instance sweeps, one sends).
 */
export default async function filingModule(app: FastifyInstance): Promise<void> {
  // Registered now, so that boot creates the collection and its TTL index.
  filingDigestModel(app.mongo);

  registerRoute(app, filingRoutes.summary, {
    handler: async (request) => filingSummary(app, requireAuth(request).organization._id),
  });

  registerRoute(app, filingRoutes.list, {
    handler: async (request) =>
      listFiling(app, requireAuth(request).organization._id, request.query),
  });

  app.scheduler.every('filing-digest', DIGEST_SWEEP_MS, () => sendDueDigests(app));
}
