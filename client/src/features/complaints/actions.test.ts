import { describe, expect, it } from 'vitest';
import { actionButtons } from './actions';
import { assigneeName, entryText } from './model';
import { englishT } from './sla';
import { newIdempotencyKey } from '../../shared/idempotency';

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
  it('translates the server’s own sentences and leaves what people wrote as written', () => {
    expect(entryText({ kind: 'Filed', text: 'Filed via OnSite: Broken seal' }, englishT).text).toBe('Filed via On site: Broken seal');
    expect(entryText({ kind: 'Assigned', text: 'Assigned to Quality' }, englishT).text).toBe('Assigned to Quality');
    expect(entryText({ kind: 'Escalated', text: 'Resolution target breached: escalated to level 1' }, englishT).text).toBe(
      'Resolution target breached: escalated to level 1',
    );
    expect(entryText({ kind: 'Acknowledged', text: 'We call you back at 3 pm' }, englishT).text).toBe('We call you back at 3 pm');
    expect(entryText({ kind: 'Assigned', text: 'Assigned to Mars' }, englishT).text).toBe('Assigned to Mars');
  });

  it('takes the root cause of a resolution apart, to show as a tag', () => {
    expect(entryText({ kind: 'Resolved', text: 'Supplier: Replaced the lot — Incoming inspection' }, englishT)).toEqual({
      rootCause: 'Supplier',
      text: 'Replaced the lot — Incoming inspection',
    });
  });
});

describe('assigneeName', () => {
  const me = { id: 'me', displayName: 'Zhao Min' };
  it('names the assignee from the signed-in user or the timeline, or says it does not know', () => {
    expect(assigneeName({ assigneeId: 'me', timeline: [] }, me)).toBe('Zhao Min');
    expect(assigneeName({ assigneeId: 'u2', timeline: [{ by: 'u2', byName: 'Li Lei' }] }, me)).toBe('Li Lei');
    expect(assigneeName({ assigneeId: 'u3', timeline: [{ by: 'u2', byName: 'Li Lei' }] }, me)).toBeNull();
    expect(assigneeName({ assigneeId: null, timeline: [] }, me)).toBeNull();
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
