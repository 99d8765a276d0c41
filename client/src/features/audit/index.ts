// The audit trail's reusable pieces, for any page of an audited object (users and API clients included).
export { AuditHistory, AuditHistorySection, formatAuditValue, type AuditHistoryProps } from './AuditHistory';
export { AUDIT_ENTITY_TYPES, useAuditTrail, type AuditEntityType, type AuditEntryDto } from './auditApi';
