import { Alert, Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { Tier } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { formatNumber } from '../../shared/format';
import { TIERS } from '../../shared/tiers';
import { TierTag } from '../../shared/TierTag';
import { DistributionBar } from './DistributionBar';
import { ReasonTag } from './labels';
import { roundScore, simulatedCounts } from './policyModel';
import type { SimulationDto, TierMoveDto } from './tieringApi';

/** The reasons a simulated move can have (Unchanged is no move). */
const REASONS: readonly TierMoveDto['reason'][] = ['Initial', 'Promoted', 'Demoted', 'Override'];

/** What the terms would do if a run used them now: today's and the would-be distribution, and who would move. */
export function SimulationResult({ result, outdated, publishHint }: { result: SimulationDto; outdated: boolean; publishHint?: string }) {
  const { t, locale } = useI18n();
  const after = simulatedCounts(result);
  // Today's accounts per tier and whether a tier's change is over the safety limit: as the server computed them.
  const shifts = new Map(result.shifts.map((s) => [s.tier, s]));
  const over = result.shifts.filter((s) => s.overLimit);
  const before = Object.fromEntries(TIERS.map((tier) => [tier, shifts.get(tier)?.before ?? 0])) as Record<Tier, number>;
  const total = TIERS.reduce((s, tier) => s + after[tier], 0);
  const tierFilters = TIERS.map((tier) => ({ text: t(`tier.${tier}`), value: tier }));

  return (
    <Card
      id="simulation"
      title={<Typography.Title level={4} style={{ margin: 0 }}>{t('tiering.sim.title')}</Typography.Title>}
    >
      <Typography.Paragraph type="secondary">{t('tiering.sim.subtitle')}</Typography.Paragraph>
      {outdated && <Alert type="warning" showIcon title={t('tiering.sim.outdated')} style={{ marginBottom: 16 }} />}
      {!outdated && publishHint && <Alert type="info" showIcon title={publishHint} style={{ marginBottom: 16 }} />}
      {over.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="sim-shift-warning"
          style={{ marginBottom: 16 }}
          title={t('tiering.sim.shiftWarning', {
            limit: formatNumber(locale, result.shiftLimitPercent),
            tiers: over.map((s) => `${t(`tier.${s.tier}`)} ${formatNumber(locale, s.before)} → ${formatNumber(locale, s.after)}`).join(locale === 'zh-CN' ? '，' : ', '),
          })}
        />
      )}
      <Row gutter={[24, 16]}>
        <Col xs={24} md={6}>
          <div data-testid="sim-changed">
            <Statistic title={t('tiering.sim.changed')} value={result.changed} styles={{ content: { color: result.changed ? '#d46b08' : undefined } }} />
          </div>
          <Statistic title={t('tiering.sim.scored')} value={total} style={{ marginTop: 12 }} />
        </Col>
        <Col xs={24} md={18}>
          <Table<Tier>
            size="small"
            pagination={false}
            rowKey={(tier) => tier}
            dataSource={[...TIERS]}
            columns={[
              { title: t('account.tier'), key: 'tier', render: (_, tier) => <TierTag tier={tier} /> },
              { title: t('tiering.sim.today'), key: 'before', align: 'right', render: (_, tier) => formatNumber(locale, before[tier]) },
              { title: t('tiering.sim.after'), key: 'after', align: 'right', render: (_, tier) => <strong>{formatNumber(locale, after[tier])}</strong> },
              {
                title: t('tiering.sim.delta'),
                key: 'delta',
                align: 'right',
                render: (_, tier) => {
                  const shift = shifts.get(tier);
                  const d = after[tier] - before[tier];
                  const percent = shift?.changePercent == null ? '' : ` (${shift.changePercent > 0 ? '+' : ''}${formatNumber(locale, shift.changePercent)} %)`;
                  return (
                    <span style={{ color: d > 0 ? '#237804' : d < 0 ? '#a8071a' : undefined, fontWeight: shift?.overLimit ? 600 : undefined }}>
                      {d > 0 ? `+${d}` : d === 0 ? '±0' : d}
                      {percent}
                      {shift?.overLimit ? ` ⚠ ${t('tiering.sim.overLimit')}` : ''}
                    </span>
                  );
                },
              },
            ]}
          />
          <div style={{ display: 'grid', gridTemplateColumns: '90px 1fr', gap: 6, alignItems: 'center', marginTop: 12, fontSize: 12, color: '#666' }}>
            <span>{t('tiering.sim.today')}</span>
            <DistributionBar counts={before} />
            <span>{t('tiering.sim.after')}</span>
            <DistributionBar counts={after} />
          </div>
        </Col>
      </Row>

      <Typography.Title level={5} style={{ marginTop: 24 }}>{t('tiering.sim.moves')}</Typography.Title>
      {result.moves.length < result.changed && (
        <Typography.Paragraph type="secondary">{t('tiering.sim.truncated', { shown: result.moves.length, total: result.changed })}</Typography.Paragraph>
      )}
      <div data-testid="sim-moves">
      <Table<TierMoveDto>
        size="small"
        rowKey="accountId"
        dataSource={result.moves}
        locale={{ emptyText: t('tiering.sim.noMoves') }}
        pagination={{ pageSize: 10, showSizeChanger: false, showTotal: (n) => t('tiering.sim.movesTotal', { count: n }) }}
        columns={[
          { title: t('account.name'), dataIndex: 'name', render: (name: string, m) => <Link to={`/accounts/${m.accountId}`}>{name}</Link> },
          {
            title: t('tiering.sim.move'),
            key: 'move',
            filters: tierFilters,
            onFilter: (value, m) => m.newTier === value,
            render: (_, m) => (
              <span style={{ whiteSpace: 'nowrap' }} data-testid="sim-move-tiers">
                <TierTag tier={m.currentTier} />
                <ArrowRightOutlined style={{ color: '#999', marginRight: 8 }} />
                <TierTag tier={m.newTier} />
              </span>
            ),
          },
          { title: t('tiering.score'), dataIndex: 'score', align: 'right', sorter: (a, b) => a.score - b.score, render: (v: number) => formatNumber(locale, roundScore(v)) },
          {
            title: t('tiering.reason'),
            dataIndex: 'reason',
            filters: REASONS.map((r) => ({ text: t(`tierReason.${r}`), value: r })),
            onFilter: (value, m) => m.reason === value,
            render: (v: TierMoveDto['reason']) => <ReasonTag reason={v} />,
          },
        ]}
      />
      </div>
    </Card>
  );
}
