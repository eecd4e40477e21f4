/*
 * What other modules may use of the audit log (everything else in this folder is private):
 * recording an action on personal data before its result is returned.
 */
export { recordAudit, type AuditEntry } from './audit.service.ts';
