import { describe, expect, it } from 'vitest';
import { chineseUnits, formatDateTime, formatDuration, formatMoney, formatNumber } from './format';

describe('Chinese figures in 万 and 亿', () => {
  it('writes money from ten thousand up in 万, from a hundred million up in 亿, and English with separators', () => {
    expect(formatMoney('zh-CN', '9999')).toBe('¥9,999');
    expect(formatMoney('zh-CN', '10000')).toBe('¥1万');
    expect(formatMoney('zh-CN', '1234567.89')).toBe('¥123.46万');
    expect(formatMoney('zh-CN', 2_300_000_000)).toBe('¥23亿');
    expect(formatMoney('zh-CN', -150_000)).toBe('-¥15万');
    expect(formatMoney('en', '1234567.89')).toBe('CN¥1,234,568');
    expect(formatMoney('zh-CN', null)).toBe('—');
  });

  it('writes counts the same way, and keeps the currency of non-CNY money', () => {
    expect(formatNumber('zh-CN', 192)).toBe('192');
    expect(formatNumber('zh-CN', 125_000)).toBe('12.5万');
    expect(formatNumber('zh-CN', '100000000')).toBe('1亿');
    expect(formatNumber('en', 125_000)).toBe('125,000');
    expect(formatMoney('zh-CN', 50_000, 'USD')).toBe('US$5万');
    expect(chineseUnits('en', 1e9)).toBeNull();
  });
});

describe('one date-time format per locale', () => {
  it('prints an instant in Beijing time with a 24-hour clock in both languages', () => {
    expect(formatDateTime('zh-CN', '2026-12-03T06:05:00Z')).toBe('2026年12月3日 14:05');
    expect(formatDateTime('en', '2026-12-03T06:05:00Z')).toBe('Dec 3, 2026, 14:05');
    expect(formatDateTime('en', null)).toBe('—');
  });

  it('says durations with a Chinese unit, never h or d', () => {
    expect(formatDuration('zh-CN', 2)).toBe('2 小时');
    expect(formatDuration('zh-CN', 72)).toBe('3 天');
    expect(formatDuration('zh-CN', 36)).toBe('36 小时');
    expect(formatDuration('en', 1.55)).toBe('1.6 h');
    expect(formatDuration('en', 48)).toBe('2 d');
  });
});
