// SLA clocks on the client: the countdown text of a due time and the colour of its badge, ticking without the server.
import type { MessageKey } from '../../i18n/messages';
import { en } from '../../i18n/messages/en';
import type { SlaClockDto, SlaState } from './complaintsApi';

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
 * The badge of a complaint in the queue, read from what the server keeps (its `slaState`, `stopped` and `dueAt`):
 * nothing is decided here. Past its due time a clock counts up ("overdue 5 min") at once; its colour turns red when
 * the server's scan (every minute) records the breach.
 */
export function badgeState(row: { stopped: boolean; dueAt?: string | null; slaState: SlaState }): BadgeState {
  if (row.stopped) return row.slaState === 'Breached' ? 'Missed' : 'Met';
  if (!row.dueAt) return row.slaState === 'Breached' ? 'Breached' : 'Paused';
  return row.slaState;
}

export const BADGE_COLOR: Record<BadgeState, string> = {
  OnTime: 'green',
  AtRisk: 'orange',
  Breached: 'red',
  Paused: 'default',
  Met: 'green',
  Missed: 'red',
};

/**
 * The badge of one SLA clock on the complaint page (first response or resolution), from the server's flags for that
 * clock: met or missed once its target was reached (`doneAt`), paused while it has no due time, else as flagged.
 */
export function clockState(clock: SlaClockDto, doneAt: string | null | undefined): BadgeState {
  if (doneAt) return clock.breached ? 'Missed' : 'Met';
  if (clock.breached) return 'Breached';
  if (!clock.dueAt) return 'Paused';
  return clock.atRisk ? 'AtRisk' : 'OnTime';
}
