import { App as AntApp, Alert, Button, Card, Popconfirm, Space, Tag, Typography } from 'antd';
import { ClockCircleOutlined, PlayCircleOutlined, UserOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { Tier } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../auth/session';
import { ApiProblem } from '../../shared/problem';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { formatDate, formatDateTime, formatNumber } from '../../shared/format';
import { DistributionBar } from './DistributionBar';
import { TIERS, TIER_HEX } from '../../shared/tiers';
import { ExportButton } from '../../shared/ExportButton';
import { exportTierHistory, usePolicies, useRuns, useStartRun, type TieringRunDto } from './tieringApi';
import { PageTitle } from '../../shell/PageTitle';
import { usePageTitle } from '../../shell/usePageTitle';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { figureLinks } from '../portfolio/links';

const countOf = (run: TieringRunDto, tier: Tier) =>
  tier === 'Strategic' ? run.strategicCount : tier === 'Key' ? run.keyCount : tier === 'Growth' ? run.growthCount : run.standardCount;

/** Tiering runs, newest first, with their distribution; directors run the published policy now. */
export default function RunsPage() {
  usePageTitle('tiering.runs.title');
  const { t, locale } = useI18n();
  const { can } = useSession();
  const { message } = AntApp.useApp();
  const runs = useRuns();
  const policies = usePolicies();
  const start = useStartRun();
  const published = policies.data?.find((p) => p.status === 'Published');
  const latest = runs.data?.[0];
  // Someone else's run or simulation: a friendly note (any other refusal, e.g. no published policy, says itself).
  const busy = start.error instanceof ApiProblem && start.error.code === 'tiering-run-in-progress';

  const runNow = async () => {
    try {
      const run = await start.mutateAsync();
      message.success(t('tiering.runs.done', { changed: run.changedCount }));
    } catch {
      // Shown below: a friendly note for a run in progress, the problem details otherwise.
    }
  };

  return (
    <Card
      title={<PageTitle>{t('tiering.runs.title')}</PageTitle>}
      extra={
        <Space>
          {(runs.data?.length ?? 0) > 0 && (
            <ExportButton
              name="tier-history"
              hint={t('tiering.runs.exportHint')}
              // The tier changes across runs (every account's first tier included): what a Director reviews after runs.
              fetchFile={(format) => exportTierHistory({ changedOnly: true, format, lang: locale })}
            />
          )}
          {can('tiering:manage') && (
          <Popconfirm
            title={t('tiering.runs.confirm.title', { number: published?.number ?? '?' })}
            description={<div style={{ maxWidth: 340 }}>{t('tiering.runs.confirm.body')}</div>}
            okText={t('tiering.runs.now')}
            cancelText={t('common.cancel')}
            onConfirm={runNow}
            disabled={!published}
          >
            <Button type="primary" icon={<PlayCircleOutlined />} loading={start.isPending} disabled={!published} data-testid="run-now">
              {t('tiering.runs.now')}
            </Button>
          </Popconfirm>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('tiering.runs.help')}</Typography.Paragraph>
      {busy ? (
        <Alert type="warning" showIcon icon={<ClockCircleOutlined />} title={t('tiering.runs.inProgress.title')} description={t('tiering.runs.inProgress.body')} style={{ marginBottom: 16 }} />
      ) : (
        <ProblemAlert error={start.error} />
      )}
      <ProblemAlert error={runs.error} />
      {published && runs.data && (!latest || latest.policyId !== published.id) && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={latest ? t('tiering.runs.notApplied', { number: published.number }) : t('tiering.runs.none')}
        />
      )}
      <div data-testid="runs-table">
        <ResponsiveTable<TieringRunDto>
          rowKey="id"
          size="middle"
          loading={runs.isLoading || start.isPending}
          dataSource={runs.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('tiering.runs.empty') }}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('tiering.runs.date'),
              key: 'date',
              render: (_, r) => (
                <div>
                  <div>{formatDate(locale, r.runDate)}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(locale, r.startedAt)}</Typography.Text>
                </div>
              ),
            },
            {
              title: t('tiering.runs.trigger'),
              dataIndex: 'trigger',
              render: (v: TieringRunDto['trigger']) => (
                <Tag icon={v === 'Manual' ? <UserOutlined /> : <ClockCircleOutlined />} color={v === 'Manual' ? 'blue' : 'default'}>
                  {t(`runTrigger.${v}`)}
                </Tag>
              ),
            },
            {
              title: t('tiering.runs.policy'),
              key: 'policy',
              render: (_, r) => <Link to={`/tiering/policies/${r.policyId}`}>{t('tiering.policy.version', { number: r.policyNumber })}</Link>,
            },
            {
              title: t('tiering.runs.distribution'),
              key: 'distribution',
              width: 200,
              render: (_, r) => <DistributionBar counts={Object.fromEntries(TIERS.map((tier) => [tier, countOf(r, tier)])) as Record<Tier, number>} />,
            },
            ...TIERS.map((tier) => ({
              title: (
                <Space size={4}>
                  <span style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 2, background: TIER_HEX[tier] }} />
                  {t(`tier.${tier}`)}
                </Space>
              ),
              key: tier,
              align: 'right' as const,
              render: (_: unknown, r: TieringRunDto) => (
                <Link to={figureLinks.runAccounts(r.id, { tier })} data-testid={`run-count-${tier}`}>{formatNumber(locale, countOf(r, tier))}</Link>
              ),
            })),
            {
              title: t('tiering.runs.changed'),
              dataIndex: 'changedCount',
              align: 'right',
              render: (v: number, r: TieringRunDto) => (
                <Link to={figureLinks.runAccounts(r.id, { moved: true })} data-testid="run-changed">
                  <strong style={{ color: v ? '#ad4e00' : undefined }}>{formatNumber(locale, v)}</strong>
                </Link>
              ),
            },
          ]}
        />
      </div>
    </Card>
  );
}
