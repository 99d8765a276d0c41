// The account's complaints with their state and SLA as the server keeps them, and "file a complaint": the intake page
// with this account filled in.
import { useState } from 'react';
import { Button, Card, Checkbox, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { AccountDto } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../auth/session';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { formatDateTime } from '../../shared/format';
import { useComplaints, type ComplaintStatus, type ComplaintSummaryDto, type Severity } from '../complaints/complaintsApi';
import { ComplaintStatusTag, EscalationTag, SeverityTag, SlaBadge, useNow } from '../complaints/labels';
import { badgeState } from '../complaints/sla';

export default function AccountComplaintsTab({ account }: { account: AccountDto }) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const now = useNow();
  const [openOnly, setOpenOnly] = useState(false);
  const [page, setPage] = useState(1);
  const complaints = useComplaints({ accountId: account.id, openOnly: openOnly || undefined, page, pageSize: 20 });
  return (
    <Card
      title={t('account.tab.complaints')}
      extra={
        <Space wrap>
          <Checkbox checked={openOnly} onChange={(e) => { setOpenOnly(e.target.checked); setPage(1); }} data-testid="account-complaints-open">
            {t('complaints.filter.openOnly')}
          </Checkbox>
          {can('complaints:write') && (
            <Link to={`/complaints/new?accountId=${encodeURIComponent(account.id)}`} data-testid="account-file-complaint">
              <Button type="primary" icon={<PlusOutlined />}>{t('account.complaints.file')}</Button>
            </Link>
          )}
        </Space>
      }
    >
      <ProblemAlert error={complaints.error} />
      <Table<ComplaintSummaryDto>
        rowKey="id"
        size="middle"
        loading={complaints.isLoading}
        dataSource={complaints.data?.items ?? []}
        data-testid="account-complaints"
        locale={{ emptyText: t('account.complaints.empty') }}
        scroll={{ x: 760 }}
        pagination={{ current: page, pageSize: 20, total: complaints.data?.totalCount ?? 0, onChange: setPage, hideOnSinglePage: true }}
        columns={[
          {
            title: t('complaint.complaint'),
            dataIndex: 'reference',
            render: (ref: string, row) => (
              <div>
                <Link to={`/complaints/${row.id}`} style={{ fontWeight: 600 }}>{ref}</Link>
                <Typography.Text ellipsis={{ tooltip: row.subject }} style={{ display: 'block' }}>{row.subject}</Typography.Text>
              </div>
            ),
          },
          {
            title: t('complaint.sla'),
            key: 'sla',
            width: 170,
            render: (_, row) => (
              <Space size={[0, 4]} wrap>
                <SlaBadge state={badgeState(row)} dueAt={row.dueAt} now={now} />
                <EscalationTag level={Math.max(row.firstResponseClock.escalationLevel, row.resolutionClock.escalationLevel)} />
              </Space>
            ),
          },
          { title: t('complaint.severity'), dataIndex: 'severity', width: 90, render: (v: Severity) => <SeverityTag severity={v} /> },
          {
            title: t('complaint.statusAssignee'),
            dataIndex: 'status',
            width: 150,
            render: (v: ComplaintStatus, row) => (
              <>
                <ComplaintStatusTag status={v} />
                <Typography.Text ellipsis style={{ display: 'block', fontSize: 12 }} type={row.assigneeName ? undefined : 'secondary'}>
                  {row.assigneeName ?? t('complaint.unassigned')}
                </Typography.Text>
              </>
            ),
          },
          { title: t('complaint.receivedAt'), dataIndex: 'receivedAt', width: 150, render: (v: string) => formatDateTime(locale, v) },
        ]}
      />
    </Card>
  );
}
