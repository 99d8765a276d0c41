import type { ComplaintDto, ComplaintSummaryDto, ComplaintTimelineEntryDto, TimelineArgsDto } from './complaintsApi';

const noArgs: TimelineArgsDto = { fromStatus: null, toStatus: null, assigneeId: null, assigneeName: null, department: null, rootCause: null, correctiveAction: null, channel: null, clock: null, level: null, automatic: null, initiativeId: null, planId: null };

/** A timeline entry by Zhao Min, with the arguments its kind sets (the others null). */
export function entry(e: Omit<Partial<ComplaintTimelineEntryDto>, 'args'> & Pick<ComplaintTimelineEntryDto, 'sequence' | 'kind'> & { args?: Partial<TimelineArgsDto> }): ComplaintTimelineEntryDto {
  return { by: 'me', byName: 'Zhao Min', at: '2026-11-29T08:00:00Z', text: '', note: null, ...e, args: { ...noArgs, ...e.args } };
}

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
    assigneeName: 'Zhao Min',
    firstRespondedAt: '2026-11-29T08:30:00Z',
    resolvedAt: null,
    closedAt: null,
    resolution: null,
    rootCause: null,
    correctiveAction: null,
    initiativeId: null,
    planId: null,
    firstResponseTargetHours: 4,
    resolutionTargetHours: 48,
    slaState: 'OnTime',
    dueAt: '2026-12-01T08:00:00Z',
    stopped: false,
    firstResponseClock: { dueAt: null, atRisk: false, breached: false, escalationLevel: 0 },
    resolutionClock: { dueAt: '2026-12-01T08:00:00Z', atRisk: false, breached: false, escalationLevel: 0 },
    allowedActions: ['Assign', 'AwaitCustomer', 'Resolve'],
    timeline: [
      entry({ sequence: 1, kind: 'Filed', at: '2026-11-29T08:00:00Z', text: 'Filed via Phone', args: { toStatus: 'New', channel: 'Phone' } }),
      entry({ sequence: 2, kind: 'Acknowledged', at: '2026-11-29T08:30:00Z', text: 'First response: We will call back by noon', note: 'We will call back by noon', args: { fromStatus: 'New', toStatus: 'Acknowledged' } }),
      entry({ sequence: 3, kind: 'Assigned', at: '2026-11-29T08:40:00Z', text: 'Assigned to Zhao Min (Logistics)', args: { fromStatus: 'Acknowledged', toStatus: 'InProgress', assigneeId: 'me', assigneeName: 'Zhao Min', department: 'Logistics' } }),
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
    stopped: false,
    firstResponseClock: { dueAt: null, atRisk: false, breached: false, escalationLevel: 0 },
    resolutionClock: { dueAt: '2026-12-01T08:00:00Z', atRisk: false, breached: false, escalationLevel: 0 },
    ...overrides,
  };
}
