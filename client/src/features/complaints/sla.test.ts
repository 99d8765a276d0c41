import { describe, expect, it } from 'vitest';
import type { MessageKey } from '../../i18n/messages';
import { zhCN } from '../../i18n/messages/zh-CN';
import { badgeState, countdown, formatDuration, targetState, type Translate } from './sla';

const now = Date.parse('2026-11-29T10:00:00Z');
const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
const chinese: Translate = (key: MessageKey, params) => {
  let text = zhCN[key];
  for (const [k, v] of Object.entries(params ?? {})) text = text.replace(`{${k}}`, String(v));
  return text;
};

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
  it('is green on time, orange at risk, red breached', () => {
    expect(badgeState({ status: 'InProgress', dueAt: at(600), slaState: 'OnTime' }, now)).toBe('OnTime');
    expect(badgeState({ status: 'InProgress', dueAt: at(60), slaState: 'AtRisk' }, now)).toBe('AtRisk');
    expect(badgeState({ status: 'New', dueAt: at(-5), slaState: 'Breached' }, now)).toBe('Breached');
  });

  it('turns red as soon as the due time passes, before the server’s scan says so', () => {
    expect(badgeState({ status: 'New', dueAt: at(-1), slaState: 'AtRisk' }, now)).toBe('Breached');
    expect(badgeState({ status: 'New', dueAt: at(-1), slaState: 'OnTime' }, now)).toBe('Breached');
  });

  it('stays red when a breached complaint has a later due time (a breach never turns back)', () => {
    expect(badgeState({ status: 'InProgress', dueAt: at(600), slaState: 'Breached' }, now)).toBe('Breached');
  });

  it('is paused while waiting for the customer, and met or missed once resolved', () => {
    expect(badgeState({ status: 'AwaitingCustomer', dueAt: null, slaState: 'OnTime' }, now)).toBe('Paused');
    expect(badgeState({ status: 'Resolved', dueAt: null, slaState: 'OnTime' }, now)).toBe('Met');
    expect(badgeState({ status: 'Closed', dueAt: null, slaState: 'Breached' }, now)).toBe('Missed');
  });
});

describe('targetState', () => {
  const clock = { doneAt: null, dueAt: at(120), breached: false, running: true, slaState: 'OnTime' as const };

  it('follows the running clock until the target is met', () => {
    expect(targetState(clock, now)).toBe('OnTime');
    expect(targetState({ ...clock, slaState: 'AtRisk' }, now)).toBe('AtRisk');
    expect(targetState(clock, now + 121 * 60_000)).toBe('Breached');
  });

  it('takes the at-risk state only for the clock that runs', () => {
    expect(targetState({ ...clock, running: false, slaState: 'AtRisk' }, now)).toBe('OnTime');
  });

  it('is met or missed once done, by the breach flag', () => {
    expect(targetState({ ...clock, doneAt: at(-10) }, now)).toBe('Met');
    expect(targetState({ ...clock, doneAt: at(-10), breached: true }, now)).toBe('Missed');
  });
});
