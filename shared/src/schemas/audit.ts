import { Type, type Static } from 'typebox';
import { AUDIT_ACTIONS } from '../applicants.ts';
import { idSchema, isoDateTimeSchema } from './common.ts';

export { AUDIT_ACTIONS, type AuditAction } from '../applicants.ts';
export const auditActionSchema = Type.Enum(AUDIT_ACTIONS);

export const auditRecordSchema = Type.Object({
  id: idSchema,
  at: isoDateTimeSchema,
  action: auditActionSchema,
  actor: Type.Object({ id: idSchema, name: Type.String(), email: Type.String() }),
  /** The record the action was about (the applicant of a reveal); null for an export. */
  target: Type.Union([Type.Object({ type: Type.String(), id: Type.String() }), Type.Null()]),
  /** Which fields were disclosed (names only, never values). */
  fields: Type.Array(Type.String()),
  reason: Type.Union([Type.String(), Type.Null()]),
  /** e.g. the search of an export and how many rows it had. */
  detail: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Null()])),
  ip: Type.String(),
  userAgent: Type.String(),
});
export type AuditRecord = Static<typeof auditRecordSchema>;

export const listAuditRecordsQuerySchema = Type.Object(
  {
    cursor: Type.Optional(idSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  },
  { additionalProperties: false },
);
export type ListAuditRecordsQuery = Static<typeof listAuditRecordsQuerySchema>;

export const auditRecordListSchema = Type.Object({
  items: Type.Array(auditRecordSchema),
  nextCursor: Type.Union([idSchema, Type.Null()]),
});
export type AuditRecordList = Static<typeof auditRecordListSchema>;
