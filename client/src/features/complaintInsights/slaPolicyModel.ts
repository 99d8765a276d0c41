import type { Schemas } from '../../api/client';
import { formatDuration } from '../../shared/format';

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One row of the calendar editor: a weekday open from start to end ("HH:mm"), or closed. */
export interface DayHours {
  day: Weekday;
  open: boolean;
  start: string;
  end: string;
}

const hhmm = (t: string) => t.slice(0, 5);

/** The editor's rows from the server's hours (one interval per day; a day without hours is closed). */
export function toDayRows(hours: Schemas['WorkingHoursDto'][]): DayHours[] {
  return WEEKDAYS.map((day) => {
    const h = hours.find((x) => x.day === day);
    return h ? { day, open: true, start: hhmm(h.start), end: hhmm(h.end) } : { day, open: false, start: '09:00', end: '18:00' };
  });
}

/** Field problems the server would refuse, shown before sending: an open day must end after it starts (00:00 = midnight). */
export function dayErrors(rows: DayHours[]): Partial<Record<Weekday, string>> {
  const errors: Partial<Record<Weekday, string>> = {};
  for (const r of rows) {
    if (r.open && r.end !== '00:00' && r.end <= r.start) errors[r.day] = 'endBeforeStart';
  }
  return errors;
}

/** The request body from the editor's state. */
export function toInput(severities: Schemas['SeverityScaleDto'][], alwaysOpen: boolean, timeZone: string, rows: DayHours[], holidays: string[]): Schemas['SlaPolicyInput'] {
  return {
    severities,
    calendar: alwaysOpen
      ? null
      : {
          alwaysOpen: false,
          timeZone,
          hours: rows.filter((r) => r.open).map((r) => ({ day: r.day, start: `${r.start}:00`, end: `${r.end}:00` })),
          holidays,
        },
  };
}

/** Hours as "2 h" / "3 d" (zh-CN: "2 小时" / "3 天") for the matrix: the shared duration format. */
export function formatHours(hours: number, locale = 'en'): string {
  return formatDuration(locale, hours);
}
