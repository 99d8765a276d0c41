import { useEffect, useState } from 'react';
import { Tag, Tooltip } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined, CloseCircleOutlined, ExclamationCircleOutlined, PauseCircleOutlined, RiseOutlined, WarningOutlined } from '@ant-design/icons';
import { useI18n, useT } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../shared/format';
import { BADGE_COLOR, countdown, type BadgeState } from './sla';
import type { ComplaintStatus, Severity } from './complaintsApi';

const severityColor: Record<Severity, string> = { Critical: 'red', High: 'volcano', Medium: 'gold', Low: 'default' };
const statusColor: Record<ComplaintStatus, string> = {
  New: 'blue',
  Acknowledged: 'cyan',
  InProgress: 'geekblue',
  AwaitingCustomer: 'purple',
  Resolved: 'green',
  Closed: 'default',
  Reopened: 'orange',
};
const badgeIcon: Record<BadgeState, React.ReactNode> = {
  OnTime: <ClockCircleOutlined />,
  AtRisk: <WarningOutlined />,
  Breached: <ExclamationCircleOutlined />,
  Paused: <PauseCircleOutlined />,
  Met: <CheckCircleOutlined />,
  Missed: <CloseCircleOutlined />,
};

export function SeverityTag({ severity }: { severity: Severity }) {
  const t = useT();
  return <Tag color={severityColor[severity]}>{t(`complaint.severity.${severity}`)}</Tag>;
}

export function ComplaintStatusTag({ status, testId }: { status: ComplaintStatus; testId?: string }) {
  const t = useT();
  return (
    <Tag color={statusColor[status]} data-testid={testId}>
      {t(`complaint.status.${status}`)}
    </Tag>
  );
}

/** Escalation level 1 (department head / quality manager) or 2 (director); nothing at 0. */
export function EscalationTag({ level }: { level: number }) {
  const t = useT();
  if (level <= 0) return null;
  return (
    <Tooltip title={t(level >= 2 ? 'complaint.escalation.level2.help' : 'complaint.escalation.level1.help')}>
      <Tag color={level >= 2 ? 'magenta' : 'volcano'} icon={<RiseOutlined />} data-testid="escalation-level">
        {t('complaint.escalation.level', { level })}
      </Tag>
    </Tooltip>
  );
}

/** The current time, renewed every `intervalMs` (30 s by default): SLA countdowns tick without asking the server. */
export function useNow(intervalMs = 30_000) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** A coloured SLA badge: the live countdown of a running clock, or paused / met / missed. */
export function SlaBadge({ state, dueAt, now }: { state: BadgeState; dueAt?: string | null; now: number }) {
  const { t, locale } = useI18n();
  const running = Boolean(dueAt) && (state === 'OnTime' || state === 'AtRisk' || state === 'Breached');
  const text = running ? countdown(dueAt!, now, t) : t(`complaint.sla.state.${state}`);
  const tag = (
    <Tag color={BADGE_COLOR[state]} icon={badgeIcon[state]} data-testid="sla-badge" data-state={state} style={{ marginInlineEnd: 4 }}>
      {text}
    </Tag>
  );
  if (!running) return tag;
  return <Tooltip title={`${t(`complaint.sla.state.${state}`)} · ${t('complaint.sla.dueAt', { date: formatDateTime(locale, dueAt) })}`}>{tag}</Tooltip>;
}
