import { Button, Card, Checkbox, Segmented, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { useSession } from '../../auth/session';
import type { Tier } from '../../api/client';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { urlFilter, useUrlFilters } from '../../shared/useUrlFilters';
import { TIERS } from '../../shared/tiers';
import { TierTag } from '../../shared/TierTag';
import { CATEGORIES, SEVERITIES, SLA_STATES, STATUSES } from './model';
import { badgeState } from './sla';
import { ComplaintStatusTag, EscalationTag, SeverityTag, SlaBadge, useNow } from './labels';
import { ExportButton } from '../../shared/ExportButton';
import { QueueDispatch } from './QueueDispatch';
import { exportComplaints, useComplaints, type ComplaintCategory, type ComplaintListQuery, type ComplaintStatus, type ComplaintSummaryDto, type Severity } from './complaintsApi';
import { PageTitle } from '../../shell/PageTitle';
import { usePageTitle } from '../../shell/usePageTitle';
import { ResponsiveTable } from '../../shared/ResponsiveTable';

/** Month, day and time: a queue's received column is read for recency, the year is rarely in doubt. */
function formatShort(locale: string, iso: string) {
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** A bound of the received period as the queue shows it; an edited link's unreadable value as it is. */
function instantLabel(locale: string, iso: string | undefined) {
  if (!iso) return '…';
  return Number.isNaN(new Date(iso).getTime()) ? iso : formatShort(locale, iso);
}

/** The queue's filters, scope and page, as URL parameters (see useUrlFilters). */
const FILTERS = {
  status: urlFilter.oneOf(STATUSES),
  severity: urlFilter.oneOf(SEVERITIES),
  tier: urlFilter.oneOf(TIERS),
  category: urlFilter.oneOf(CATEGORIES),
  slaState: urlFilter.oneOf(SLA_STATES),
  overdue: urlFilter.flag(),
  /** `all`: resolved and closed complaints too. */
  open: urlFilter.oneOf(['all']),
  mine: urlFilter.flag(),
  /** The period received (ISO instants), as the dashboard and the complaint metrics link to it. */
  receivedFrom: urlFilter.text(),
  receivedTo: urlFilter.text(),
  page: urlFilter.int(1),
  pageSize: urlFilter.int(20),
};

/**
 * The complaints queue: open complaints first, the most urgent due time first, each with a live SLA countdown.
 * Filters, "my queue" and paging live in the URL, so a view can be shared and survives a reload.
 * "Open only" is on unless the URL says `open=all`.
 */
export default function ComplaintsQueuePage() {
  usePageTitle('complaints.title');
  const { t, locale } = useI18n();
  const { can } = useSession();
  const now = useNow();
  const { filters, setFilters, setFilter, resetFilters } = useUrlFilters(FILTERS);
  const { status, mine } = filters;
  // A chosen status says which complaints are shown: "open only" steps aside instead of the client deciding which
  // statuses count as open (the server's stopped flag is the one home of that).
  const openOnly = filters.open !== 'all' && !status;
  const query: ComplaintListQuery = {
    status,
    severity: filters.severity,
    tier: filters.tier,
    category: filters.category,
    slaState: filters.slaState,
    overdue: filters.overdue || undefined,
    openOnly: openOnly || undefined,
    mine: mine || undefined,
    receivedFrom: filters.receivedFrom,
    receivedTo: filters.receivedTo,
    page: filters.page,
    pageSize: filters.pageSize,
  };
  const { data, isFetching, error } = useComplaints(query);

  const select = <K extends 'status' | 'severity' | 'tier' | 'category' | 'slaState'>(key: K, label: MessageKey, options: { value: NonNullable<(typeof filters)[K]>; label: string }[], width = 150) => (
    <Select
      allowClear
      placeholder={t(label)}
      aria-label={t(label)}
      data-testid={`filter-${key}`}
      style={{ width }}
      value={filters[key]}
      options={options}
      onChange={(v) => setFilter(key, v)}
    />
  );

  return (
    <Card
      title={<PageTitle>{t('complaints.title')}</PageTitle>}
      extra={
        <Space>
          <Segmented
            data-testid="queue-scope"
            value={mine ? 'mine' : 'all'}
            options={[
              { value: 'all', label: t('complaints.scope.all') },
              { value: 'mine', label: t('complaints.scope.mine') },
            ]}
            onChange={(v) => setFilter('mine', v === 'mine')}
          />
          <ExportButton
            name="complaints"
            fetchFile={(format) => {
              const { page: _page, pageSize: _pageSize, ...scope } = query;
              return exportComplaints({ ...scope, format, lang: locale });
            }}
          />
          <Link to="/complaints/metrics">
            <Button>{t('metrics.open')}</Button>
          </Link>
          <Link to="/complaints/sla-policy">
            <Button>{t('sla.open')}</Button>
          </Link>
          {can('complaints:write') && (
            <Link to="/complaints/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="new-complaint">{t('complaints.new')}</Button>
            </Link>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        {select('status', 'complaints.filter.status', STATUSES.map((v) => ({ value: v, label: t(`complaint.status.${v}`) })))}
        {select('severity', 'complaints.filter.severity', SEVERITIES.map((v) => ({ value: v, label: t(`complaint.severity.${v}`) })), 130)}
        {select('tier', 'complaints.filter.tier', TIERS.map((v) => ({ value: v, label: t(`tier.${v}`) })), 130)}
        {select('category', 'complaints.filter.category', CATEGORIES.map((v) => ({ value: v, label: t(`complaint.category.${v}`) })))}
        {select('slaState', 'complaints.filter.slaState', SLA_STATES.map((v) => ({ value: v, label: t(`complaint.sla.state.${v}`) })), 150)}
        <Checkbox data-testid="filter-overdue" checked={filters.overdue} onChange={(e) => setFilter('overdue', e.target.checked)}>
          {t('complaints.filter.overdue')}
        </Checkbox>
        <Tooltip title={status ? t('complaints.filter.openOnly.disabled') : undefined}>
          <Checkbox data-testid="filter-open" checked={openOnly} disabled={Boolean(status)} onChange={(e) => setFilter('open', e.target.checked ? undefined : 'all')}>
            {t('complaints.filter.openOnly')}
          </Checkbox>
        </Tooltip>
        {(filters.receivedFrom || filters.receivedTo) && (
          <Tag
            closable
            data-testid="filter-received"
            closeIcon={<span aria-label={t('common.reset')}>×</span>}
            onClose={() => setFilters({ receivedFrom: undefined, receivedTo: undefined })}
          >
            {t('complaints.filter.received', {
              from: instantLabel(locale, filters.receivedFrom),
              to: instantLabel(locale, filters.receivedTo),
            })}
          </Tag>
        )}
        <Button onClick={resetFilters}>{t('common.reset')}</Button>
      </Space>
      <ProblemAlert error={error} />
      <ResponsiveTable<ComplaintSummaryDto>
        rowKey="id"
        size="middle"
        loading={isFetching && !data}
        dataSource={data?.items ?? []}
        data-testid="complaints-table"
        locale={{ emptyText: t(mine ? 'complaints.empty.mine' : 'complaints.empty') }}
        scroll={{ x: 1100 }}
        onChange={(pagination) => setFilters({ page: pagination.current, pageSize: pagination.pageSize })}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: data?.totalCount ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('complaints.total', { count: total }),
        }}
        columns={[
          {
            title: t('complaint.complaint'),
            dataIndex: 'reference',
            render: (ref: string, row) => (
              <div style={{ minWidth: 0 }}>
                <Link to={`/complaints/${row.id}`} data-testid="complaint-link" style={{ fontWeight: 600 }}>{ref}</Link>
                <Typography.Text ellipsis={{ tooltip: row.subject }} style={{ display: 'block' }}>{row.subject}</Typography.Text>
              </div>
            ),
          },
          {
            title: t('complaint.sla'),
            key: 'sla',
            width: 160,
            render: (_, row) => (
              <Space size={[0, 4]} wrap>
                <SlaBadge state={badgeState(row)} dueAt={row.dueAt} now={now} />
                <EscalationTag level={Math.max(row.firstResponseClock.escalationLevel, row.resolutionClock.escalationLevel)} />
              </Space>
            ),
          },
          { title: t('complaint.severity'), dataIndex: 'severity', width: 84, render: (v: Severity) => <SeverityTag severity={v} /> },
          { title: t('account.tier'), dataIndex: 'tier', width: 96, render: (v: Tier) => <TierTag tier={v} /> },
          { title: t('complaint.account'), dataIndex: 'accountName', width: 170, ellipsis: true, render: (name: string, row) => <Link to={`/accounts/${row.accountId}`}>{name}</Link> },
          { title: t('complaint.category'), dataIndex: 'category', width: 104, render: (v: ComplaintCategory) => t(`complaint.category.${v}`) },
          {
            title: t('complaint.statusAssignee'),
            dataIndex: 'status',
            width: 140,
            render: (v: ComplaintStatus, row) => (
              <>
                <ComplaintStatusTag status={v} />
                <Typography.Text ellipsis style={{ display: 'block', fontSize: 12 }} type={row.assigneeName ? undefined : 'secondary'}>
                  {row.assigneeName ?? t('complaint.unassigned')}
                </Typography.Text>
                <QueueDispatch row={row} />
              </>
            ),
          },
          { title: t('complaint.receivedAt'), dataIndex: 'receivedAt', width: 120, render: (v: string) => formatShort(locale, v) },
        ]}
      />
    </Card>
  );
}
