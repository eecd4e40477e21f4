import { defineRoute } from '../route-table.ts';
import { auditEndpoints } from './audit-endpoints.ts';
import { auditRecordListSchema, listAuditRecordsQuerySchema } from '../schemas/audit.ts';

/** Audit records are written by the actions they record; no route changes or deletes them. */
export const auditRoutes = {
  list: defineRoute({
    ...auditEndpoints.list,
    summary: 'List the audit records of PII reveals and exports, newest first',
    access: 'admin',
    tags: ['audit'],
    query: listAuditRecordsQuerySchema,
    response: auditRecordListSchema,
  }),
};
