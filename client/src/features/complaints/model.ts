// The complaint vocabulary (the contract's enums) and how the server's timeline sentences read in the UI's language.
import type { ComplaintCategory, ComplaintChannel, ComplaintStatus, ComplaintTimelineEntryDto, Department, RootCause, Severity, SlaState } from './complaintsApi';
import type { Translate } from './sla';

export const STATUSES: readonly ComplaintStatus[] = ['New', 'Acknowledged', 'InProgress', 'AwaitingCustomer', 'Resolved', 'Closed', 'Reopened'];
export const SEVERITIES: readonly Severity[] = ['Critical', 'High', 'Medium', 'Low'];
export const CATEGORIES: readonly ComplaintCategory[] = ['ProductQuality', 'Delivery', 'Billing', 'Service', 'Other'];
export const CHANNELS: readonly ComplaintChannel[] = ['Phone', 'Email', 'OnSite', 'Web', 'Api'];
export const SLA_STATES: readonly SlaState[] = ['OnTime', 'AtRisk', 'Breached'];
export const DEPARTMENTS: readonly Department[] = ['Service', 'Quality', 'Technical', 'Product', 'Logistics', 'Sales', 'Finance', 'Marketing'];
export const ROOT_CAUSES: readonly RootCause[] = ['Design', 'Manufacturing', 'Supplier', 'Logistics', 'Communication', 'Process', 'HumanError', 'Documentation', 'Other'];

/** Statuses in which the complaint is no longer worked on. */
export const STOPPED: readonly ComplaintStatus[] = ['Resolved', 'Closed'];

const is = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/**
 * The timeline text of an entry in the UI's language. The server writes its own steps as English sentences
 * ("Assigned to Quality", "Supplier: … — …", "Resolution target breached: escalated to level 1"); those are
 * recognised and translated, with the root cause of a resolution returned apart to show as a tag. What people
 * wrote (responses, notes, comments) is shown as written.
 */
export function entryText(entry: Pick<ComplaintTimelineEntryDto, 'kind' | 'text'>, t: Translate): { text: string; rootCause?: RootCause } {
  const text = entry.text;
  let m: RegExpExecArray | null;
  switch (entry.kind) {
    case 'Filed':
      m = /^Filed via (\w+): ([\s\S]*)$/.exec(text);
      if (m && is(CHANNELS, m[1]!)) return { text: t('complaint.timeline.filed', { channel: t(`complaint.channel.${m[1]}`), subject: m[2]! }) };
      break;
    case 'Assigned':
      m = /^Assigned to (\w+)$/.exec(text);
      if (m && is(DEPARTMENTS, m[1]!)) return { text: t('complaint.timeline.assigned', { department: t(`complaint.department.${m[1]}`) }) };
      break;
    case 'Resumed':
      if (text === 'Customer answered') return { text: t('complaint.timeline.customerAnswered') };
      break;
    case 'Resolved':
      m = /^(\w+): ([\s\S]*)$/.exec(text);
      if (m && is(ROOT_CAUSES, m[1]!)) return { text: m[2]!, rootCause: m[1] };
      break;
    case 'Closed':
      if (text === 'Customer confirmed') return { text: t('complaint.timeline.customerConfirmed') };
      if (text === 'Closed automatically 7 days after resolution') return { text: t('complaint.timeline.autoClosed') };
      break;
    case 'Escalated': {
      m = /^(First response|Resolution) target (at risk \(80% used\)|breached: escalated to level 1|exceeded twice over: escalated to level 2)$/.exec(text);
      if (m) {
        const target = t(m[1] === 'Resolution' ? 'complaint.sla.resolution' : 'complaint.sla.firstResponse');
        const step = m[2]!.startsWith('at risk') ? 'atRisk' : m[2]!.endsWith('1') ? 'level1' : 'level2';
        return { text: t(`complaint.timeline.escalated.${step}`, { target }) };
      }
      break;
    }
    default:
      break;
  }
  return { text };
}

/**
 * The assignee's name. The complaint carries only the assignee's id: the name is the signed-in user's when it is
 * them, or the name on a timeline entry that person wrote; null when neither knows it.
 */
export function assigneeName(
  complaint: { assigneeId?: string | null; timeline: readonly Pick<ComplaintTimelineEntryDto, 'by' | 'byName'>[] },
  me: { id: string; displayName: string } | null,
): string | null {
  const id = complaint.assigneeId;
  if (!id) return null;
  if (me && id === me.id) return me.displayName;
  return complaint.timeline.find((e) => e.by === id && e.byName)?.byName ?? null;
}
