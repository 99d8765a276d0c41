import { describe, expect, it } from 'vitest';
import { figureLinks } from './links';

describe('figureLinks', () => {
  const period = { from: '2026-09-04T08:00:00+00:00', to: '2026-12-03T08:00:00+00:00' };

  it('opens the tier count as the active accounts of that tier', () => {
    expect(figureLinks.tier('Strategic')).toBe('/accounts?tier=Strategic&status=Active');
    expect(figureLinks.activeAccounts()).toBe('/accounts?status=Active');
  });

  it('opens an Amber or Red heat-map cell as the at-risk list of its band and tier, and a Green one nowhere', () => {
    expect(figureLinks.healthCell('Key', 'Red')).toBe('/portfolio?tab=at-risk&band=Red&tier=Key');
    expect(figureLinks.healthCell('Growth', 'Amber')).toBe('/portfolio?tab=at-risk&band=Amber&tier=Growth');
    expect(figureLinks.healthCell('Key', 'Green')).toBeNull();
  });

  it('opens the SLA figures as the complaints of the same period, closed ones included', () => {
    const url = new URL(figureLinks.complaints(period, { slaState: 'Breached' }), 'http://x');
    expect(url.pathname).toBe('/complaints');
    expect(Object.fromEntries(url.searchParams)).toEqual({ open: 'all', slaState: 'Breached', receivedFrom: period.from, receivedTo: period.to });
    expect(new URL(figureLinks.complaints(period, { tier: 'Key' }), 'http://x').searchParams.get('tier')).toBe('Key');
  });

  it('opens overdue contacts and plans at risk as their lists', () => {
    expect(figureLinks.overdueContacts()).toBe('/portfolio?tab=overdue');
    expect(figureLinks.plansAtRisk()).toBe('/plans?status=Approved,Active&overdue=true');
  });

  it('opens a run\'s tier count and its moved count as the run\'s accounts', () => {
    expect(figureLinks.runAccounts('r1', { tier: 'Key' })).toBe('/tiering/runs/r1?tier=Key');
    expect(figureLinks.runAccounts('r1', { moved: true })).toBe('/tiering/runs/r1?moved=true');
    expect(figureLinks.runAccounts('r1', {})).toBe('/tiering/runs/r1');
  });
});
