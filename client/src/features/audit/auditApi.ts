import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';
import type { paths } from '../../api/schema';

export type AuditEntryDto = Schemas['AuditEntryDto'];
export type AuditFieldChangeDto = Schemas['AuditFieldChangeDto'];
export type AuditQuery = NonNullable<paths['/api/v1/audit']['get']['parameters']['query']>;

/** The record types the audit trail knows (the API's `entityType`). */
export const AUDIT_ENTITY_TYPES = ['account', 'contact', 'accountTeamMember', 'tierOverride', 'tierPolicy', 'slaPolicy', 'user', 'webhookEndpoint'] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

/** One page of the trail, newest first. */
export function useAuditTrail(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: () => unwrap(api.GET('/api/v1/audit', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}
