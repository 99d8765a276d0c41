import { describe, expect, it } from 'vitest';
import { chineseT as chinese } from '../../test';
import { badgeState, clockState, countdown, formatDuration } from './sla';

const now = Date.parse('2026-11-29T10:00:00Z');
const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();

describe('countdown', () => {
  it('says how long is left, in the two largest units', () => {
    expect(countdown(at(3 * 60 + 12), now)).toBe('3 h 12 min left');
    expect(countdown(at(3 * 60), now)).toBe('3 h left');
    expect(countdown(at(45), now)).toBe('45 min left');
    expect(countdown(at(2 * 24 * 60 + 4 * 60 + 30), now)).toBe('2 d 4 h left');
    expect(countdown(at(24 * 60 + 20), now)).toBe('1 d left');
  });

  it('rounds down, so it never promises more time than there is', () => {
    expect(countdown(new Date(now + 12 * 60_000 + 59_000), now)).toBe('12 min left');
    expect(countdown(new Date(now + 30_000), now)).toBe('< 1 min left');
  });

  it('says how long it is overdue once the due time has passed', () => {
    expect(countdown(at(-120), now)).toBe('overdue 2 h');
    expect(countdown(at(-125), now)).toBe('overdue 2 h 5 min');
    expect(countdown(at(-3 * 24 * 60), now)).toBe('overdue 3 d');
    expect(countdown(at(0), now)).toBe('overdue < 1 min');
  });

  it('ticks: the same due time reads differently 30 minutes later', () => {
    const due = at(60);
    expect(countdown(due, now)).toBe('1 h left');
    expect(countdown(due, now + 30 * 60_000)).toBe('30 min left');
    expect(countdown(due, now + 90 * 60_000)).toBe('overdue 30 min');
  });

  it('reads in Chinese with the UI translator', () => {
    expect(countdown(at(3 * 60 + 12), now, chinese)).toBe('剩余 3 小时 12 分钟');
    expect(countdown(at(-120), now, chinese)).toBe('已超时 2 小时');
    expect(formatDuration(20_000, chinese)).toBe('不到 1 分钟');
  });
});

describe('badgeState', () => {
  const row = { stopped: false, dueAt: at(600), slaState: 'OnTime' as const };

  it('shows the state the server keeps: green on time, orange at risk, red breached', () => {
    expect(badgeState(row)).toBe('OnTime');
    expect(badgeState({ ...row, slaState: 'AtRisk' })).toBe('AtRisk');
    expect(badgeState({ ...row, dueAt: at(-5), slaState: 'Breached' })).toBe('Breached');
  });

  it('decides nothing itself: past its due time a clock stays as the server flagged it until the scan records the breach', () => {
    expect(badgeState({ ...row, dueAt: at(-1), slaState: 'AtRisk' })).toBe('AtRisk');
  });

  it('stays red when a breached complaint has a later due time (a breach never turns back)', () => {
    expect(badgeState({ ...row, slaState: 'Breached' })).toBe('Breached');
  });

  it('is paused without a due time, and met or missed once stopped', () => {
    expect(badgeState({ ...row, dueAt: null })).toBe('Paused');
    expect(badgeState({ ...row, dueAt: null, slaState: 'Breached' })).toBe('Breached');
    expect(badgeState({ stopped: true, dueAt: null, slaState: 'OnTime' })).toBe('Met');
    expect(badgeState({ stopped: true, dueAt: null, slaState: 'Breached' })).toBe('Missed');
  });
});

describe('clockState', () => {
  const clock = { dueAt: at(120), atRisk: false, breached: false, escalationLevel: 0 };

  it('follows the clock’s own flags while it runs', () => {
    expect(clockState(clock, null)).toBe('OnTime');
    expect(clockState({ ...clock, atRisk: true }, null)).toBe('AtRisk');
    expect(clockState({ ...clock, atRisk: true, breached: true, escalationLevel: 1 }, null)).toBe('Breached');
  });

  it('is paused without a due time, unless it was breached', () => {
    expect(clockState({ ...clock, dueAt: null }, null)).toBe('Paused');
    expect(clockState({ ...clock, dueAt: null, breached: true }, null)).toBe('Breached');
  });

  it('is met or missed once its target was reached, by the breach flag', () => {
    expect(clockState({ ...clock, dueAt: null }, at(-10))).toBe('Met');
    expect(clockState({ ...clock, dueAt: null, breached: true }, at(-10))).toBe('Missed');
  });
});
