import { describe, expect, it } from 'vitest';
import { homePathFor } from './home';
import { visibleNav } from './AppLayout';

// The permissions each role holds on the server (Application/Common/Security/Permissions.cs).
const granted = {
  Admin: ['webhooks:manage', 'apiclients:manage', 'users:manage', 'audit:read'],
  Director: ['accounts:read', 'accounts:write', 'accounts:delete', 'revenue:read', 'revenue:write', 'reminders:read', 'tiering:read', 'tiering:manage', 'complaints:read', 'complaints:write', 'complaints:manage', 'users:lookup', 'audit:read', 'plans:read', 'plans:write', 'plans:approve', 'surveys:read', 'surveys:design', 'surveys:run', 'surveys:followups', 'surveys:respond'],
  AccountManager: ['accounts:read', 'accounts:write', 'revenue:read', 'reminders:read', 'tiering:read', 'complaints:read', 'complaints:write', 'users:lookup', 'audit:read', 'plans:read', 'plans:write', 'surveys:read', 'surveys:followups'],
  ServiceAgent: ['accounts:read', 'reminders:read', 'complaints:read', 'complaints:write', 'users:lookup', 'surveys:read', 'surveys:respond'],
  QualityManager: ['accounts:read', 'revenue:read', 'reminders:read', 'tiering:read', 'complaints:read', 'complaints:write', 'complaints:manage', 'users:lookup', 'plans:read', 'surveys:read', 'surveys:followups'],
  Marketing: ['surveys:read', 'surveys:design', 'surveys:run', 'surveys:respond'],
} as const;

const home = (role: keyof typeof granted) => homePathFor(role, granted[role], visibleNav(granted[role])[0]?.path);

describe('homePathFor', () => {
  it('lands each role on its day’s work', () => {
    expect(home('AccountManager')).toBe('/today');
    expect(home('ServiceAgent')).toBe('/complaints');
    expect(home('QualityManager')).toBe('/complaints');
    expect(home('Director')).toBe('/portfolio');
    expect(home('Marketing')).toBe('/surveys');
    expect(home('Admin')).toBe('/users');
  });

  it('falls back to the first page the permissions open when the role’s home is not among them', () => {
    expect(homePathFor('AccountManager', ['accounts:read'], '/accounts')).toBe('/accounts');
    expect(homePathFor('Admin', ['webhooks:manage'], '/webhooks')).toBe('/webhooks');
  });

  it('falls back for a role it does not know, and answers null when nothing is open', () => {
    expect(homePathFor('Auditor', ['accounts:read'], '/accounts')).toBe('/accounts');
    expect(homePathFor(undefined, [], undefined)).toBeNull();
    expect(homePathFor('Marketing', [], null)).toBeNull();
  });

  it('shows My day in the menu of the roles that read reminders, before Reminders', () => {
    expect(visibleNav(granted.AccountManager).map((n) => n.path).slice(0, 4)).toEqual(['/accounts', '/portfolio', '/today', '/reminders']);
    expect(visibleNav(granted.Marketing).map((n) => n.path)).not.toContain('/today');
  });
});
