import { Card, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, unwrap, type Schemas } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { formatDate } from '../../shared/format';

/**
 * What a reminder is about, in the reader's language from its kind and arguments. Complaint reminders link to the
 * complaint and name the clock and the escalation step; the other kinds carry no arguments yet, and their kind says it.
 */
function ReminderWhat({ reminder: r }: { reminder: Schemas['ReminderDto'] }) {
  const { t } = useI18n();
  const a = r.args;
  if ((r.kind !== 'ComplaintAtRisk' && r.kind !== 'ComplaintEscalated') || !a) return null;
  const target = t(a.clock === 'FirstResponse' ? 'complaint.sla.firstResponse' : 'complaint.sla.resolution');
  const level = a.level ?? 0;
  const step = level <= 0 ? 'atRisk' : level === 1 ? 'level1' : 'level2';
  return (
    <span data-testid="reminder-what">
      <Link to={`/complaints/${r.subjectId}`}>{a.complaintReference}</Link> {a.complaintSubject} — {t(`complaint.timeline.escalated.${step}`, { target })}
    </span>
  );
}

export default function RemindersPage() {
  const { t, locale } = useI18n();
  const reminders = useQuery({ queryKey: ['reminders'], queryFn: () => unwrap(api.GET('/api/v1/me/reminders')) });
  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('nav.reminders')}</Typography.Title>}>
      <ProblemAlert error={reminders.error} />
      <Table
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
