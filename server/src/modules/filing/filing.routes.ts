import type { FastifyInstance } from 'fastify';
import { filingRoutes } from '@eligo/shared/routes/filing';
import { effectiveTimeZone } from '@eligo/shared/filing';
import { registerCsvImportRoute } from '../../lib/csv-import/index.ts';
import { registerRoute } from '../../lib/route.ts';
import { requireAuth } from '../../plugins/auth.ts';
import { recordAudit } from '../audit/index.ts';
import { userActor } from '../applicants/index.ts';
import { loadEmployerProfile } from '../organizations/index.ts';
import { downloadForm, privateDownload } from './documents/form-download.ts';
import { preparePacket } from './documents/packet.ts';
import { employerSignatureModel } from './signing/employer-signature.model.ts';
import { signForEmployer } from './signing/sign-employer.ts';
import { applyDeterminationsCsv, determinationsImport } from './status/determinations-csv.ts';
import { setFilingStatus } from './status/set-status.ts';
import { DIGEST_SWEEP_MS, sendDueDigests } from './digest/digest.ts';
import { filingDigestModel } from './digest/digest.model.ts';
import { listFiling } from './filing-list.ts';
import { packetSelection } from './documents/packet-selection.ts';
import { filingSummary } from './filing-summary.ts';

/**
 * The Filing screen (docs/filing.md §4, §7): the counts per bucket and the lists, for every user of
 * the organization; and the daily digest to its admins (every instance sweeps, one sends). Admins
 * sign for the employer, download the forms and packets, and record what the state did
 * (docs/forms.md §8–§9, docs/filing.md §5–§6).
 */
export default async function filingModule(app: FastifyInstance): Promise<void> {
  // Registered now, so that boot creates the collections and their indexes.
  filingDigestModel(app.mongo);
  employerSignatureModel(app.mongo);

  registerRoute(app, filingRoutes.summary, {
    handler: async (request) => filingSummary(app, requireAuth(request).organization._id),
  });

  registerRoute(app, filingRoutes.list, {
    handler: async (request) =>
      listFiling(app, requireAuth(request).organization._id, request.query),
  });

  registerRoute(app, filingRoutes.setStatus, {
    handler: async (request) =>
      setFilingStatus(app, request, requireAuth(request), request.params.applicantId, request.body),
  });

  registerRoute(app, filingRoutes.sign, {
    handler: async (request) => signForEmployer(app, request, requireAuth(request), request.body),
  });

  registerRoute(app, filingRoutes.form8850, {
    handler: async (request, reply) =>
      downloadForm(app, request, reply, requireAuth(request), request.params.applicantId, '8850'),
  });

  registerRoute(app, filingRoutes.form9061, {
    handler: async (request, reply) =>
      downloadForm(app, request, reply, requireAuth(request), request.params.applicantId, '9061'),
  });

  registerRoute(app, filingRoutes.packet, {
    handler: async (request, reply) => {
      const auth = requireAuth(request);
      const applicantIds = await packetSelection(app, auth.organization._id, request.body);
      const packet = await preparePacket(app, request, reply, auth, applicantIds);
      privateDownload(reply, 'application/zip', packet.filename);
      return packet.stream;
    },
  });

  registerCsvImportRoute(app, filingRoutes.importDeterminations, {
    definition: determinationsImport,
    async apply(batches, context) {
      const auth = requireAuth(context.request);
      const profile = await loadEmployerProfile(app, auth.organization._id);
      const result = await applyDeterminationsCsv(app, batches, {
        ...context,
        organizationId: auth.organization._id,
        actor: userActor(auth),
        timeZone: effectiveTimeZone(profile),
      });
      if (!result.dryRun && result.created + result.updated > 0) {
        await recordAudit(app, context.request, auth, {
          action: 'filing_recorded',
          fields: ['filing'],
          detail: {
            source: 'determinations CSV',
            created: result.created,
            updated: result.updated,
          },
        });
      }
      return result;
    },
  });

  app.scheduler.every('filing-digest', DIGEST_SWEEP_MS, () => sendDueDigests(app));
}
