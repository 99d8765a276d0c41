import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import type { Schemas } from '../../api/client';
import { fakeApiPerTest, json, renderWithProviders } from '../../test';
import RemindersPage from './RemindersPage';

const none = { complaintReference: null, complaintSubject: null, clock: null, level: null, tier: null, cadenceDays: null, contactName: null, nextStep: null, fromTier: null, toTier: null, score: null, planTitle: null, initiativeTitle: null, initiativeDueDate: null, planId: null, planNeed: null };

function reminder(kind: Schemas['ReminderKind'], args: Partial<Schemas['ReminderArgsDto']>, message = 'English fallback the page never shows'): Schemas['ReminderDto'] {
  return { id: `r-${kind}`, accountId: 'a1', accountName: '华东精密制造有限公司', kind, subjectId: 's1', dueDate: '2026-12-05', message, args: { ...none, ...args }, createdAt: '2026-12-02T01:00:00Z' };
}

const every: Schemas['ReminderDto'][] = [
  reminder('OverdueContact', { tier: 'Strategic', cadenceDays: 30 }),
  reminder('ContactBirthday', { contactName: '王丽' }),
  reminder('NextStepDue', { nextStep: '发送季度业务回顾材料' }),
  reminder('TierChanged', { fromTier: 'Key', toTier: 'Strategic', score: 82.4 }),
  reminder('ComplaintEscalated', { complaintReference: 'CMP-2026-000123', complaintSubject: '三托盘货物缺失', clock: 'Resolution', level: 1 }),
  reminder('InitiativeOverdue', { planTitle: '华东制造发展计划', initiativeTitle: '驻厂技术支持', initiativeDueDate: '2026-11-20', planId: 'p1' }),
  reminder('PlanReviewDue', { planTitle: '华东制造发展计划' }),
  reminder('AccountNeedsPlan', { tier: 'Key', planNeed: 'Expired' }),
];

describe('RemindersPage', () => {
  const api = fakeApiPerTest();

  it('says what each reminder is about in Chinese from its kind and arguments, never from the English message', async () => {
    api.on('GET', '/api/v1/me/reminders', json(200, every));
    renderWithProviders(<RemindersPage />, { locale: 'zh-CN' });
    const what = (await screen.findAllByTestId('reminder-what')).map((e) => e.textContent);
    expect(what).toEqual([
      '已超过 30 天未互动（战略客户联系周期）',
      expect.stringContaining('王丽 的生日是'),
      '发送季度业务回顾材料',
      expect.stringMatching(/^重点客户 → 战略客户（得分 82\.4）$/),
      expect.stringContaining('CMP-2026-000123 三托盘货物缺失'),
      expect.stringMatching(/^驻厂技术支持（计划“华东制造发展计划”）应于 .+ 完成$/),
      '评审“华东制造发展计划”',
      '重点客户客户的发展计划已到期',
    ]);
    expect(screen.queryByText(/English fallback/)).toBeNull();
  });

  it('shows nothing for a reminder without arguments rather than guessing', async () => {
    api.on('GET', '/api/v1/me/reminders', json(200, [{ ...reminder('TierChanged', {}), args: null }]));
    renderWithProviders(<RemindersPage />, { locale: 'en' });
    expect(await screen.findByText('Tier changed')).toBeInTheDocument();
    expect(screen.queryByTestId('reminder-what')).toBeNull();
  });
});
