import { describe, expect, it } from 'vitest';
import { dayErrors, formatHours, toDayRows, toInput } from './slaPolicyModel';

describe('SLA policy editor model', () => {
  it('reads one interval per weekday and closes the others', () => {
    const rows = toDayRows([{ day: 'Monday', start: '09:00:00', end: '18:00:00' }]);
    expect(rows[0]).toEqual({ day: 'Monday', open: true, start: '09:00', end: '18:00' });
    expect(rows.filter((r) => r.open)).toHaveLength(1);
  });

  it('flags a day that ends before it starts, but not one that ends at midnight', () => {
    const rows = toDayRows([]).map((r) => (r.day === 'Monday' ? { ...r, open: true, start: '18:00', end: '09:00' } : r.day === 'Tuesday' ? { ...r, open: true, start: '20:00', end: '00:00' } : r));
    expect(dayErrors(rows)).toEqual({ Monday: 'endBeforeStart' });
  });

  it('sends null for 24×7 and the open days otherwise', () => {
    const rows = toDayRows([{ day: 'Friday', start: '08:30:00', end: '17:00:00' }]);
    expect(toInput([], true, 'Asia/Shanghai', rows, []).calendar).toBeNull();
    expect(toInput([], false, 'Asia/Shanghai', rows, ['2027-01-01']).calendar).toEqual({
      alwaysOpen: false,
      timeZone: 'Asia/Shanghai',
      hours: [{ day: 'Friday', start: '08:30:00', end: '17:00:00' }],
      holidays: ['2027-01-01'],
    });
  });

  it('formats whole days from 48 hours on', () => {
    expect(formatHours(2)).toBe('2 h');
    expect(formatHours(72)).toBe('3 d');
    expect(formatHours(36)).toBe('36 h');
  });
});
