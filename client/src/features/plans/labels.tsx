// How a plan's states and figures are drawn everywhere: status tags, the progress bar (the server's figure, as it is),
// measure values in their unit.
import { Progress, Tag, Typography } from 'antd';
import { useI18n, useT } from '../../i18n/I18nProvider';
import { formatMoney, formatNumber } from '../../shared/format';
import { measureNumber } from './model';
import type { InitiativeStatus, MeasureUnit, PlanStatus } from './plansApi';

const statusColor: Record<PlanStatus, string> = {
  Draft: 'default',
  Submitted: 'gold',
  Approved: 'cyan',
  Active: 'blue',
  Completed: 'green',
  Cancelled: 'red',
  Superseded: 'purple',
};

const initiativeColor: Record<InitiativeStatus, string> = { NotStarted: 'default', InProgress: 'blue', Done: 'green', Blocked: 'red' };

export function PlanStatusTag({ status, testId }: { status: PlanStatus; testId?: string }) {
  const t = useT();
  return (
    <Tag color={statusColor[status]} data-testid={testId} data-status={status}>
      {t(`plan.status.${status}`)}
    </Tag>
  );
}

export function InitiativeStatusTag({ status }: { status: InitiativeStatus }) {
  const t = useT();
  return <Tag color={initiativeColor[status]}>{t(`plan.initiative.status.${status}`)}</Tag>;
}

/** The progress the server computed (0–100, one decimal), or "no measure yet" for null. */
export function PlanProgressBar({ value, testId, size = 'default' }: { value: number | null | undefined; testId?: string; size?: 'default' | 'small' }) {
  const t = useT();
  if (value === null || value === undefined) {
    return (
      <Typography.Text type="secondary" data-testid={testId} data-progress="">
        {t('plan.progress.none')}
      </Typography.Text>
    );
  }
  return (
    <div data-testid={testId} data-progress={String(value)} style={{ minWidth: 120 }}>
      {/* Never antd's "success" status: it paints the percentage in light green (2.3:1 on white, an axe failure);
          a finished plan keeps dark text and gets a darker green bar. */}
      <Progress aria-label={t('plan.progress')} percent={value} size={size === 'small' ? 'small' : undefined} format={(p) => `${p}%`} status="normal" strokeColor={value >= 100 ? '#389e0d' : undefined} />
    </div>
  );
}

/** A measure value in its unit: money with its currency, percent with %, a number as a number. */
export function formatMeasure(locale: string, value: string | number | null | undefined, unit: MeasureUnit, currency?: string | null): string {
  const n = measureNumber(value);
  if (n === null || Number.isNaN(n)) return '—';
  if (unit === 'Currency') {
    return formatMoney(locale, n, currency || 'CNY', 2);
  }
  if (unit === 'Percent') return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(n)}%`;
  return formatNumber(locale, n, 2);
}

export function MeasureValue({ value, unit, currency }: { value: string | number | null | undefined; unit: MeasureUnit; currency?: string | null }) {
  const { locale } = useI18n();
  return <>{formatMeasure(locale, value, unit, currency)}</>;
}
