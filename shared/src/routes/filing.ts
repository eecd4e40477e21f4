import { defineRoute } from '../route-table.ts';
import { applicantDetailSchema, applicantIdParamsSchema } from '../schemas/applicants.ts';
import {
  filingListSchema,
  filingSummarySchema,
  listFilingQuerySchema,
  setFilingStatusBodySchema,
} from '../schemas/filing.ts';
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
};
