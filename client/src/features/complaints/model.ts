// The complaint vocabulary (the contract's enums) and how a timeline entry (kind + arguments) reads in the UI's language.
import type { ComplaintCategory, ComplaintChannel, ComplaintStatus, ComplaintTimelineEntryDto, Department, RootCause, Severity, SlaState } from './complaintsApi';
import type { Translate } from './sla';

export const STATUSES: readonly ComplaintStatus[] = ['New', 'Acknowledged', 'InProgress', 'AwaitingCustomer', 'Resolved', 'Closed', 'Reopened'];
export const SEVERITIES: readonly Severity[] = ['Critical', 'High', 'Medium', 'Low'];
export const CATEGORIES: readonly ComplaintCategory[] = ['ProductQuality', 'Delivery', 'Billing', 'Service', 'Other'];
export const CHANNELS: readonly ComplaintChannel[] = ['Phone', 'Email', 'OnSite', 'Web', 'Api'];
export const SLA_STATES: readonly SlaState[] = ['OnTime', 'AtRisk', 'Breached'];
export const DEPARTMENTS: readonly Department[] = ['Service', 'Quality', 'Technical', 'Product', 'Logistics', 'Sales', 'Finance', 'Marketing'];
export const ROOT_CAUSES: readonly RootCause[] = ['Design', 'Manufacturing', 'Supplier', 'Logistics', 'Communication', 'Process', 'HumanError', 'Documentation', 'Other'];

/**
 * The timeline text of an entry in the UI's language, from its kind and arguments (the server's `text` is an English
 * fallback and never parsed). What people wrote (the first response, notes, comments, the resolution) is `note`,
 * shown as written; the root cause of a resolution is returned apart, to show as a tag.
 */
export function entryText(
  entry: Pick<ComplaintTimelineEntryDto, 'kind' | 'args' | 'note'>,
  t: Translate,
): { text: string; rootCause?: RootCause; correctiveAction?: string } {
  const { kind, args, note } = entry;
  const clock = () => t(args.clock === 'FirstResponse' ? 'complaint.sla.firstResponse' : 'complaint.sla.resolution');
  const withNote = (what: string) => (note ? `${what}: ${note}` : what);
  switch (kind) {
    case 'Filed':
      return { text: args.channel ? t('complaint.timeline.filed', { channel: t(`complaint.channel.${args.channel}`) }) : '' };
    case 'Acknowledged':
      return { text: withNote(t('complaint.timeline.firstResponse')) };
    case 'Assigned':
      return {
        text: t('complaint.timeline.assigned', {
          assignee: args.assigneeName ?? t('complaint.assignee.unknown'),
          department: args.department ? t(`complaint.department.${args.department}`) : t('common.none'),
        }),
      };
    case 'AwaitingCustomer':
      return { text: withNote(t('complaint.timeline.awaitingCustomer')) };
    case 'Resumed':
      return { text: withNote(t('complaint.timeline.customerAnswered')) };
    case 'Resolved':
      return { text: note ?? '', rootCause: args.rootCause ?? undefined, correctiveAction: args.correctiveAction ?? undefined };
    case 'Closed':
      return { text: args.automatic ? t('complaint.timeline.autoClosed') : withNote(t('complaint.timeline.customerConfirmed')) };
    case 'Reopened':
      return { text: note ?? '' };
    case 'Comment':
      return { text: note ?? '' };
    case 'AtRisk':
      return { text: t('complaint.timeline.escalated.atRisk', { target: clock() }) };
    case 'InitiativeLinked':
      return { text: t(args.initiativeId ? 'complaint.timeline.initiativeLinked' : 'complaint.timeline.initiativeUnlinked') };
    case 'Escalated':
      return { text: t((args.level ?? 1) >= 2 ? 'complaint.timeline.escalated.level2' : 'complaint.timeline.escalated.level1', { target: clock() }) };
    default:
      return { text: note ?? '' };
  }
}
