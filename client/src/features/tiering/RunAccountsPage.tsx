import { Card, Select, Space, Switch, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import type { Schemas, Tier } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { TIERS } from '../../shared/tiers';
import { TierTag } from '../../shared/TierTag';
import { formatNumber } from '../../shared/format';
import { urlFilter, useUrlFilters } from '../../shared/useUrlFilters';
import { PageTitle } from '../../shell/PageTitle';
import { usePageTitle } from '../../shell/usePageTitle';
import { useRunAccounts } from './tieringApi';

/** The run's filters and page, as URL parameters (the runs table links here with `tier` or `moved`). */
const FILTERS = { tier: urlFilter.oneOf(TIERS), moved: urlFilter.flag(), page: urlFilter.int(1) };

/** One run's accounts from its stored tier history: before → after, why, score; of one tier or only those it moved. */
export default function RunAccountsPage() {
  usePageTitle('tiering.runAccounts.title');
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const { filters, setFilter } = useUrlFilters(FILTERS);
  const { tier, moved, page } = filters;
  const { data, error, isFetching } = useRunAccounts(id, { tier, moved: moved || undefined, page, pageSize: 20 });
  return (
    <Card title={<PageTitle>{t('tiering.runAccounts.title')}</PageTitle>} extra={<Link to="/tiering/runs">{t('tiering.runAccounts.back')}</Link>}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('portfolio.atRisk.tier')}
          aria-label={t('portfolio.atRisk.tier')}
          data-testid="run-accounts-tier"
          style={{ width: 180 }}
          value={tier}
          onChange={(v) => setFilter('tier', v)}
          options={TIERS.map((x) => ({ value: x, label: t(`tier.${x}`) }))}
        />
        <Space>
          <Switch id="run-accounts-moved" checked={moved} onChange={(v) => setFilter('moved', v)} data-testid="run-accounts-moved" />
          <label htmlFor="run-accounts-moved">{t('tiering.runAccounts.moved')}</label>
        </Space>
        <Typography.Text type="secondary" data-testid="run-accounts-total">{t('tiering.runAccounts.total', { count: formatNumber(locale, data?.totalCount ?? 0) })}</Typography.Text>
      </Space>
      <ProblemAlert error={error} />
      <Table<Schemas['TierRunAccountDto']>
        rowKey="accountId"
        size="middle"
        loading={isFetching}
        dataSource={data?.items}
        data-testid="run-accounts-table"
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: 20, total: data?.totalCount ?? 0, onChange: (next) => setFilter('page', next), showSizeChanger: false }}
        columns={[
          { title: t('account.name'), dataIndex: 'name', render: (name: string, r) => <Link to={`/accounts/${r.accountId}`}>{name}</Link> },
          { title: t('tiering.runAccounts.before'), dataIndex: 'previousTier', render: (v: Tier | null | undefined) => (v ? <TierTag tier={v} /> : t('common.none')) },
          { title: t('tiering.runAccounts.after'), dataIndex: 'newTier', render: (v: Tier) => <TierTag tier={v} /> },
          { title: t('tiering.runAccounts.reason'), dataIndex: 'reason', render: (v: Schemas['TierChangeReason']) => t(`tierReason.${v}`) },
          { title: t('tiering.runAccounts.score'), dataIndex: 'score', align: 'right', render: (v: number) => formatNumber(locale, v) },
        ]}
      />
    </Card>
  );
}
