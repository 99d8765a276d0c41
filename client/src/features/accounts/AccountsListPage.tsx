import { Button, Card, Input, Select, Space } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../auth/session';
import type { AccountStatus, AccountSummaryDto, Tier } from '../../api/client';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { urlFilter, useUrlFilters } from '../../shared/useUrlFilters';
import { formatDate } from '../../shared/format';
import { TIERS } from '../../shared/tiers';
import { TierTag } from '../../shared/TierTag';
import { STATUSES, StatusTag } from './labels';
import { exportAccounts, useAccounts } from './accountsApi';
import { ExportButton } from '../../shared/ExportButton';
import { PageTitle } from '../../shell/PageTitle';
import { usePageTitle } from '../../shell/usePageTitle';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { ReferenceSelect, useReferenceLabels, type ReferenceKind } from '../../shared/referenceData';

/** The list's filters, sort and page, as URL parameters (see useUrlFilters). */
const FILTERS = {
  q: urlFilter.text(),
  tier: urlFilter.oneOf(TIERS),
  status: urlFilter.oneOf(STATUSES),
  industry: urlFilter.text(),
  region: urlFilter.text(),
  segment: urlFilter.text(),
  sort: urlFilter.text('name'),
  page: urlFilter.int(1),
  pageSize: urlFilter.int(20),
};

/** The accounts list; filters, sort and paging live in the URL so a view can be shared and reloaded. */
export default function AccountsListPage() {
  usePageTitle('accounts.title');
  const { t, locale } = useI18n();
  const { can } = useSession();
  const { filters: query, setFilters, setFilter, resetFilters } = useUrlFilters(FILTERS);
  const { data, isFetching, error } = useAccounts(query);
  const labels = useReferenceLabels();

  const sortOrder = (key: string) => (query.sort === key ? 'ascend' : query.sort === `-${key}` ? 'descend' : null);
  // One select per list, searchable in both languages: "能源" and "energy" pick the same code.
  const listFilter = (key: 'industry' | 'region' | 'segment', kind: ReferenceKind) => (
    <ReferenceSelect
      kind={kind}
      allowClear
      placeholder={t(`accounts.filter.${key}`)}
      value={query[key]}
      style={{ width: 150 }}
      aria-label={t(`accounts.filter.${key}`)}
      data-testid={`accounts-filter-${key}`}
      onChange={(code) => setFilter(key, typeof code === 'string' && code ? code : undefined)}
    />
  );

  return (
    <Card
      title={<PageTitle>{t('accounts.title')}</PageTitle>}
      extra={
        <Space>
          <ExportButton
            name="accounts"
            fetchFile={(format) => {
              // The filters and sort the list shows (not its page): the export holds every matching account.
              const { page: _page, pageSize: _pageSize, ...filters } = query;
              return exportAccounts({ ...filters, format, lang: locale });
            }}
          />
          {can('accounts:write') && (
            <Link to="/accounts/new">
              <Button type="primary" icon={<PlusOutlined />}>{t('accounts.new')}</Button>
            </Link>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          key={`q-${query.q ?? ''}`}
          allowClear
          defaultValue={query.q}
          placeholder={t('accounts.search')}
          aria-label={t('accounts.search')}
          style={{ width: 280 }}
          onSearch={(value) => setFilter('q', value.trim())}
        />
        <Select
          allowClear
          placeholder={t('accounts.filter.tier')}
          aria-label={t('accounts.filter.tier')}
          data-testid="filter-tier"
          style={{ width: 140 }}
          value={query.tier}
          options={TIERS.map((v) => ({ value: v, label: t(`tier.${v}`) }))}
          onChange={(v) => setFilter('tier', v)}
        />
        <Select
          allowClear
          placeholder={t('accounts.filter.status')}
          aria-label={t('accounts.filter.status')}
          style={{ width: 130 }}
          value={query.status}
          options={STATUSES.map((v) => ({ value: v, label: t(`status.${v}`) }))}
          onChange={(v) => setFilter('status', v)}
        />
        {listFilter('industry', 'Industry')}
        {listFilter('region', 'Region')}
        {listFilter('segment', 'Segment')}
        <Button onClick={resetFilters}>{t('common.reset')}</Button>
      </Space>
      <ProblemAlert error={error} />
      <ResponsiveTable<AccountSummaryDto>
        rowKey="id"
        size="middle"
        loading={isFetching}
        dataSource={data?.items ?? []}
        onChange={(pagination, _filters, sorter) => {
          const s = sorter as SorterResult<AccountSummaryDto>;
          const key = typeof s.field === 'string' ? s.field : undefined;
          const sort = key && s.order ? `${s.order === 'descend' ? '-' : ''}${key}` : undefined;
          const sortChanged = (sort ?? 'name') !== query.sort;
          // A new sort starts at the first page; paging keeps the sort.
          setFilters({ sort, page: sortChanged ? undefined : pagination.current, pageSize: pagination.pageSize });
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
          { title: t('account.status'), dataIndex: 'status', render: (v: AccountStatus) => <StatusTag status={v} /> },
          { title: t('account.industry'), dataIndex: 'industry', render: (code: string) => labels.label('Industry', code) },
          { title: t('account.region'), dataIndex: 'region', render: (code: string) => labels.label('Region', code) },
          { title: t('account.owner'), dataIndex: 'ownerName' },
          { title: t('account.updatedAt'), dataIndex: 'updatedAt', sorter: true, sortOrder: sortOrder('updatedAt'), render: (v: string) => formatDate(locale, v) },
        ]}
      />
    </Card>
  );
}
