import type { FastifyInstance } from 'fastify';
import { creditRoutes } from '@eligo/shared/routes/credits';
import { registerCsvImportRoute } from '../../lib/csv-import/index.ts';
import { preSerialized, registerRoute } from '../../lib/route.ts';
import { requireAuth } from '../../plugins/auth.ts';
import { creditLedger, creditLedgerJson } from './credit-ledger.ts';
import { form5884Csv } from './form-5884.ts';
import { applyPayrollCsv } from './payroll-csv.apply.ts';
import { payrollImport } from './payroll-csv.definition.ts';
import { payrollPeriodModel } from './payroll-period.model.ts';
import { setTermination } from './termination.ts';
import { terminationModel } from './termination.model.ts';

/**
 * Payroll and credits (README.md in this folder): the payroll upload, the ledger of a tax year,
 * its Form 5884 totals as CSV, and a hire's last day. Admins only: it is the employer's money.
 */
export default async function creditsModule(app: FastifyInstance): Promise<void> {
  // Registered now, so that boot creates the collections and their indexes.
  payrollPeriodModel(app.mongo);
  terminationModel(app.mongo);

  registerCsvImportRoute(app, creditRoutes.importPayroll, {
    definition: payrollImport,
    apply: (batches, context) =>
      applyPayrollCsv(app, batches, {
        ...context,
        organizationId: requireAuth(context.request).organization._id,
      }),
  });

  registerRoute(app, creditRoutes.ledger, {
    handler: async (request, reply) =>
      preSerialized(
        reply,
        await creditLedgerJson(app, requireAuth(request).organization._id, request.query.taxYear),
      ),
  });

  registerRoute(app, creditRoutes.form5884, {
    handler: async (request, reply) => {
      const ledger = await creditLedger(
        app,
        requireAuth(request).organization._id,
        request.query.taxYear,
      );
      // A non-JSON content type: the string goes out as is (no JSON serialization).
      void reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="form-5884-${ledger.taxYear}.csv"`);
      return form5884Csv(ledger);
    },
  });

  registerRoute(app, creditRoutes.setTermination, {
    handler: async (request) =>
      setTermination(app, requireAuth(request), request.params.applicantId, request.body),
  });
}
