import { Card, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, unwrap, type Schemas } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { formatDate } from '../../shared/format';

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
        ]}
      />
    </Card>
  );
}
