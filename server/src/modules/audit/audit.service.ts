import type { FastifyInstance, FastifyRequest } from 'fastify';
import type {
  AuditAction,
  AuditRecord as AuditRecordDto,
  AuditRecordList,
  ListAuditRecordsQuery,
} from '@eligo/shared/schemas/audit';
import { scoped } from '../../lib/tenancy/tenant-repository.ts';
import type { AuthContext } from '../../plugins/auth.ts';
import { auditRecordModel, type AuditRecord } from './audit.model.ts';

export interface AuditEntry {
  action: AuditAction;
  target?: { type: string; id: string } | null;
  fields: string[];
  reason?: string | null;
  detail?: Record<string, string | number | null>;
}

/**
 * Writes the audit record of a disclosure. Called before the data leaves: if the record cannot be
 * written, the request fails and nothing is disclosed.
 */
export async function recordAudit(
  app: FastifyInstance,
  request: FastifyRequest,
  auth: AuthContext,
  entry: AuditEntry,
): Promise<void> {
  await scoped(auditRecordModel(app.mongo), auth.organization._id).create({
    at: new Date(),
    action: entry.action,
    actor: {
      userId: auth.user._id,
      name: auth.user.name,
      email: auth.user.email,
      role: auth.user.role,
    },
    target: entry.target ?? null,
    fields: entry.fields,
    reason: entry.reason ?? null,
    detail: entry.detail ?? {},
    ip: request.ip,
    userAgent: String(request.headers['user-agent'] ?? '').slice(0, 300),
    requestId: String(request.id),
  });
}

export function toAuditRecordDto(record: AuditRecord): AuditRecordDto {
  return {
    id: record._id.toHexString(),
    at: record.at.toISOString(),
    action: record.action,
    actor: {
      id: record.actor.userId.toHexString(),
      name: record.actor.name,
      email: record.actor.email,
    },
    target: record.target ? { type: record.target.type, id: record.target.id } : null,
    fields: record.fields,
    reason: record.reason,
    detail: record.detail ?? {},
    ip: record.ip,
    userAgent: record.userAgent,
  };
}

/** The organization's audit records, newest first (`cursor` = the last id of the previous page). */
export async function listAuditRecords(
  app: FastifyInstance,
  auth: AuthContext,
  query: ListAuditRecordsQuery,
): Promise<AuditRecordList> {
  const limit = query.limit ?? 50;
  const records = await scoped(auditRecordModel(app.mongo), auth.organization._id).find(
    query.cursor ? { _id: { $lt: query.cursor } } : {},
    null,
    { sort: { _id: -1 }, limit: limit + 1 },
  );
  const page = records.slice(0, limit);
  return {
    items: page.map(toAuditRecordDto),
    nextCursor: records.length > limit ? page[page.length - 1]!._id.toHexString() : null,
  };
}
