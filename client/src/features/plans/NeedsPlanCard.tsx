// The dashboard's "accounts needing a plan": the count the dashboard computed (its tier programme asks for a plan and
// none is in force), by reason, leading to the list.
import { Card, Space, Statistic, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import { NEEDS_PLAN_REASONS } from './model';
import type { NeedsPlanReason } from './plansApi';
import { formatNumber } from '../../shared/format';

export function NeedsPlanCard({ count, byReason }: { count: number; byReason?: Partial<Record<NeedsPlanReason, number>> }) {
  const { t, locale } = useI18n();
  return (
    <Card size="small" data-testid="needs-plan-card">
      <Link to="/plans?tab=needing">
        <Statistic title={t('plan.needing.count')} value={formatNumber(locale, count)} valueStyle={{ color: count > 0 ? '#cf1322' : undefined }} />
      </Link>
      {byReason && (
        <Space size={[4, 4]} wrap style={{ marginTop: 8 }}>
          {NEEDS_PLAN_REASONS.filter((r) => (byReason[r] ?? 0) > 0).map((r) => (
            <Link key={r} to={`/plans?tab=needing&reason=${r}`}>
              <Tag color={r === 'NoPlan' ? 'red' : 'orange'}>{`${t(`plan.needing.reason.${r}`)} ${byReason[r]}`}</Tag>
            </Link>
          ))}
        </Space>
      )}
    </Card>
  );
}
