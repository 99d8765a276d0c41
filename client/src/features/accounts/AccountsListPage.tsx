import { Button, Card, Input, Select, Space, Table, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { useSession } from '../../auth/session';
import type { AccountSummaryDto, Tier } from '../../api/client';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { formatDate } from '../../shared/format';
import { TIERS } from '../../shared/tiers';
import { TierTag } from '../../shared/TierTag';
import { STATUSES, StatusTag } from './labels';
import { useAccounts, type ListQuery } from './accountsApi';

/** The accounts list; filters, sort and paging live in the URL so a view can be shared and reloaded. */
export default function AccountsListPage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const get = (key: string) => params.get(key) ?? undefined;
  const query: ListQuery = {
    q: get('q'),
    tier: get('tier') as ListQuery['tier'],
    status: get('status') as ListQuery['status'],
    industry: get('industry'),
    region: get('region'),
    segment: get('segment'),
    sort: get('sort') ?? 'name',
    page: Number(get('page') ?? 1),
    pageSize: Number(get('pageSize') ?? 20),
  };
  const { data, isFetching, error } = useAccounts(query);

  const update = (changes: Record<string, string | number | undefined>, resetPage = true) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (resetPage) next.delete('page');
    setParams(next);
  };

  const sortOrder = (key: string) => (query.sort === key ? 'ascend' : query.sort === `-${key}` ? 'descend' : null);
  const textFilter = (key: 'industry' | 'region' | 'segment') => (
    <Input
      key={`${key}-${get(key) ?? ''}`}
      allowClear
      placeholder={t(`accounts.filter.${key}` as MessageKey)}
      defaultValue={get(key)}
      style={{ width: 150 }}
      aria-label={t(`accounts.filter.${key}` as MessageKey)}
      onPressEnter={(e) => update({ [key]: e.currentTarget.value.trim() })}
      onClear={() => update({ [key]: undefined })}
    />
  );

  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{t('accounts.title')}</Typography.Title>}
      extra={can('accounts:write') && (
        <Link to="/accounts/new">
          <Button type="primary" icon={<PlusOutlined />}>{t('accounts.new')}</Button>
        </Link>
      )}
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          key={`q-${get('q') ?? ''}`}
          allowClear
          defaultValue={get('q')}
          placeholder={t('accounts.search')}
          aria-label={t('accounts.search')}
          style={{ width: 280 }}
          onSearch={(value) => update({ q: value.trim() })}
        />
        <Select
          allowClear
          placeholder={t('accounts.filter.tier')}
          aria-label={t('accounts.filter.tier')}
          data-testid="filter-tier"
          style={{ width: 140 }}
          value={query.tier}
          options={TIERS.map((v) => ({ value: v, label: t(`tier.${v}`) }))}
          onChange={(v) => update({ tier: v })}
        />
        <Select
          allowClear
          placeholder={t('accounts.filter.status')}
          aria-label={t('accounts.filter.status')}
          style={{ width: 130 }}
          value={query.status}
          options={STATUSES.map((v) => ({ value: v, label: t(`status.${v}`) }))}
          onChange={(v) => update({ status: v })}
        />
        {textFilter('industry')}
        {textFilter('region')}
        {textFilter('segment')}
        <Button onClick={() => setParams(new URLSearchParams())}>{t('accounts.filter.reset')}</Button>
      </Space>
      <ProblemAlert error={error} />
      <Table<AccountSummaryDto>
        rowKey="id"
        size="middle"
        loading={isFetching}
        dataSource={data?.items ?? []}
        onChange={(pagination, _filters, sorter) => {
          const s = sorter as SorterResult<AccountSummaryDto>;
          const key = typeof s.field === 'string' ? s.field : undefined;
          const sort = key && s.order ? `${s.order === 'descend' ? '-' : ''}${key}` : undefined;
          const sortChanged = (sort ?? 'name') !== query.sort;
          update({ sort, page: sortChanged ? undefined : pagination.current, pageSize: pagination.pageSize }, sortChanged);
        }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: data?.totalCount ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('accounts.total', { count: total }),
        }}
        columns={[
          { title: t('account.name'), dataIndex: 'name', sorter: true, sortOrder: sortOrder('name'), render: (name: string, row) => <Link to={`/accounts/${row.id}`}>{name}</Link> },
          { title: t('account.registrationNumber'), dataIndex: 'registrationNumber', sorter: true, sortOrder: sortOrder('registrationNumber') },
          { title: t('account.tier'), dataIndex: 'tier', render: (v: Tier) => <TierTag tier={v} /> },
          { title: t('account.status'), dataIndex: 'status', render: (v: string) => <StatusTag status={v} /> },
          { title: t('account.industry'), dataIndex: 'industry' },
          { title: t('account.region'), dataIndex: 'region' },
          { title: t('account.owner'), dataIndex: 'ownerName' },
          { title: t('account.updatedAt'), dataIndex: 'updatedAt', sorter: true, sortOrder: sortOrder('updatedAt'), render: (v: string) => formatDate(locale, v) },
        ]}
      />
    </Card>
  );
}
