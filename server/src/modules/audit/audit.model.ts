import { Schema, type Types } from 'mongoose';
import type { AuditAction } from '@eligo/shared/schemas/audit';
import { modelOn } from '../../lib/model.ts';
import { tenantScoped } from '../../lib/tenancy/tenant-scope.plugin.ts';

/**
 * Who disclosed which personal data, when and from where (reliability: audit of PII access).
 * Append-only: the code only inserts these; no route or service changes or deletes one. Values are
 * never written here, only the names of the fields disclosed.
 */
export interface AuditRecord {
  _id: Types.ObjectId;
  organizationId: Types.ObjectId;
  at: Date;
  action: AuditAction;
  actor: { userId: Types.ObjectId; name: string; email: string; role: string };
  target: { type: string; id: string } | null;
  fields: string[];
  reason: string | null;
  detail: Record<string, string | number | null>;
  ip: string;
  userAgent: string;
  requestId: string;
}

const auditSchema = new Schema<AuditRecord>(
  {
    at: { type: Date, required: true },
    action: { type: String, required: true },
    actor: {
      type: new Schema(
        {
          userId: { type: Schema.Types.ObjectId, required: true },
          name: { type: String, required: true },
          email: { type: String, required: true },
          role: { type: String, required: true },
        },
        { _id: false },
      ),
      required: true,
    },
    target: {
      type: new Schema(
        { type: { type: String, required: true }, id: { type: String, required: true } },
        { _id: false },
      ),
      default: null,
    },
    fields: { type: [String], default: [] },
    reason: { type: String, default: null },
    detail: { type: Schema.Types.Mixed, default: {} },
    ip: { type: String, required: true },
    userAgent: { type: String, default: '' },
    requestId: { type: String, default: '' },
  },
  { collection: 'audit_records', versionKey: false, minimize: false },
);
auditSchema.plugin(tenantScoped);
auditSchema.index({ organizationId: 1, _id: -1 });

export const auditRecordModel = modelOn<AuditRecord>('AuditRecord', auditSchema);
