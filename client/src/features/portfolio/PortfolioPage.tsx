import { lazy, Suspense, useCallback, useMemo } from 'react';
import { Alert, Card, Col, Empty, Row, Select, Space, Spin, Statistic, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import type { Schemas, Tier } from '../../api/client';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { urlFilter, useUrlFilters } from '../../shared/useUrlFilters';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../../shared/format';
import { TIERS } from '../../shared/tiers';
import { figureLinks } from './links';
import { TierTag } from '../../shared/TierTag';
import { HealthBandTag } from './HealthPanel';
import { bandColor, warningText, type HealthBand } from './health';
import { DistributionBar } from '../tiering/DistributionBar';
import { useAtRisk, useOverdueContacts, usePortfolio, type PortfolioTier } from './portfolioApi';
import { useSession } from '../../auth/session';
import { NeedsPlanCard } from '../plans/NeedsPlanCard';
import { PageTitle } from '../../shell/PageTitle';
import { usePageTitle } from '../../shell/usePageTitle';

const ParetoChart = lazy(() => import('./ParetoChart'));
const SatisfactionChart = lazy(() => import('./SatisfactionChart'));
const HEALTH_BANDS: readonly HealthBand[] = ['Green', 'Amber', 'Red'];
const BANDS = ['High', 'Medium', 'Low'] as const;

/** The tab, the at-risk list's band and the page of the list shown, as URL parameters (see useUrlFilters). */
const TAB = { tab: urlFilter.oneOf(['overview', 'at-risk', 'overdue']) };
const AT_RISK_BANDS = ['Red', 'Amber'] as const;
const AT_RISK = { band: urlFilter.oneOf(AT_RISK_BANDS), tier: urlFilter.oneOf(TIERS), page: urlFilter.int(1) };
const OVERDUE = { page: urlFilter.int(1) };

/** The portfolio: tier distribution and revenue share, Pareto curve, value matrix; accounts at risk; overdue contacts. */
export default function PortfolioPage() {
  usePageTitle('portfolio.title');
  const { t } = useI18n();
  const { filters, setFilter } = useUrlFilters(TAB);
  const tab = filters.tab ?? 'overview';
  return (
    <Card>
      <PageTitle style={{ marginTop: 0 }}>{t('portfolio.title')}</PageTitle>
      <Tabs
        activeKey={tab}
        // antd gives the tab's key as a string: read it as the URL parameter is read.
        onChange={(key) => setFilter('tab', TAB.tab.read(key))}
        items={[
          { key: 'overview', label: t('portfolio.tab.overview'), children: <Overview /> },
          { key: 'at-risk', label: t('portfolio.tab.atRisk'), children: <AtRisk /> },
          { key: 'overdue', label: t('portfolio.tab.overdue'), children: <Overdue /> },
        ]}
      />
    </Card>
  );
}

/** A figure that opens the list behind it: the whole statistic is the link (keyboard reachable). */
function FigureLink({ to, title, value, testId, danger }: { to: string; title: string; value: string; testId: string; danger?: boolean }) {
  return (
    <Link to={to} data-testid={testId} style={{ display: 'block' }}>
      <Statistic title={title} value={value} valueStyle={danger ? { color: '#cf1322' } : undefined} />
    </Link>
  );
}

function Overview() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const portfolio = usePortfolio();
  const openSurveys = useCallback(() => navigate(figureLinks.surveys()), [navigate]);
  const openAccounts = useCallback(() => navigate(figureLinks.activeAccounts()), [navigate]);
  const monthLabel = useCallback((month: string) => new Intl.DateTimeFormat(locale, { year: '2-digit', month: 'short', timeZone: 'UTC' }).format(new Date(`${month}T00:00:00Z`)), [locale]);
  const trendLabels = useMemo(() => ({ nps: t('portfolio.trend.nps'), csat: t('portfolio.trend.csat') }), [t]);
  if (portfolio.isLoading) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (!portfolio.data) return <ProblemAlert error={portfolio.error} />;
  const p = portfolio.data;
  if (p.accounts === 0) return <Empty description={t('portfolio.empty')} />;
  // A role without revenue:read gets no revenue figure at all: counts and account shares only.
  const withRevenue = p.revenue !== null && p.revenue !== undefined;
  const needingByReason = Object.fromEntries(p.accountsNeedingPlanByReason.map((r) => [r.reason, r.accounts]));
  const share = (v: number | null | undefined) => (v === null || v === undefined ? t('common.none') : `${formatNumber(locale, v)}%`);
  const tierColumns: TableColumnsType<PortfolioTier> = [
    { title: t('account.tier'), dataIndex: 'tier', render: (tier: Tier) => <Link to={`/accounts?tier=${tier}&status=Active`}><TierTag tier={tier} /></Link> },
    {
      title: t('portfolio.accounts'),
      dataIndex: 'accounts',
      align: 'right',
      render: (v: number, r) => <Link to={figureLinks.tier(r.tier)} data-testid={`tier-count-${r.tier}`}>{formatNumber(locale, v)}</Link>,
    },
    { title: t('portfolio.accountShare'), dataIndex: 'accountShare', align: 'right', render: share },
    ...(withRevenue
      ? ([
          { title: t('portfolio.revenue'), dataIndex: 'revenue', align: 'right', render: (v: string | null) => formatMoney(locale, v) },
          { title: t('portfolio.revenueShare'), dataIndex: 'revenueShare', align: 'right', render: share },
        ] satisfies TableColumnsType<PortfolioTier>)
      : []),
  ];
  const tiers = (
    <Card size="small" title={t('portfolio.tiers')}>
      {!withRevenue && (
        <div style={{ marginBottom: 12 }}>
          <DistributionBar counts={Object.fromEntries(p.tiers.map((x) => [x.tier, x.accounts])) as Record<Tier, number>} height={18} />
        </div>
      )}
      <Table<PortfolioTier> rowKey="tier" size="small" pagination={false} dataSource={p.tiers} data-testid="tier-distribution" columns={tierColumns} />
    </Card>
  );
  const cell = (current: string, potential: string | null) => p.valueMatrix.find((c) => c.current === current && (c.potential ?? null) === potential);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Link to={figureLinks.activeAccounts()} style={{ display: 'block' }}>
            <Statistic title={t('portfolio.accounts')} value={formatNumber(locale, p.accounts)} data-testid="portfolio-accounts" />
          </Link>
        </Col>
        {withRevenue && (
          <>
            <Col xs={24} md={8}><Statistic title={t('portfolio.revenue')} value={formatMoney(locale, p.revenue)} /></Col>
            <Col xs={24} md={8}>
              <Statistic title={t('portfolio.topFifth')} value={share(p.topFifthRevenueShare)} valueStyle={{ color: '#1456c7' }} data-testid="top-fifth" />
            </Col>
          </>
        )}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card size="small">
            <FigureLink to={figureLinks.overdueContacts()} title={t('portfolio.overdueFigure')} value={formatNumber(locale, p.accountsOverdueForContact)} testId="overdue-figure" danger={p.accountsOverdueForContact > 0} />
          </Card>
        </Col>
        {can('plans:read') && typeof p.accountsNeedingPlan === 'number' && (
          <Col xs={24} md={8}><NeedsPlanCard count={p.accountsNeedingPlan} byReason={needingByReason} /></Col>
        )}
        {can('plans:read') && typeof p.plansAtRisk === 'number' && (
          <Col xs={24} md={8}>
            <Card size="small">
              <FigureLink to={figureLinks.plansAtRisk()} title={t('portfolio.plansAtRisk')} value={formatNumber(locale, p.plansAtRisk)} testId="plans-at-risk-figure" danger={p.plansAtRisk > 0} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('portfolio.plansAtRisk.hint')}</Typography.Text>
            </Card>
          </Col>
        )}
      </Row>
      {p.sla && (
        <Card size="small" title={t('portfolio.sla')} data-testid="sla-card">
          <Row gutter={[16, 16]}>
            {(() => {
              const period = { from: p.sla.from, to: p.sla.to };
              const pctOf = (v: number | null | undefined) => (v === null || v === undefined ? t('common.none') : `${formatNumber(locale, v)}%`);
              return (
                <>
                  <Col xs={12} md={6}><FigureLink to={figureLinks.complaints(period)} title={t('portfolio.sla.complaints')} value={formatNumber(locale, p.sla.complaints)} testId="sla-complaints" /></Col>
                  <Col xs={12} md={6}><FigureLink to={figureLinks.complaints(period)} title={t('portfolio.sla.firstResponse')} value={pctOf(p.sla.firstResponseCompliance)} testId="sla-first-response" /></Col>
                  <Col xs={12} md={6}><FigureLink to={figureLinks.complaints(period)} title={t('portfolio.sla.resolution')} value={pctOf(p.sla.resolutionCompliance)} testId="sla-resolution" /></Col>
                  <Col xs={6} md={3}><FigureLink to={figureLinks.complaints(period, { slaState: 'AtRisk' })} title={t('portfolio.sla.atRisk')} value={formatNumber(locale, p.sla.atRisk)} testId="sla-at-risk" /></Col>
                  <Col xs={6} md={3}><FigureLink to={figureLinks.complaints(period, { slaState: 'Breached' })} title={t('portfolio.sla.breached')} value={formatNumber(locale, p.sla.breached)} testId="sla-breached" danger={p.sla.breached > 0} /></Col>
                </>
              );
            })()}
          </Row>
        </Card>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={t('portfolio.heatMap')}
            extra={p.healthComputedAt ? <Typography.Text type="secondary">{t('portfolio.heatMap.asOf', { time: formatDateTime(locale, p.healthComputedAt) })}</Typography.Text> : undefined}
          >
            <div className="ka-scroll">
              <table data-testid="health-heat-map" style={{ width: '100%', borderCollapse: 'collapse', textAlign: 'center' }}>
                <caption style={{ captionSide: 'bottom', color: '#595959', fontSize: 12, paddingTop: 6 }}>{t('portfolio.heatMap.hint')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('account.tier')}</th>
                    {HEALTH_BANDS.map((b) => <th scope="col" key={b}>{t(`health.band.${b}`)}</th>)}
                  </tr>
                </thead>
                <tbody>
                  {TIERS.map((tier) => (
                    <tr key={tier}>
                      <th scope="row"><TierTag tier={tier} /></th>
                      {HEALTH_BANDS.map((band) => {
                        const count = p.healthHeatMap.find((c) => c.tier === tier && c.band === band)?.accounts ?? 0;
                        const href = figureLinks.healthCell(tier, band);
                        const tint = count === 0 ? 'transparent' : `${bandColor[band]}18`;
                        return (
                          <td key={band} style={{ border: '1px solid #f0f0f0', padding: 8, background: tint, fontSize: 16, fontWeight: 600 }}>
                            {href && count > 0 ? (
                              <Link to={href} data-testid={`heat-${tier}-${band}`} style={{ color: bandColor[band] }}>{formatNumber(locale, count)}</Link>
                            ) : (
                              <span data-testid={`heat-${tier}-${band}`} style={{ color: count > 0 ? bandColor[band] : '#595959' }}>{formatNumber(locale, count)}</span>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Card>
        </Col>
        {can('surveys:read') && p.satisfactionTrend.length > 0 && (
          <Col xs={24} lg={12}>
            <Card size="small" title={t('portfolio.trend')} extra={<Link to={figureLinks.surveys()} data-testid="trend-link">{t('portfolio.trend.open')}</Link>}>
              {p.satisfactionTrend.some((m) => m.respondents > 0 || m.ratings > 0) ? (
                <Suspense fallback={<Spin />}>
                  <SatisfactionChart months={p.satisfactionTrend} labels={trendLabels} monthLabel={monthLabel} onOpen={openSurveys} />
                </Suspense>
              ) : (
                <Empty description={t('portfolio.trend.empty')} />
              )}
            </Card>
          </Col>
        )}
      </Row>
      {!withRevenue && <Alert type="info" showIcon title={t('portfolio.noRevenue')} data-testid="portfolio-no-revenue" />}
      {withRevenue ? (
        <Row gutter={16}>
          <Col xs={24} lg={12}>{tiers}</Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('portfolio.pareto')}>
              <Suspense fallback={<Spin />}>
                <ParetoChart points={p.pareto} labels={{ accounts: t('portfolio.pareto.accounts'), revenue: t('portfolio.pareto.revenue') }} onOpen={openAccounts} />
              </Suspense>
            </Card>
          </Col>
        </Row>
      ) : (
        tiers
      )}
      {withRevenue && p.valueMatrix.length > 0 && (
        <Card size="small" title={t('portfolio.matrix')} extra={<Typography.Text type="secondary">{t('portfolio.matrix.hint')}</Typography.Text>}>
          <div className="ka-scroll">
            <table className="value-matrix" data-testid="value-matrix" style={{ width: '100%', borderCollapse: 'collapse', textAlign: 'center' }}>
              <thead>
                <tr>
                  <th style={{ width: 160 }}>{t('portfolio.matrix.potential')} ＼ {t('portfolio.matrix.current')}</th>
                  {[...BANDS].reverse().map((b) => <th key={b}>{t(`portfolio.band.${b}`)}</th>)}
                </tr>
              </thead>
              <tbody>
                {[...BANDS, null].map((potential) => (
                  <tr key={potential ?? 'none'}>
                    <th>{potential ? t(`portfolio.band.${potential}`) : t('portfolio.matrix.notEstimated')}</th>
                    {[...BANDS].reverse().map((current) => {
                      const c = cell(current, potential);
                      const weight = potential === null ? 0 : BANDS.length - BANDS.indexOf(potential) + BANDS.length - BANDS.indexOf(current);
                      return (
                        <td key={current} style={{ border: '1px solid #f0f0f0', padding: 10, background: `rgba(20, 86, 199, ${c ? 0.04 + weight * 0.03 : 0})` }}>
                          <div style={{ fontSize: 18, fontWeight: 600 }}>{c?.accounts ?? 0}</div>
                          <div style={{ color: '#595959', fontSize: 12 }}>{formatMoney(locale, c?.revenue ?? 0)}</div>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
    </Space>
  );
}

function AtRisk() {
  const { t } = useI18n();
  const { filters, setFilter } = useUrlFilters(AT_RISK);
  const { band, tier, page } = filters;
  const { data, error, isFetching } = useAtRisk({ band, tier, page, pageSize: 20 });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
      <Select
        allowClear
        placeholder={t('portfolio.atRisk.tier')}
        aria-label={t('portfolio.atRisk.tier')}
        style={{ width: 200 }}
        value={tier}
        data-testid="at-risk-tier"
        onChange={(value) => setFilter('tier', value)}
        options={TIERS.map((x) => ({ value: x, label: t(`tier.${x}`) }))}
      />
      <Select
        allowClear
        placeholder={t('portfolio.atRisk.band')}
        aria-label={t('portfolio.atRisk.band')}
        style={{ width: 200 }}
        value={band}
        onChange={(value) => setFilter('band', value)}
        options={AT_RISK_BANDS.map((b) => ({ value: b, label: t(`health.band.${b}`) }))}
      />
      </Space>
      <ProblemAlert error={error} />
      <Table<Schemas['AccountAtRiskDto']>
        rowKey="accountId"
        loading={isFetching}
        dataSource={data?.items}
        data-testid="at-risk-table"
        pagination={{ current: page, pageSize: 20, total: data?.totalCount ?? 0, onChange: (next) => setFilter('page', next), showSizeChanger: false, showTotal: (total) => t('accounts.total', { count: total }) }}
        columns={[
          { title: t('account.name'), dataIndex: 'name', render: (name: string, r) => <Link to={`/accounts/${r.accountId}`}>{name}</Link> },
          { title: t('account.tier'), dataIndex: 'tier', render: (tier: Tier) => <TierTag tier={tier} /> },
          { title: t('account.owner'), dataIndex: 'ownerName' },
          { title: t('health.title'), dataIndex: 'score', render: (score: number, r) => <HealthBandTag band={r.band} score={score} /> },
          { title: t('health.warnings'), dataIndex: 'warnings', render: (_: unknown, r) => r.warnings.map((w) => <div key={w.code}>{warningText(t, w)}</div>) },
        ]}
      />
    </Space>
  );
}

function Overdue() {
  const { t, locale } = useI18n();
  const { filters, setFilter } = useUrlFilters(OVERDUE);
  const { page } = filters;
  const { data, error, isFetching } = useOverdueContacts({ page, pageSize: 20 });
  return (
    <>
      <ProblemAlert error={error} />
      <Table<Schemas['OverdueContactDto']>
        rowKey="accountId"
        loading={isFetching}
        dataSource={data?.items}
        data-testid="overdue-table"
        pagination={{ current: page, pageSize: 20, total: data?.totalCount ?? 0, onChange: (next) => setFilter('page', next), showSizeChanger: false, showTotal: (total) => t('accounts.total', { count: total }) }}
        columns={[
          { title: t('account.name'), dataIndex: 'name', render: (name: string, r) => <Link to={`/accounts/${r.accountId}`}>{name}</Link> },
          { title: t('account.tier'), dataIndex: 'tier', render: (tier: Tier) => <TierTag tier={tier} /> },
          { title: t('account.owner'), dataIndex: 'ownerName' },
          { title: t('portfolio.overdue.cadence'), dataIndex: 'contactCadenceDays', align: 'right', render: (d: number) => t('portfolio.days', { days: d }) },
          { title: t('portfolio.overdue.last'), dataIndex: 'lastInteractionAt', render: (v: string | null) => (v ? formatDate(locale, v) : t('portfolio.overdue.never')) },
          { title: t('portfolio.overdue.days'), dataIndex: 'daysOverdue', align: 'right', render: (d: number) => <Typography.Text type="danger">{t('portfolio.days', { days: d })}</Typography.Text> },
        ]}
      />
    </>
  );
}
