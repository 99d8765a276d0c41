import { describe, expect, it } from 'vitest';
import { actionButtons } from './actions';
import { entryText } from './model';
import { entry } from './fixtures';
import { englishT } from './sla';
import { newIdempotencyKey } from '../../shared/idempotency';
import { chineseT as chinese } from '../../test';

describe('actionButtons', () => {
  const labels = (allowed: Parameters<typeof actionButtons>[0], status: Parameters<typeof actionButtons>[1]) =>
    actionButtons(allowed, status).map((b) => `${b.label}${b.primary ? '*' : ''}`);

  it('shows only the allowed next steps, the forward step as the primary button', () => {
    expect(labels(['Acknowledge'], 'New')).toEqual(['complaint.action.Acknowledge*']);
    expect(labels(['Assign'], 'Acknowledged')).toEqual(['complaint.action.Assign*']);
    expect(labels(['Resume'], 'AwaitingCustomer')).toEqual(['complaint.action.Resume*']);
    expect(labels(['Close', 'Reopen'], 'Resolved')).toEqual(['complaint.action.Close*', 'complaint.action.Reopen']);
    expect(labels(['Reopen'], 'Closed')).toEqual(['complaint.action.Reopen']);
  });

  it('puts the steps in workflow order and calls Assign "Reassign" once the complaint is in progress', () => {
    expect(labels(['Resolve', 'AwaitCustomer', 'Assign'], 'InProgress')).toEqual([
      'complaint.action.Reassign',
      'complaint.action.AwaitCustomer',
      'complaint.action.Resolve*',
    ]);
    expect(labels(['Assign'], 'Reopened')).toEqual(['complaint.action.Assign*']);
  });

  it('shows nothing when nothing is allowed, and gives each button a stable test id', () => {
    expect(actionButtons([], 'Closed')).toEqual([]);
    expect(actionButtons(['AwaitCustomer'], 'InProgress')[0]!.testId).toBe('action-await-customer');
  });
});

describe('entryText', () => {
  it('renders an entry from its kind and arguments in the reader’s language, never from the English text', () => {
    const text = (e: Parameters<typeof entry>[0]) => entryText(entry({ ...e, text: 'IGNORED' }), englishT).text;
    expect(text({ sequence: 1, kind: 'Filed', args: { channel: 'OnSite', toStatus: 'New' } })).toBe('Filed via On site');
    expect(text({ sequence: 2, kind: 'Assigned', args: { assigneeName: 'Li Lei', department: 'Quality' } })).toBe('Assigned to Li Lei (Quality)');
    expect(text({ sequence: 3, kind: 'Escalated', args: { clock: 'Resolution', level: 1 } })).toBe('Resolution target breached: escalated to level 1');
    expect(text({ sequence: 4, kind: 'Escalated', args: { clock: 'FirstResponse', level: 2 } })).toBe('First response target exceeded twice over: escalated to level 2');
    expect(text({ sequence: 5, kind: 'AtRisk', args: { clock: 'FirstResponse' } })).toBe('First response target at risk (80% used)');
    expect(text({ sequence: 6, kind: 'Closed', args: { automatic: true } })).toBe('Closed automatically 7 days after resolution');
  });

  it('shows what people wrote as written, after the step it came with', () => {
    expect(entryText(entry({ sequence: 1, kind: 'Acknowledged', note: 'We call you back at 3 pm' }), englishT).text).toBe('First response: We call you back at 3 pm');
    expect(entryText(entry({ sequence: 2, kind: 'Comment', note: '客户要求周四前补发' }), englishT).text).toBe('客户要求周四前补发');
    expect(entryText(entry({ sequence: 3, kind: 'AwaitingCustomer', note: null }), englishT).text).toBe('Waiting for the customer');
  });

  it('reads in Chinese with the UI translator', () => {
    expect(entryText(entry({ sequence: 1, kind: 'Assigned', args: { assigneeName: '王芳', department: 'Logistics' } }), chinese).text).toBe('分派给王芳（物流部）');
  });

  it('gives the root cause and corrective action of a resolution apart, to show as a tag and a line', () => {
    expect(entryText(entry({ sequence: 1, kind: 'Resolved', note: 'Replaced the lot', args: { rootCause: 'Supplier', correctiveAction: 'Incoming inspection' } }), englishT)).toEqual({
      rootCause: 'Supplier',
      correctiveAction: 'Incoming inspection',
      text: 'Replaced the lot',
    });
  });
});

describe('newIdempotencyKey', () => {
  it('is a random UUID, also where crypto.randomUUID is missing (plain HTTP)', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const insecure = { getRandomValues: globalThis.crypto.getRandomValues.bind(globalThis.crypto) };
    const a = newIdempotencyKey(insecure);
    expect(a).toMatch(uuid);
    expect(newIdempotencyKey(insecure)).not.toBe(a);
    expect(newIdempotencyKey()).toMatch(uuid);
  });
});
