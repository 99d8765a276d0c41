import type { ComplaintDto, ComplaintSummaryDto } from './complaintsApi';

export function complaintFixture(overrides: Partial<ComplaintDto> = {}): ComplaintDto {
  return {
    id: 'c1',
    reference: 'CMP-2026-000123',
    accountId: 'a1',
    accountName: '华东精密机械有限公司',
    contactId: null,
    channel: 'Phone',
    category: 'Delivery',
    severity: 'High',
    tier: 'Key',
    subject: 'Three pallets missing from order SO-88121',
    description: 'Delivered 17 of 20 pallets; the line stops on Friday without them.',
    requestedRemedy: 'Deliver the missing pallets by Thursday',
    receivedAt: '2026-11-29T08:00:00Z',
    status: 'InProgress',
    department: 'Logistics',
    assigneeId: 'me',
    firstRespondedAt: '2026-11-29T08:30:00Z',
    resolvedAt: null,
    closedAt: null,
    resolution: null,
    rootCause: null,
    correctiveAction: null,
    firstResponseTargetHours: 4,
    resolutionTargetHours: 48,
    firstResponseDueAt: null,
    resolutionDueAt: '2026-12-01T08:00:00Z',
    slaState: 'OnTime',
    firstResponseBreached: false,
    resolutionBreached: false,
    escalationLevel: 0,
    allowedActions: ['Assign', 'AwaitCustomer', 'Resolve'],
    timeline: [
      { sequence: 1, kind: 'Filed', by: 'me', byName: 'Zhao Min', at: '2026-11-29T08:00:00Z', text: 'Filed via Phone: Three pallets missing from order SO-88121', fromStatus: null, toStatus: 'New', assigneeId: null },
      { sequence: 2, kind: 'Acknowledged', by: 'me', byName: 'Zhao Min', at: '2026-11-29T08:30:00Z', text: 'We will call back by noon', fromStatus: 'New', toStatus: 'Acknowledged', assigneeId: null },
      { sequence: 3, kind: 'Assigned', by: 'me', byName: 'Zhao Min', at: '2026-11-29T08:40:00Z', text: 'Assigned to Logistics', fromStatus: 'Acknowledged', toStatus: 'InProgress', assigneeId: 'me' },
    ],
    ...overrides,
  };
}

export function summaryFixture(overrides: Partial<ComplaintSummaryDto> = {}): ComplaintSummaryDto {
  return {
    id: 'c1',
    reference: 'CMP-2026-000123',
    accountId: 'a1',
    accountName: '华东精密机械有限公司',
    tier: 'Key',
    severity: 'High',
    category: 'Delivery',
    subject: 'Three pallets missing',
    status: 'InProgress',
    assigneeId: 'me',
    assigneeName: 'Zhao Min',
    receivedAt: '2026-11-29T08:00:00Z',
    dueAt: '2026-12-01T08:00:00Z',
    slaState: 'OnTime',
    escalationLevel: 0,
    ...overrides,
  };
}
