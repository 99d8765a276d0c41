import { lazy, Suspense, type ReactNode } from 'react';
import { ReferenceLabel } from '../../shared/referenceData';
import { Alert, Button, Card, Col, Descriptions, Empty, List, Row, Space, Spin, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../auth/session';
import { AuditHistorySection } from '../audit';
import type { AccountDto, ContactDto } from '../../api/client';
import { ApiProblem } from '../../shared/problem';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { formatDate, formatMoney } from '../../shared/format';
import { urlFilter, useUrlFilters } from '../../shared/useUrlFilters';
import type { MessageKey } from '../../i18n/messages';
import { ErrorPage } from '../../shell/ErrorPages';
import { TierTag } from '../../shared/TierTag';
import { AttitudeTag, StatusTag } from './labels';
import { OrgChart } from './OrgChart';
import { InteractionsPanel } from './InteractionsPanel';
import { useAccount, useContacts, useRevenue, useTeam } from './accountsApi';
import { AccountTierPanel } from '../tiering/AccountTierPanel';
import { HealthPanel } from '../portfolio/HealthPanel';
import { AccountPlanTab } from './AccountPlanTab';

const RevenueChart = lazy(() => import('./RevenueChart'));
// The surveys feature loads with its tab only.
const AccountSatisfactionTab = lazy(() => import('../surveys/AccountSatisfactionTab'));

/**
 * The tabs of the customer 360, in order: the first opens by default, the others by `?tab=<key>` (a link can open one).
 * A tab is one entry: its key, its label, the permission it needs (none: everyone who reads the account), its content.
 */
interface AccountTab {
  key: string;
  label: MessageKey;
  permission?: string;
  render: (account: AccountDto) => ReactNode;
}

const TABS = [
  { key: 'overview', label: 'account.tab.overview', render: (a) => <AccountOverview account={a} /> },
  { key: 'plan', label: 'account.tab.plan', permission: 'plans:read', render: (a) => <AccountPlanTab accountId={a.id} /> },
  {
    key: 'satisfaction',
    label: 'account.tab.satisfaction',
    permission: 'surveys:read',
    render: (a) => (
      <Suspense fallback={<Spin />}>
        <AccountSatisfactionTab accountId={a.id} />
      </Suspense>
    ),
  },
] as const satisfies readonly AccountTab[];

export type AccountTabKey = (typeof TABS)[number]['key'];
const TAB_FILTER = { tab: urlFilter.oneOf(TABS.map((tab) => tab.key)) };

/** The customer 360: its header, then tabs — the overview (profile, health, tier, revenue, contacts, team, interactions, history) and the plan. */
export default function AccountPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useSession();
  const account = useAccount(id);
  const { filters, setFilter } = useUrlFilters(TAB_FILTER);

  if (account.isLoading) return <Spin style={{ display: 'block', margin: '20vh auto' }} />;
  if (account.error instanceof ApiProblem && account.error.status === 404) return <ErrorPage status={404} />;
  if (!account.data) return <ProblemAlert error={account.error} />;
  const a = account.data.data;
  const tabs = TABS.filter((tab: AccountTab) => !tab.permission || can(tab.permission));
  // An unknown tab, or one the user may not open, shows the first.
  const active = tabs.find((tab) => tab.key === filters.tab) ?? tabs[0]!;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <AccountHeader account={a} />
      <Tabs
        activeKey={active.key}
        destroyOnHidden
        // The first tab is the page without a parameter; the others are kept in the URL.
        onChange={(key) => setFilter('tab', key === tabs[0]!.key ? undefined : TAB_FILTER.tab.read(key))}
        items={tabs.map((tab) => ({
          key: tab.key,
          label: <span data-testid={`account-tab-${tab.key}`}>{t(tab.label)}</span>,
          children: tab.render(a),
        }))}
      />
    </Space>
  );
}

/** Who the account is, above every tab: name, tier, status, registration number, and Edit. */
function AccountHeader({ account: a }: { account: AccountDto }) {
  const { t } = useI18n();
  const { can } = useSession();
  return (
    <Card>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 16 }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="account-name">{a.name}</Typography.Title>
          <Space style={{ marginTop: 8 }}>
            <TierTag tier={a.tier} />
            <StatusTag status={a.status} />
            <Typography.Text type="secondary">{a.registrationNumber}</Typography.Text>
          </Space>
        </div>
        {can('accounts:write') && (
          <Link to={`/accounts/${a.id}/edit`}>
            <Button icon={<EditOutlined />}>{t('account.edit')}</Button>
          </Link>
        )}
      </div>
    </Card>
  );
}

/** Everything the 360 showed before it had tabs: profile, health, tier, revenue, contacts and team, interactions, history. */
function AccountOverview({ account: a }: { account: AccountDto }) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const team = useTeam(a.id);
  const contacts = useContacts(a.id);
  const revenue = useRevenue(a.id, can('revenue:read'));
  const money = a.potentialAnnualRevenue;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Descriptions column={{ xs: 1, sm: 2, lg: 4 }} size="small" title={t('account.profile')}>
          <Descriptions.Item label={t('account.industry')}><ReferenceLabel kind="Industry" code={a.industry} /></Descriptions.Item>
          <Descriptions.Item label={t('account.region')}><ReferenceLabel kind="Region" code={a.region} /></Descriptions.Item>
          <Descriptions.Item label={t('account.segment')}><ReferenceLabel kind="Segment" code={a.segment} /></Descriptions.Item>
          <Descriptions.Item label={t('account.owner')}>{a.ownerName ?? t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('account.strategicFit')}>{a.strategicFit ?? t('common.none')}</Descriptions.Item>
          {/* Without revenue:read the API leaves the estimate out: no row rather than a misleading "none". */}
          {can('revenue:read') && (
            <Descriptions.Item label={t('account.potential')}>{money ? formatMoney(locale, money.amount, money.currency) : t('common.none')}</Descriptions.Item>
          )}
          <Descriptions.Item label={t('account.firstContract')}>{formatDate(locale, a.firstContractDate)}</Descriptions.Item>
          <Descriptions.Item label={t('account.updatedAt')}>{formatDate(locale, a.updatedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>

      <HealthPanel accountId={a.id} />
      <AccountTierPanel accountId={a.id} />
      {can('revenue:read') && (
        <Card title={t('account.revenue')}>
          <ProblemAlert error={revenue.error} />
          {revenue.data && revenue.data.months.length > 0 ? (
            <>
              <Row gutter={16} style={{ marginBottom: 8 }}>
                <Col span={8}><Statistic title={t('account.ttm')} value={formatMoney(locale, revenue.data.trailingTwelveMonthsRevenue)} /></Col>
                <Col span={8}><Statistic title={t('account.previousTtm')} value={formatMoney(locale, revenue.data.previousTwelveMonthsRevenue)} /></Col>
                <Col span={8}><Statistic title={t('account.margin')} value={revenue.data.trailingTwelveMonthsGrossMargin ?? '—'} suffix={revenue.data.trailingTwelveMonthsGrossMargin != null ? '%' : undefined} /></Col>
              </Row>
              <Suspense fallback={<Spin />}>
                <RevenueChart months={revenue.data.months} locale={locale} labels={{ revenue: t('account.revenue') }} />
              </Suspense>
            </>
          ) : (
            !revenue.isLoading && <Empty description={t('account.revenue.empty')} />
          )}
        </Card>
      )}

      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card title={t('account.contacts')}>
            <ProblemAlert error={contacts.error} />
            {contacts.data?.decisionChainGaps.map((gap) => (
              <Alert key={gap} type="warning" showIcon title={t(`account.gap.${gap}`)} style={{ marginBottom: 8 }} />
            ))}
            <Table<ContactDto>
              rowKey="id"
              size="small"
              pagination={false}
              loading={contacts.isLoading}
              dataSource={contacts.data?.items ?? []}
              columns={[
                { title: t('contact.name'), dataIndex: 'name' },
                { title: t('contact.title'), dataIndex: 'title' },
                { title: t('contact.buyingRole'), dataIndex: 'buyingRole', render: (v: ContactDto['buyingRole']) => <Tag>{t(`buyingRole.${v}`)}</Tag> },
                { title: t('contact.attitude'), dataIndex: 'attitude', render: (v: ContactDto['attitude']) => <AttitudeTag attitude={v} /> },
                {
                  title: t('contact.relationship'),
                  render: (_, c) => `${t(`relationship.${c.relationshipLevel}`)} → ${t(`relationship.${c.targetRelationshipLevel}`)}`,
                },
                { title: t('contact.email'), dataIndex: 'email' },
              ]}
            />
            <Typography.Title level={5} style={{ marginTop: 16 }}>{t('account.orgChart')}</Typography.Title>
            <OrgChart contacts={contacts.data?.items ?? []} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('account.team')}>
            <List
              loading={team.isLoading}
              locale={{ emptyText: t('account.team.empty') }}
              dataSource={team.data?.members ?? []}
              renderItem={(m) => (
                <List.Item>
                  <List.Item.Meta title={m.displayName} description={t(`teamRole.${m.role}`)} />
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>

      <InteractionsPanel accountId={a.id} contacts={contacts.data?.items ?? []} canLog={can('accounts:write')} />

      {/* The account with its contacts, team and tier pin. */}
      <AuditHistorySection accountId={a.id} />
    </Space>
  );
}
