import type { FastifyInstance } from 'fastify';
import { effectiveTimeZone } from '@eligo/shared/filing';
import { hireRoutes } from '@eligo/shared/routes/hires';
import { registerCsvImportRoute } from '../../../lib/csv-import/index.ts';
import { registerRoute } from '../../../lib/route.ts';
import { requireAuth } from '../../../plugins/auth.ts';
import { loadEmployerProfile } from '../../organizations/index.ts';
import { userActor } from '../timeline.ts';
import { applyHiresCsv } from './hires-csv.apply.ts';
import { hiresImport } from './hires-csv.definition.ts';
import { putHire } from './put-hire.ts';
import { refreshFilingFacts, refreshOrganizationFilingFacts } from './refresh-facts.ts';

/**
 * The hire's routes (an admin's confirmation, the CSV upload) and what keeps the stored filing
 * facts current when their other inputs change: a decided WOTC status (the survey signed, an
 * override) and a new time zone in the employer profile.
 */
export function registerHires(
  app: FastifyInstance,
  onStatusDecided: FastifyInstance['applicants']['onStatusDecided'],
): void {
  onStatusDecided(async ({ applicant }) => {
    await refreshFilingFacts(app, applicant);
  });
  app.organizations.onEmployerChanged(async ({ organizationId, before, after }) => {
    const timeZone = effectiveTimeZone(after);
    if (timeZone !== effectiveTimeZone(before)) {
      await refreshOrganizationFilingFacts(app, organizationId, timeZone);
    }
  });

  registerRoute(app, hireRoutes.put, {
    handler: async (request) =>
      putHire(app, request, requireAuth(request), request.params.applicantId, request.body),
  });

  registerCsvImportRoute(app, hireRoutes.importCsv, {
    definition: hiresImport,
    async apply(batches, context) {
      const auth = requireAuth(context.request);
      const profile = await loadEmployerProfile(app, auth.organization._id);
      return applyHiresCsv(app, batches, {
        ...context,
        organizationId: auth.organization._id,
        actor: userActor(auth),
        timeZone: effectiveTimeZone(profile),
      });
    },
  });
}
