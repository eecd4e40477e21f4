import { defineRoute } from '../route-table.ts';
import { applicantDetailSchema, applicantIdParamsSchema } from '../schemas/applicants.ts';
import {
  filingListSchema,
  filingSummarySchema,
  listFilingQuerySchema,
  setFilingStatusBodySchema,
} from '../schemas/filing.ts';
import { csvImportQuerySchema } from '../schemas/csv-import.ts';
import {
  determinationsImportResultSchema,
  filingFormPdfSchema,
  filingPacketBodySchema,
  filingPacketSchema,
  signFilingBodySchema,
  signFilingResultSchema,
} from '../schemas/filing-documents.ts';
import { filingEndpoints } from './filing-endpoints.ts';

/**
 * The Filing screen (docs/filing.md §4–§5). Everyone in the organization may follow hires and
 * deadlines (the EIN masked); only admins record what the state did.
 */
export const filingRoutes = {
  summary: defineRoute({
    ...filingEndpoints.summary,
    summary: 'Hires per filing bucket, and what the employer profile still lacks (EIN masked)',
    access: 'user',
    tags: ['filing'],
    response: filingSummarySchema,
  }),
  list: defineRoute({
    ...filingEndpoints.list,
    summary:
      'Hires of one filing bucket (or all), most urgent first, with days left and what is missing',
    access: 'user',
    tags: ['filing'],
    query: listFilingQuerySchema,
    response: filingListSchema,
  }),
  setStatus: defineRoute({
    ...filingEndpoints.setStatus,
    summary:
      'Record that the request was submitted, certified, denied or held by the state (audited)',
    access: 'admin',
    tags: ['filing'],
    params: applicantIdParamsSchema,
    body: setFilingStatusBodySchema,
    response: applicantDetailSchema,
  }),
  sign: defineRoute({
    ...filingEndpoints.sign,
    summary:
      'Sign Form 8850 page 2 and ETA 9061 for the employer, for one hire or many (typed name, title, consent): they become ready to file',
    access: 'admin',
    tags: ['filing'],
    body: signFilingBodySchema,
    response: signFilingResultSchema,
  }),
  packet: defineRoute({
    ...filingEndpoints.packet,
    summary:
      'Download the state packet of ready hires as a ZIP (both forms per hire, manifest.csv; full SSNs: audited)',
    access: 'admin',
    tags: ['filing'],
    body: filingPacketBodySchema,
    response: filingPacketSchema,
  }),
  form8850: defineRoute({
    ...filingEndpoints.form8850,
    summary: "Download the hire's IRS Form 8850 as PDF (full SSN: audited)",
    access: 'admin',
    tags: ['filing'],
    params: applicantIdParamsSchema,
    response: filingFormPdfSchema,
  }),
  form9061: defineRoute({
    ...filingEndpoints.form9061,
    summary: "Download the hire's ETA Form 9061 as PDF (full SSN: audited)",
    access: 'admin',
    tags: ['filing'],
    params: applicantIdParamsSchema,
    response: filingFormPdfSchema,
  }),
  importDeterminations: defineRoute({
    ...filingEndpoints.importDeterminations,
    summary:
      "Upload the state's determinations as CSV (text/csv; header employee,status,on,target_group,certification_number,reason; employee = Lever opportunity id or email): all or nothing; dryRun=true writes nothing",
    access: 'admin',
    tags: ['filing'],
    // The body is a text/csv stream (lib/csv-import), not a schema: see docs/csv-imports.md.
    query: csvImportQuerySchema,
    response: determinationsImportResultSchema,
  }),
};
