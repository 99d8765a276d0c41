import { Button, Card, Checkbox, Input, Select, Space, Tabs, Tag, Tooltip, Typography } from 'antd';
import { ClockCircleOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../auth/session';
import type { Tier } from '../../api/client';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { urlFilter, useUrlFilters } from '../../shared/useUrlFilters';
import { TIERS } from '../../shared/tiers';
import { TierTag } from '../../shared/TierTag';
import { formatDate } from '../../shared/format';
import { AccountPicker } from '../accounts/AccountPicker';
import { ApprovalInbox } from './ApprovalInbox';
import { DEFAULT_SORT, NEEDS_PLAN_REASONS, PLAN_STATUSES, sortQuery } from './model';
import { PlanProgressBar, PlanStatusTag } from './labels';
import { UserPicker } from './UserPicker';
import { useAccountsNeedingPlan, usePlans, type AccountNeedingPlanDto, type NeedsPlanReason, type PlanListQuery, type PlanStatus, type PlanSummaryDto } from './plansApi';
import { PageTitle } from '../../shell/PageTitle';
import { usePageTitle } from '../../shell/usePageTitle';
import { ResponsiveTable } from '../../shared/ResponsiveTable';

const TABS = ['list', 'needing', 'inbox'] as const;
const TAB = { tab: urlFilter.oneOf(TABS) };

/** The list's filters, sort and page, as URL parameters (see useUrlFilters). */
const LIST_FILTERS = {
  accountId: urlFilter.text(),
  ownerId: urlFilter.text(),
  status: urlFilter.someOf(PLAN_STATUSES),
  needsReview: urlFilter.flag(),
  overdue: urlFilter.flag(),
  q: urlFilter.text(),
  sort: urlFilter.text(DEFAULT_SORT),
  page: urlFilter.int(1),
  pageSize: urlFilter.int(20),
};

const NEEDING_FILTERS = {
  ownerId: urlFilter.text(),
  tier: urlFilter.oneOf(TIERS),
  reason: urlFilter.oneOf(NEEDS_PLAN_REASONS),
  page: urlFilter.int(1),
};

/** Development plans: the list, the accounts that need a plan, and (for a Director) the approval inbox. */
export default function PlansPage() {
  usePageTitle('plans.title');
  const { t } = useI18n();
  const { can } = useSession();
  const { filters, setFilter } = useUrlFilters(TAB);
  const approver = can('plans:approve');
  const tab = filters.tab === 'inbox' && !approver ? 'list' : (filters.tab ?? 'list');
  return (
    <Card
      title={<PageTitle>{t('plans.title')}</PageTitle>}
      extra={
        can('plans:write') && (
          <Link to="/plans/new">
            <Button type="primary" icon={<PlusOutlined />} data-testid="new-plan">{t('plans.new')}</Button>
          </Link>
        )
      }
    >
      <Tabs
        activeKey={tab}
        destroyOnHidden
        onChange={(key) => setFilter('tab', TAB.tab.read(key))}
        items={[
          { key: 'list', label: t('plans.tab.list'), children: <PlansList /> },
          { key: 'needing', label: t('plans.tab.needing'), children: <AccountsNeedingPlan /> },
          ...(approver ? [{ key: 'inbox', label: <span data-testid="tab-inbox">{t('plans.tab.inbox')}</span>, children: <ApprovalInbox /> }] : []),
        ]}
      />
    </Card>
  );
}

function PlansList() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const { filters, setFilters, setFilter, resetFilters } = useUrlFilters(LIST_FILTERS);
  const query: PlanListQuery = {
    accountId: filters.accountId,
    ownerId: filters.ownerId,
    status: filters.status,
    needsReview: filters.needsReview || undefined,
    overdue: filters.overdue || undefined,
    q: filters.q,
    ...sortQuery(filters.sort),
    page: filters.page,
    pageSize: filters.pageSize,
  };
  const { data, error, isFetching } = usePlans(query);
  const sort = filters.sort ?? DEFAULT_SORT;
  const sortKey = sort.replace(/^-/, '');
  const order = (key: string) => (sortKey === key ? (sort.startsWith('-') ? 'descend' : 'ascend') : null);

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('plans.filter.q')}
          aria-label={t('plans.filter.q')}
          defaultValue={filters.q}
          style={{ width: 240 }}
          data-testid="filter-q"
          onSearch={(v) => setFilter('q', v.trim() || undefined)}
        />
        <AccountPicker value={filters.accountId} onChange={(v) => setFilter('accountId', v)} testId="filter-account" placeholder={t('plans.filter.account')} ariaLabel={t('plans.filter.account')} allowClear style={{ width: 220 }} />
        {can('users:lookup') && (
          <UserPicker value={filters.ownerId} onChange={(v) => setFilter('ownerId', v)} testId="filter-owner" placeholder={t('plans.filter.owner')} ariaLabel={t('plans.filter.owner')} allowClear style={{ width: 160 }} />
        )}
        <Select
          mode="multiple"
          allowClear
          placeholder={t('plans.filter.status')}
          aria-label={t('plans.filter.status')}
          data-testid="filter-status"
          style={{ minWidth: 180 }}
          value={filters.status ?? []}
          options={PLAN_STATUSES.map((s) => ({ value: s, label: t(`plan.status.${s}`) }))}
          onChange={(v: PlanStatus[]) => setFilter('status', v)}
        />
        <Checkbox data-testid="filter-needs-review" checked={filters.needsReview} onChange={(e) => setFilter('needsReview', e.target.checked)}>
          {t('plans.filter.needsReview')}
        </Checkbox>
        <Checkbox data-testid="filter-overdue" checked={filters.overdue} onChange={(e) => setFilter('overdue', e.target.checked)}>
          {t('plans.filter.overdue')}
        </Checkbox>
        <Button onClick={resetFilters}>{t('common.reset')}</Button>
      </Space>
      <ProblemAlert error={error} />
      <ResponsiveTable<PlanSummaryDto>
        rowKey="id"
        size="middle"
        loading={isFetching && !data}
        dataSource={data?.items ?? []}
        data-testid="plans-table"
        locale={{ emptyText: t('plans.empty') }}
        scroll={{ x: 1000 }}
        onChange={(pagination, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const key = s?.order ? String(s.columnKey ?? s.field) : undefined;
          const next = key ? `${s?.order === 'descend' ? '-' : ''}${key}` : undefined;
          if ((next ?? DEFAULT_SORT) !== sort) setFilters({ sort: next });
          else setFilters({ page: pagination.current, pageSize: pagination.pageSize });
        }}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: data?.totalCount ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('plans.total', { count: total }),
        }}
        columns={[
          {
            title: t('plan.plan'),
            dataIndex: 'title',
            render: (title: string, row) => (
              <div style={{ minWidth: 0 }}>
                <Link to={`/plans/${row.id}`} data-testid="plan-link" style={{ fontWeight: 600 }}>{title}</Link>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{t('plan.version', { version: row.planVersion })}</Typography.Text>
              </div>
            ),
          },
          {
            title: t('plan.account'),
            key: 'accountName',
            dataIndex: 'accountName',
            sorter: true,
            sortOrder: order('accountName'),
            width: 200,
            render: (name: string, row) => (
              <Space size={4} wrap>
                <Link to={`/accounts/${row.accountId}?tab=plan`}>{name}</Link>
                <TierTag tier={row.accountTier} />
              </Space>
            ),
          },
          { title: t('plan.owner'), dataIndex: 'ownerName', width: 120, render: (v: string | null) => v ?? t('common.none') },
          {
            title: t('plan.status'),
            dataIndex: 'status',
            width: 170,
            render: (v: PlanStatus, row) => (
              <Space size={[0, 4]} wrap>
                <PlanStatusTag status={v} />
                {row.reviewDue && (
                  <Tooltip title={`${t('plan.nextReview')}: ${formatDate(locale, row.nextReviewDue)}`}>
                    <Tag color="orange" icon={<ClockCircleOutlined />} data-testid="review-due">{t('plan.reviewDue')}</Tag>
                  </Tooltip>
                )}
                {row.hasOverdueInitiatives && <Tag color="red" icon={<WarningOutlined />} data-testid="has-overdue">{t('plan.hasOverdue')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('plan.progress'),
            key: 'progress',
            dataIndex: 'progress',
            sorter: true,
            sortOrder: order('progress'),
            width: 200,
            render: (v: number | null, row) => (
              <>
                <PlanProgressBar value={v} size="small" testId="plan-progress" />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('plan.initiativesDone', { done: row.initiativesDone, total: row.initiativesTotal })}</Typography.Text>
              </>
            ),
          },
          {
            title: t('plan.period'),
            key: 'endDate',
            dataIndex: 'endDate',
            sorter: true,
            sortOrder: order('endDate'),
            width: 200,
            render: (_: string, row) => `${formatDate(locale, row.startDate)} – ${formatDate(locale, row.endDate)}`,
          },
          { title: t('plan.updatedAt'), key: 'updatedAt', dataIndex: 'updatedAt', sorter: true, sortOrder: order('updatedAt'), width: 130, render: (v: string) => formatDate(locale, v) },
        ]}
      />
    </>
  );
}

/** The accounts whose tier asks for a plan and that have none in force (the server's list and reasons). */
export function AccountsNeedingPlan() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const { filters, setFilter } = useUrlFilters(NEEDING_FILTERS);
  const { data, error, isFetching } = useAccountsNeedingPlan({ ownerId: filters.ownerId, tier: filters.tier, reason: filters.reason, page: filters.page, pageSize: 20 });
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        {can('users:lookup') && (
          <UserPicker value={filters.ownerId} onChange={(v) => setFilter('ownerId', v)} placeholder={t('plans.filter.owner')} ariaLabel={t('plans.filter.owner')} allowClear style={{ width: 160 }} />
        )}
        <Select
          allowClear
          placeholder={t('plans.filter.tier')}
          aria-label={t('plans.filter.tier')}
          style={{ width: 140 }}
          value={filters.tier}
          options={TIERS.map((v) => ({ value: v, label: t(`tier.${v}`) }))}
          onChange={(v: Tier | undefined) => setFilter('tier', v)}
        />
        <Select
          allowClear
          placeholder={t('plans.filter.reason')}
          aria-label={t('plans.filter.reason')}
          style={{ width: 160 }}
          value={filters.reason}
          options={NEEDS_PLAN_REASONS.map((v) => ({ value: v, label: t(`plan.needing.reason.${v}`) }))}
          onChange={(v: NeedsPlanReason | undefined) => setFilter('reason', v)}
        />
      </Space>
      <ProblemAlert error={error} />
      <ResponsiveTable<AccountNeedingPlanDto>
        rowKey="accountId"
        loading={isFetching && !data}
        dataSource={data?.items ?? []}
        data-testid="needing-plan-table"
        locale={{ emptyText: t('plan.needing.empty') }}
        pagination={{ current: filters.page, pageSize: 20, total: data?.totalCount ?? 0, showSizeChanger: false, onChange: (page) => setFilter('page', page) }}
        columns={[
          { title: t('plan.account'), dataIndex: 'accountName', render: (name: string, r) => <Link to={`/accounts/${r.accountId}?tab=plan`}>{name}</Link> },
          { title: t('plans.filter.tier'), dataIndex: 'tier', width: 110, render: (v: Tier) => <TierTag tier={v} /> },
          { title: t('plan.owner'), dataIndex: 'ownerName', width: 140, render: (v: string | null) => v ?? t('common.none') },
          { title: t('plans.filter.reason'), dataIndex: 'reason', width: 140, render: (v: NeedsPlanReason) => <Tag color={v === 'NoPlan' ? 'red' : 'orange'}>{t(`plan.needing.reason.${v}`)}</Tag> },
          {
            title: t('plan.plan'),
            key: 'plan',
            width: 260,
            render: (_, r) =>
              r.planId ? (
                <Space size={4} wrap>
                  <Link to={`/plans/${r.planId}`}>{t('plan.needing.openPlan')}</Link>
                  {r.planStatus && <PlanStatusTag status={r.planStatus} />}
                  {r.planEndDate && <Typography.Text type="secondary">{formatDate(locale, r.planEndDate)}</Typography.Text>}
                </Space>
              ) : can('plans:write') ? (
                <Link to={`/plans/new?accountId=${r.accountId}`}>{t('plan.needing.create')}</Link>
              ) : (
                t('common.none')
              ),
          },
        ]}
      />
    </>
  );
}
