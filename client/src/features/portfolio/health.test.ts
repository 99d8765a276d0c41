import { describe, expect, it } from 'vitest';
import type { MessageKey } from '../../i18n/messages';
import { en } from '../../i18n/messages/en';
import { zhCN } from '../../i18n/messages/zh-CN';
import { paretoAt, warningText, type HealthWarning } from './health';

const translator = (messages: Record<string, string>) => (key: MessageKey, values?: Record<string, string | number>) =>
  (messages[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? ''));

const warning = (code: string, figures: Record<string, number>): HealthWarning => ({ component: 'Engagement', code, message: `server: ${code}`, figures });

describe('warningText', () => {
  it('words an overdue contact with its days and cadence in both languages', () => {
    const w = warning('OverdueForContact', { daysSinceContact: 47, cadenceDays: 30 });
    expect(warningText(translator(en), w)).toContain('47');
    expect(warningText(translator(en), w)).toContain('30');
    expect(warningText(translator(zhCN), w)).toMatch(/47.*30/);
  });

  it('shows a revenue decline as a positive percentage', () => {
    expect(warningText(translator(en), warning('RevenueDecline', { changePercent: -18.5 }))).toContain('18.5%');
  });

  it("falls back to the server's message for a code it does not know", () => {
    expect(warningText(translator(en), warning('SomethingNew', {}))).toBe('server: SomethingNew');
  });
});

describe('paretoAt', () => {
  it('takes the last point within the account share', () => {
    const points = [
      { accountShare: 10, revenueShare: 50 },
      { accountShare: 20, revenueShare: 78 },
      { accountShare: 30, revenueShare: 88 },
    ];
    expect(paretoAt(points, 20)).toBe(78);
    expect(paretoAt(points, 5)).toBe(0);
  });
});
