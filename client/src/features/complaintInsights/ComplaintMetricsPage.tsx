import { lazy, Suspense, useCallback, useMemo } from 'react';
import { Card, Col, Empty, Row, Segmented, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import dayjs from 'dayjs';
import { useI18n } from '../../i18n/I18nProvider';
import type { Schemas } from '../../api/client';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { urlFilter, useUrlFilters } from '../../shared/useUrlFilters';
import { formatDuration, formatDate } from '../../shared/format';
import { useComplaintMetrics } from './insightsApi';
import { figureLinks, type ReceivedPeriod } from '../portfolio/links';
import { PageTitle } from '../../shell/PageTitle';
import { usePageTitle } from '../../shell/usePageTitle';

const RootCauseChart = lazy(() => import('./RootCauseChart'));
const PERIODS = [30, 90, 365] as const;
/** The period, as a URL parameter (see useUrlFilters). */
const PERIOD = { days: urlFilter.int(90) };

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v}%`);

/** SLA compliance, handling times, root causes and recurring problems, for a period. */
export default function ComplaintMetricsPage() {
  usePageTitle('metrics.title');
  const { t, has, locale } = useI18n();
  const hrs = (v: number | null | undefined) => formatDuration(locale, v);
  const { filters, setFilter } = useUrlFilters(PERIOD);
  const { days } = filters;
  // Whole minutes, so the query key (and the cache) stays stable while the page is open.
  const from = useMemo(() => dayjs().startOf('minute').subtract(days, 'day').toISOString(), [days]);
  const { data, error, isLoading } = useComplaintMetrics(from);
  const causeLabel = useCallback((c: Schemas['RootCause']) => t(`complaint.rootCause.${c}`), [t]);
  // A group's key is a tier, category or department as the server names it; one this client does not know shows as it is.
  const labelOf = (dimension: 'tier' | 'complaint.category' | 'complaint.department', key: string) => {
    if (key === 'Unassigned') return t('metrics.unassigned');
    const message = `${dimension}.${key}`;
    return has(message) ? t(message) : key;
  };

  // Each count opens the queue of the same complaints: the period the server answered for, and the row's group (the
  // queue filters by tier and category; it has no department filter, so a department's counts are plain).
  const period: ReceivedPeriod | null = data ? { from: data.from, to: data.to } : null;
  const groupFilter = (dimension: 'tier' | 'complaint.category' | 'complaint.department', key: string) =>
    dimension === 'tier' ? { tier: key } : dimension === 'complaint.category' ? { category: key } : null;
  const countLink = (dimension: 'tier' | 'complaint.category' | 'complaint.department', key: string, count: number, extra: { slaState?: 'AtRisk' | 'Breached' } = {}) => {
    const group = groupFilter(dimension, key);
    if (!period || !group) return count;
    return <Link to={figureLinks.complaints(period, { ...group, ...extra })} data-testid={`metrics-link-${key}${extra.slaState ? `-${extra.slaState}` : ''}`}>{count}</Link>;
  };

  const figureColumns = (dimension: 'tier' | 'complaint.category' | 'complaint.department') => [
    { title: t('metrics.group'), dataIndex: 'key', render: (k: string) => labelOf(dimension, k) },
    { title: t('metrics.complaints'), dataIndex: 'complaints', align: 'right' as const, render: (v: number, r: Schemas['SlaFiguresDto']) => countLink(dimension, r.key, v) },
    { title: t('complaint.sla.state.AtRisk'), dataIndex: 'atRisk', align: 'right' as const, render: (v: number, r: Schemas['SlaFiguresDto']) => countLink(dimension, r.key, v, { slaState: 'AtRisk' }) },
    { title: t('complaint.sla.state.Breached'), dataIndex: 'breached', align: 'right' as const, render: (v: number, r: Schemas['SlaFiguresDto']) => countLink(dimension, r.key, v, { slaState: 'Breached' }) },
    { title: t('metrics.firstResponseCompliance'), dataIndex: 'firstResponseCompliance', align: 'right' as const, render: pct },
    { title: t('metrics.resolutionCompliance'), dataIndex: 'resolutionCompliance', align: 'right' as const, render: pct },
    { title: t('metrics.medianFirstResponse'), dataIndex: 'medianFirstResponseHours', align: 'right' as const, render: hrs },
    { title: t('metrics.p90FirstResponse'), dataIndex: 'p90FirstResponseHours', align: 'right' as const, render: hrs },
    { title: t('metrics.medianResolution'), dataIndex: 'medianResolutionHours', align: 'right' as const, render: hrs },
    { title: t('metrics.p90Resolution'), dataIndex: 'p90ResolutionHours', align: 'right' as const, render: hrs },
  ];

  return (
    <Card>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 16 }}>
        <PageTitle style={{ margin: 0 }}>{t('metrics.title')}</PageTitle>
        <Segmented
          value={days}
          onChange={(v) => setFilter('days', v)}
          options={PERIODS.map((d) => ({ value: d, label: t('metrics.lastDays', { days: d }) }))}
        />
      </div>
      <ProblemAlert error={error} />
      {isLoading && <Spin style={{ display: 'block', margin: 48 }} />}
      {data && data.overall.complaints === 0 && <Empty description={t('metrics.empty')} />}
      {data && data.overall.complaints > 0 && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Link to={figureLinks.complaints({ from: data.from, to: data.to })} data-testid="metrics-complaints" style={{ display: 'block' }}>
                <Statistic title={t('metrics.complaints')} value={data.overall.complaints} />
              </Link>
            </Col>
            <Col xs={12} md={6}><Statistic title={t('metrics.firstResponseCompliance')} value={pct(data.overall.firstResponseCompliance)} data-testid="fr-compliance" /></Col>
            <Col xs={12} md={6}><Statistic title={t('metrics.resolutionCompliance')} value={pct(data.overall.resolutionCompliance)} /></Col>
            <Col xs={12} md={6}>
              <Statistic title={t('metrics.medianResolution')} value={hrs(data.overall.medianResolutionHours)} suffix={<Typography.Text type="secondary" style={{ fontSize: 14 }}>p90 {hrs(data.overall.p90ResolutionHours)}</Typography.Text>} />
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('metrics.rootCauses')}>
                {data.rootCauses.length === 0 ? <Empty /> : (
                  <Suspense fallback={<Spin />}>
                    <RootCauseChart causes={data.rootCauses} label={causeLabel} labels={{ complaints: t('metrics.complaints'), cumulative: t('metrics.cumulative') }} />
                  </Suspense>
                )}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('metrics.recurring')} extra={<Typography.Text type="secondary">{t('metrics.recurringHint')}</Typography.Text>}>
                <Table<Schemas['RecurringRootCauseDto']>
                  size="small"
                  rowKey={(r) => `${r.accountId}-${r.rootCause}`}
                  pagination={false}
                  dataSource={data.recurring}
                  data-testid="recurring-table"
                  columns={[
                    { title: t('account.name'), dataIndex: 'accountName', render: (n: string, r) => <Link to={`/accounts/${r.accountId}`}>{n}</Link> },
                    { title: t('metrics.rootCause'), dataIndex: 'rootCause', render: (c: Schemas['RootCause']) => <Tag color="volcano">{causeLabel(c)}</Tag> },
                    { title: t('metrics.complaints'), dataIndex: 'complaints', align: 'right' },
                    { title: t('metrics.last'), dataIndex: 'lastReceivedAt', render: (d: string) => formatDate(locale, d) },
                  ]}
                />
              </Card>
            </Col>
          </Row>
          {(['byTier', 'byCategory', 'byDepartment'] as const).map((k) => (
            <Card key={k} size="small" title={t(`metrics.${k}`)}>
              <Table<Schemas['SlaFiguresDto']>
                size="small"
                rowKey="key"
                pagination={false}
                dataSource={data[k]}
                columns={figureColumns(k === 'byTier' ? 'tier' : k === 'byCategory' ? 'complaint.category' : 'complaint.department')}
              />
            </Card>
          ))}
        </Space>
      )}
    </Card>
  );
}
