import type { FastifyInstance } from 'fastify';
import { auditRoutes } from '@eligo/shared/routes';
import { registerRoute } from '../../lib/route.ts';
import { requireAuth } from '../../plugins/auth.ts';
import { auditRecordModel } from './audit.model.ts';
import { listAuditRecords } from './audit.service.ts';

/** Reading the audit log (admins). Records are written by the actions they describe, never here. */
export default async function auditModule(app: FastifyInstance): Promise<void> {
  auditRecordModel(app.mongo);
  registerRoute(app, auditRoutes.list, {
    handler: async (request) => listAuditRecords(app, requireAuth(request), request.query),
  });
}
