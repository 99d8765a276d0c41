// SLA clocks on the client: the countdown text of a due time and the colour of its badge, ticking without the server.
import type { MessageKey } from '../../i18n/messages';
import { en } from '../../i18n/messages/en';
import type { ComplaintStatus, SlaState } from './complaintsApi';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** English, for callers without the UI's translator (tests, logs). */
export const englishT: Translate = (key, params) => {
  let text: string = en[key];
  for (const [name, value] of Object.entries(params ?? {})) text = text.replace(`{${name}}`, String(value));
  return text;
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const toMs = (value: string | number | Date) => (typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : value.getTime());

/** A length of time in the two largest units that matter: "2 d 4 h", "3 h 12 min", "12 min", "< 1 min" (whole units, rounded down). */
export function formatDuration(ms: number, t: Translate = englishT): string {
  const minutes = Math.floor(Math.abs(ms) / MINUTE);
  if (minutes < 1) return t('sla.unit.lessThanMinute');
  const days = Math.floor(minutes / (DAY / MINUTE));
  const hours = Math.floor((minutes % (DAY / MINUTE)) / 60);
  const mins = minutes % 60;
  const parts: string[] = [];
  if (days > 0) {
    parts.push(t('sla.unit.d', { n: days }));
    if (hours > 0) parts.push(t('sla.unit.h', { n: hours }));
  } else if (hours > 0) {
    parts.push(t('sla.unit.h', { n: hours }));
    if (mins > 0) parts.push(t('sla.unit.min', { n: mins }));
  } else {
    parts.push(t('sla.unit.min', { n: mins }));
  }
  return parts.join(' ');
}

/** The time left until a due time, or how long it is overdue: "3 h 12 min left", "overdue 2 h". */
export function countdown(dueAt: string | number | Date, now: string | number | Date, t: Translate = englishT): string {
  const left = toMs(dueAt) - toMs(now);
  return left > 0 ? t('sla.left', { time: formatDuration(left, t) }) : t('sla.overdue', { time: formatDuration(left, t) });
}

export type BadgeState = 'OnTime' | 'AtRisk' | 'Breached' | 'Paused' | 'Met' | 'Missed';

/**
 * The badge of a running or stopped clock. A clock past its due time is breached at once, even if the server's
 * scan (which sets the at-risk and breach flags every minute) has not run yet; a breach never turns back.
 */
export function badgeState(clock: { status: ComplaintStatus; dueAt?: string | null; slaState: SlaState }, now: number | Date): BadgeState {
  if (clock.dueAt) {
    if (clock.slaState === 'Breached' || toMs(clock.dueAt) <= toMs(now)) return 'Breached';
    return clock.slaState === 'AtRisk' ? 'AtRisk' : 'OnTime';
  }
  // No due time: the clock is paused (waiting for the customer) or stopped (resolved or closed).
  if (clock.status === 'Resolved' || clock.status === 'Closed') return clock.slaState === 'Breached' ? 'Missed' : 'Met';
  return clock.slaState === 'Breached' ? 'Breached' : 'Paused';
}

export const BADGE_COLOR: Record<BadgeState, string> = {
  OnTime: 'green',
  AtRisk: 'orange',
  Breached: 'red',
  Paused: 'default',
  Met: 'green',
  Missed: 'red',
};

/** One SLA target on the complaint page: first response or resolution. */
export interface TargetClock {
  /** When it was met (first response given, resolved); null while running. */
  doneAt: string | null | undefined;
  dueAt: string | null | undefined;
  breached: boolean;
  /** The server's state of the running clock, when this target is the one running. */
  running: boolean;
  slaState: SlaState;
}

/** The state of one target: met or missed once done, otherwise like a running (or paused) clock. */
export function targetState(clock: TargetClock, now: number | Date): BadgeState {
  if (clock.doneAt) return clock.breached ? 'Missed' : 'Met';
  if (!clock.dueAt) return clock.breached ? 'Breached' : 'Paused';
  if (clock.breached || toMs(clock.dueAt) <= toMs(now)) return 'Breached';
  return clock.running && clock.slaState === 'AtRisk' ? 'AtRisk' : 'OnTime';
}
