import type { FastifyInstance } from 'fastify';
import { applicantRoutes } from '@eligo/shared/routes';
import { registerRoute } from '../../../lib/route.ts';
import { requireAuth } from '../../../plugins/auth.ts';
import {
  actionUnavailable,
  applicantDetail,
  findApplicant,
  userActor,
} from '../../applicants/index.ts';
import { scheduleTagSync } from './tag-sync.ts';

/** The applicant page's "Retry tag sync" (admins): the tag job is queued again. */
export default async function tagSyncRoutes(app: FastifyInstance): Promise<void> {
  registerRoute(app, applicantRoutes.retryTagSync, {
    handler: async (request) => {
      const auth = requireAuth(request);
      const applicant = await findApplicant(app, auth, request.params.applicantId);
      const state = applicant.tagSync?.state;
      if (state !== 'failed' && state !== 'dead') {
        throw actionUnavailable('The Lever tag has not failed: there is nothing to retry');
      }
      await scheduleTagSync(app, applicant, applicant.wotcStatus, userActor(auth));
      return applicantDetail(app, auth, applicant);
    },
  });
}
