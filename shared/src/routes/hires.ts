import { defineRoute } from '../route-table.ts';
import { applicantDetailSchema, applicantIdParamsSchema } from '../schemas/applicants.ts';
import { csvImportQuerySchema } from '../schemas/csv-import.ts';
import {
  hiresImportResultSchema,
  putHireBodySchema,
  reconcileAcceptedSchema,
} from '../schemas/hires.ts';
import { integrationParamsSchema } from '../schemas/integrations.ts';
import { hireEndpoints } from './filing-endpoints.ts';

/** Recording hires (docs/filing.md §2): admins only; members follow them on Filing. */
export const hireRoutes = {
  put: defineRoute({
    ...hireEndpoints.put,
    summary:
      "Confirm or correct an applicant's hire: dates, position, wage, state (a reason when changing a confirmed value; audited)",
    access: 'admin',
    tags: ['hires'],
    params: applicantIdParamsSchema,
    body: putHireBodySchema,
    response: applicantDetailSchema,
  }),
  importCsv: defineRoute({
    ...hireEndpoints.importCsv,
    summary:
      'Upload hires as CSV (text/csv; header employee,offered_on,hired_on,started_on,position,starting_wage,state; employee = Lever opportunity id or email): all or nothing; dryRun=true writes nothing',
    access: 'admin',
    tags: ['hires'],
    // The body is a text/csv stream (lib/csv-import), not a schema: see docs/csv-imports.md.
    query: csvImportQuerySchema,
    response: hiresImportResultSchema,
  }),
  reconcile: defineRoute({
    ...hireEndpoints.reconcile,
    summary: 'Look for hires in Lever that a lost webhook missed, now (queued; answers 202)',
    access: 'admin',
    tags: ['hires', 'integrations'],
    params: integrationParamsSchema,
    response: reconcileAcceptedSchema,
    successStatus: 202,
  }),
};
