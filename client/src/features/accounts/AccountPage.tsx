import { lazy, Suspense, type ReactNode } from 'react';
import { Button, Card, Col, Descriptions, Empty, Row, Space, Spin, Statistic, Tabs, Typography } from 'antd';
import { EditOutlined, WarningOutlined } from '@ant-design/icons';
import { ReferenceLabel } from '../../shared/referenceData';
import { Link, useParams } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../auth/session';
import { AuditHistory } from '../audit';
import type { AccountDto } from '../../api/client';
import { ApiProblem } from '../../shared/problem';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { formatDate, formatMoney } from '../../shared/format';
import { urlFilter, useUrlFilters } from '../../shared/useUrlFilters';
import type { MessageKey } from '../../i18n/messages';
import { ErrorPage } from '../../shell/ErrorPages';
import { TierTag } from '../../shared/TierTag';
import { StatusTag } from './labels';
import { InteractionsPanel } from './InteractionsPanel';
import { useAccount, useContacts, useOpenComplaintCount, useRevenue } from './accountsApi';
import { AccountTierPanel } from '../tiering/AccountTierPanel';
import { HealthPanel } from '../portfolio/HealthPanel';
import { AccountPlanTab } from './AccountPlanTab';
import { TeamCard } from './TeamCard';
import { PageTitle } from '../../shell/PageTitle';
import { usePageTitle } from '../../shell/usePageTitle';

const RevenueChart = lazy(() => import('./RevenueChart'));
// The surveys and complaints features load with their tabs only.
const AccountSatisfactionTab = lazy(() => import('../surveys/AccountSatisfactionTab'));
const AccountComplaintsTab = lazy(() => import('./AccountComplaintsTab'));
// The org map's editor (forms, dialogs) too.
const ContactsTab = lazy(() => import('./ContactsTab'));

type OpenTab = (key: AccountTabKey) => void;

/**
 * The tabs of the customer 360, in order: the first opens by default, the others by `?tab=<key>` (a link can open one).
 * A tab is one entry: its key, its label, the permission it needs (none: everyone who reads the account), its content.
 * Only the open tab is drawn (destroyOnHidden), so each tab reads its data when it is opened.
 */
interface AccountTab {
  key: string;
  label: MessageKey;
  permission?: string;
  render: (account: AccountDto, open: OpenTab) => ReactNode;
}

const lazyTab = (node: ReactNode) => <Suspense fallback={<Spin />}>{node}</Suspense>;

const TABS = [
  { key: 'overview', label: 'account.tab.overview', render: (a, open) => <AccountOverview account={a} open={open} /> },
  { key: 'contacts', label: 'account.tab.contacts', render: (a) => lazyTab(<ContactsTab account={a} />) },
  { key: 'interactions', label: 'account.tab.interactions', render: (a) => <AccountInteractions account={a} /> },
  { key: 'revenue', label: 'account.tab.revenue', permission: 'revenue:read', render: (a) => <AccountRevenue account={a} /> },
  { key: 'complaints', label: 'account.tab.complaints', permission: 'complaints:read', render: (a) => lazyTab(<AccountComplaintsTab account={a} />) },
  { key: 'plan', label: 'account.tab.plan', permission: 'plans:read', render: (a) => <AccountPlanTab accountId={a.id} /> },
  { key: 'satisfaction', label: 'account.tab.satisfaction', permission: 'surveys:read', render: (a) => lazyTab(<AccountSatisfactionTab accountId={a.id} />) },
  { key: 'history', label: 'account.tab.history', permission: 'audit:read', render: (a) => <AccountHistory account={a} /> },
] as const satisfies readonly AccountTab[];

export type AccountTabKey = (typeof TABS)[number]['key'];
const TAB_FILTER = { tab: urlFilter.oneOf(TABS.map((tab) => tab.key)) };

/** The customer 360: its header, then one tab per part of the account; the open tab is in the URL (`?tab=`). */
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
  // The first tab is the page without a parameter; the others are kept in the URL (a new history entry: Back returns).
  const open: OpenTab = (key) => setFilter('tab', key === tabs[0]!.key ? undefined : key);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <AccountHeader account={a} />
      <Tabs
        activeKey={active.key}
        destroyOnHidden
        onChange={(key) => open(TAB_FILTER.tab.read(key) ?? 'overview')}
        items={tabs.map((tab) => ({
          key: tab.key,
          label: <span data-testid={`account-tab-${tab.key}`}>{t(tab.label)}</span>,
          children: tab.render(a, open),
        }))}
      />
    </Space>
  );
}

/** Who the account is, above every tab: name, tier, status, registration number, and Edit. */
function AccountHeader({ account: a }: { account: AccountDto }) {
  const { t } = useI18n();
  const { can } = useSession();
  usePageTitle('accounts.title', a.name);
  return (
    <Card>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 16 }}>
        <div>
          <PageTitle style={{ margin: 0 }} data-testid="account-name">{a.name}</PageTitle>
          <Space wrap style={{ marginTop: 8 }}>
            <TierTag tier={a.tier} />
            <StatusTag status={a.status} />
            <Typography.Text type="secondary" style={{ wordBreak: 'keep-all' }}>{a.registrationNumber}</Typography.Text>
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

/** Who the account is and how it stands: profile, key figures, owner and team, health with its signals, tier. */
function AccountOverview({ account: a, open }: { account: AccountDto; open: OpenTab }) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const money = a.potentialAnnualRevenue;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
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

      <KeyFigures account={a} open={open} />

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <HealthPanel accountId={a.id} />
        </Col>
        <Col xs={24} xl={8}>
          <TeamCard account={a} />
        </Col>
      </Row>
      <AccountTierPanel accountId={a.id} />
    </Space>
  );
}

/** The figures a manager looks at first, each opening the tab behind it. */
function KeyFigures({ account: a, open }: { account: AccountDto; open: OpenTab }) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const revenue = useRevenue(a.id, can('revenue:read'));
  const contacts = useContacts(a.id);
  const complaints = useOpenComplaintCount(a.id, can('complaints:read'));
  const withGaps = (contacts.data?.items ?? []).filter((c) => c.gaps.length > 0).length;
  const figure = (tab: AccountTabKey, testId: string, node: ReactNode) => (
    <Col xs={12} md={6}>
      <Card size="small" hoverable data-testid={testId} style={{ height: '100%' }}>
        <button type="button" onClick={() => open(tab)} style={{ all: 'unset', cursor: 'pointer', display: 'block', width: '100%' }}>
          {node}
        </button>
      </Card>
    </Col>
  );
  return (
    <Card title={t('account.keyFigures')} size="small">
      <Row gutter={[12, 12]}>
        {can('revenue:read') &&
          figure('revenue', 'figure-ttm', <Statistic title={t('account.ttm')} value={revenue.data ? formatMoney(locale, revenue.data.trailingTwelveMonthsRevenue) : '—'} loading={revenue.isLoading} />)}
        {can('revenue:read') &&
          figure(
            'revenue',
            'figure-margin',
            <Statistic title={t('account.margin')} value={revenue.data?.trailingTwelveMonthsGrossMargin ?? '—'} suffix={revenue.data?.trailingTwelveMonthsGrossMargin != null ? '%' : undefined} loading={revenue.isLoading} />,
          )}
        {figure(
          'contacts',
          'figure-contacts',
          <>
            <Statistic title={t('account.figure.contacts')} value={contacts.data?.items.length ?? '—'} loading={contacts.isLoading} />
            {withGaps > 0 && (
              <Typography.Text type="danger" style={{ fontSize: 13 }} data-testid="figure-contact-gaps">
                <WarningOutlined /> {t('account.figure.contactGaps', { count: withGaps })}
              </Typography.Text>
            )}
          </>,
        )}
        {can('complaints:read') &&
          figure('complaints', 'figure-complaints', <Statistic title={t('account.figure.openComplaints')} value={complaints.data?.totalCount ?? '—'} loading={complaints.isLoading} />)}
      </Row>
    </Card>
  );
}

/** The log form at the top, then the timeline with its next steps. */
function AccountInteractions({ account: a }: { account: AccountDto }) {
  const { can } = useSession();
  const contacts = useContacts(a.id);
  return <InteractionsPanel accountId={a.id} contacts={contacts.data?.items ?? []} canLog={can('accounts:write')} />;
}

function AccountRevenue({ account: a }: { account: AccountDto }) {
  const { t, locale } = useI18n();
  const revenue = useRevenue(a.id, true);
  return (
    <Card title={t('account.revenue')}>
      <ProblemAlert error={revenue.error} />
      {revenue.data && revenue.data.months.length > 0 ? (
        <>
          <Row gutter={16} style={{ marginBottom: 8 }}>
            <Col xs={24} sm={8}><Statistic title={t('account.ttm')} value={formatMoney(locale, revenue.data.trailingTwelveMonthsRevenue)} /></Col>
            <Col xs={24} sm={8}><Statistic title={t('account.previousTtm')} value={formatMoney(locale, revenue.data.previousTwelveMonthsRevenue)} /></Col>
            <Col xs={24} sm={8}><Statistic title={t('account.margin')} value={revenue.data.trailingTwelveMonthsGrossMargin ?? '—'} suffix={revenue.data.trailingTwelveMonthsGrossMargin != null ? '%' : undefined} /></Col>
          </Row>
          <Suspense fallback={<Spin />}>
            <RevenueChart months={revenue.data.months} locale={locale} labels={{ revenue: t('account.revenue') }} />
          </Suspense>
        </>
      ) : (
        !revenue.isLoading && <Empty description={t('account.revenue.empty')} />
      )}
    </Card>
  );
}

/** The account's audit trail (its profile, contacts, team and tier pin), open: the tab is opened to read it. */
function AccountHistory({ account: a }: { account: AccountDto }) {
  const { t } = useI18n();
  return (
    <Card title={t('audit.history')}>
      <AuditHistory accountId={a.id} />
    </Card>
  );
}
