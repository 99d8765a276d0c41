import { Card, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, unwrap, type Schemas } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { formatDate, formatNumber } from '../../shared/format';
import { TierTag } from '../../shared/TierTag';
import { PageTitle } from '../../shell/PageTitle';
import { usePageTitle } from '../../shell/usePageTitle';
import { ResponsiveTable } from '../../shared/ResponsiveTable';

/**
 * What a reminder is about, in the reader's language from its kind and arguments (the server's English `message` is a
 * fallback for other clients; nothing here reads it). Complaint reminders link to the complaint and name the clock and
 * the escalation step; a tier change names both tiers; the others name the cadence, the contact or the next step.
 */
export function ReminderWhat({ reminder: r }: { reminder: Schemas['ReminderDto'] }) {
  const { t, locale } = useI18n();
  const a = r.args;
  if (!a) return null;
  switch (r.kind) {
    case 'ComplaintAtRisk':
    case 'ComplaintEscalated': {
      const target = t(a.clock === 'FirstResponse' ? 'complaint.sla.firstResponse' : 'complaint.sla.resolution');
      const level = a.level ?? 0;
      const step = level <= 0 ? 'atRisk' : level === 1 ? 'level1' : 'level2';
      return (
        <span data-testid="reminder-what">
          <Link to={`/complaints/${r.subjectId}`}>{a.complaintReference}</Link> {a.complaintSubject} — {t(`complaint.timeline.escalated.${step}`, { target })}
        </span>
      );
    }
    case 'TierChanged':
      return a.fromTier && a.toTier ? (
        <span data-testid="reminder-what">
          <TierTag tier={a.fromTier} /> → <TierTag tier={a.toTier} />
          {a.score != null && t('reminder.args.score', { score: formatNumber(locale, a.score) })}
        </span>
      ) : null;
    case 'OverdueContact':
      return a.tier && a.cadenceDays != null ? (
        <span data-testid="reminder-what">{t('reminder.args.overdue', { days: a.cadenceDays, tier: t(`tier.${a.tier}`) })}</span>
      ) : null;
    case 'ContactBirthday':
      return a.contactName ? <span data-testid="reminder-what">{t('reminder.args.birthday', { name: a.contactName, date: formatDate(locale, r.dueDate) })}</span> : null;
    case 'NextStepDue':
      return a.nextStep ? <span data-testid="reminder-what">{a.nextStep}</span> : null;
    case 'InitiativeOverdue':
      return a.initiativeTitle ? (
        <span data-testid="reminder-what">
          <Link to={`/plans/${a.planId ?? ''}`}>{t('reminder.args.initiativeOverdue', { initiative: a.initiativeTitle, plan: a.planTitle ?? '', date: formatDate(locale, a.initiativeDueDate ?? r.dueDate) })}</Link>
        </span>
      ) : null;
    case 'PlanReviewDue':
      return a.planTitle ? (
        <span data-testid="reminder-what">
          <Link to={`/plans/${r.subjectId}`}>{t('reminder.args.planReviewDue', { plan: a.planTitle })}</Link>
        </span>
      ) : null;
    case 'AccountNeedsPlan':
      return a.tier && a.planNeed ? <span data-testid="reminder-what">{t(`reminder.args.needsPlan.${a.planNeed}`, { tier: t(`tier.${a.tier}`) })}</span> : null;
    case 'SurveyFollowUpDue': {
      const level = Math.min(Math.max(a.level ?? 0, 0), 2) as 0 | 1 | 2;
      return a.contactName ? <span data-testid="reminder-what">{t(`reminder.args.followUp.${level}`, { name: a.contactName })}</span> : null;
    }
    default:
      return null;
  }
}

export default function RemindersPage() {
  usePageTitle('nav.reminders');
  const { t, locale } = useI18n();
  const reminders = useQuery({ queryKey: ['reminders'], queryFn: () => unwrap(api.GET('/api/v1/me/reminders')) });
  return (
    <Card title={<PageTitle>{t('nav.reminders')}</PageTitle>}>
      <ProblemAlert error={reminders.error} />
      <ResponsiveTable
        rowKey="id"
        loading={reminders.isLoading}
        dataSource={reminders.data ?? []}
        columns={[
          { title: t('reminder.due'), dataIndex: 'dueDate', render: (v: string) => formatDate(locale, v) },
          { title: t('account.name'), dataIndex: 'accountName', render: (v: string, r) => <Link to={`/accounts/${r.accountId}`}>{v}</Link> },
          { title: t('reminder.kind'), dataIndex: 'kind', render: (v: Schemas['ReminderKind']) => <Tag>{t(`reminder.${v}`)}</Tag> },
          { title: t('reminder.what'), key: 'what', render: (_, r) => <ReminderWhat reminder={r} /> },
        ]}
      />
    </Card>
  );
}
