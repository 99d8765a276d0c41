import { describe, expect, it } from 'vitest';
import { visibleNav } from './AppLayout';
import type { ContactDto } from '../api/client';
import { buildOrgTree } from '../features/accounts/OrgChart';

describe('navigation by role', () => {
  it('shows a service agent only what its permissions allow', () => {
    expect(visibleNav(['accounts:read']).map((n) => n.path)).toEqual(['/accounts', '/portfolio']);
  });

  it('lands an admin on the webhook endpoints, the one page of its permissions', () => {
    expect(visibleNav(['webhooks:manage']).map((n) => n.path)).toEqual(['/webhooks']);
  });

  it('lands an admin on users (the first of its pages), then webhooks', () => {
    expect(visibleNav(['webhooks:manage', 'users:manage']).map((n) => n.path)).toEqual(['/users', '/webhooks']);
  });

  it('shows marketing (no account permissions yet) nothing of accounts', () => {
    expect(visibleNav([])).toEqual([]);
  });

  it('lands marketing on the surveys page, its one entry', () => {
    expect(visibleNav(['surveys:read', 'surveys:design', 'surveys:run']).map((n) => n.path)).toEqual(['/surveys']);
  });

  it('shows surveys to every role that reads them, after complaints', () => {
    expect(visibleNav(['accounts:read', 'complaints:read', 'tiering:read', 'surveys:read', 'surveys:followups']).map((n) => n.path)).toEqual(['/accounts', '/portfolio', '/complaints', '/surveys', '/tiering']);
  });

  it('shows a manager accounts and reminders', () => {
    expect(visibleNav(['accounts:read', 'accounts:write', 'reminders:read']).map((n) => n.path)).toEqual(['/accounts', '/portfolio', '/today', '/reminders']);
  });

  const agent = ['accounts:read', 'reminders:read', 'complaints:read', 'complaints:write'];
  const director = ['accounts:read', 'accounts:write', 'reminders:read', 'tiering:read', 'tiering:manage', 'complaints:read', 'complaints:write'];

  it('shows complaints to the roles that read them, before tiering', () => {
    expect(visibleNav(agent).map((n) => n.path)).toEqual(['/accounts', '/portfolio', '/today', '/reminders', '/complaints']);
    expect(visibleNav(director).map((n) => n.path)).toEqual(['/accounts', '/portfolio', '/today', '/reminders', '/complaints', '/tiering']);
  });
});

describe('buildOrgTree', () => {
  const c = (id: string, reportsToId: string | null): ContactDto => ({
    id,
    reportsToId,
    name: id,
    accountId: 'a',
    title: null,
    department: null,
    email: null,
    phone: null,
    birthday: null,
    buyingRole: 'User',
    attitude: 'Neutral',
    relationshipLevel: 'Vendor',
    targetRelationshipLevel: 'Vendor',
    gaps: [],
  });

  it('nests contacts under whom they report to, with unknown managers as roots', () => {
    const tree = buildOrgTree([c('ceo', null), c('cfo', 'ceo'), c('buyer', 'cfo'), c('orphan', 'gone')]);
    expect(tree.map((n) => n.contact.id)).toEqual(['ceo', 'orphan']);
    expect(tree[0]!.children[0]!.children[0]!.contact.id).toBe('buyer');
  });
});
