// How the surveys pages draw a status, an NPS figure and a follow-up's SLA state: in the UI's language, with an icon or
// text besides the colour (never colour alone).
import { Space, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined, ExclamationCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { useI18n, useT } from '../../i18n/I18nProvider';
import type { FollowUpStatus, NpsDto, SlaState, SurveyCampaignStatus, SurveyInvitationStatus, SurveyTemplateStatus } from './surveysApi';

const campaignColor: Record<SurveyCampaignStatus, string> = { Draft: 'default', Scheduled: 'blue', Open: 'green', Closed: 'purple' };
const templateColor: Record<SurveyTemplateStatus, string> = { Draft: 'default', Published: 'green', Retired: 'orange' };
const invitationColor: Record<SurveyInvitationStatus, string> = { Pending: 'default', Sent: 'blue', Responded: 'green', Expired: 'orange', Failed: 'red', Unsubscribed: 'purple' };

export function CampaignStatusTag({ status, testId }: { status: SurveyCampaignStatus; testId?: string }) {
  const t = useT();
  return <Tag color={campaignColor[status]} data-testid={testId} data-status={status}>{t(`surveys.campaign.status.${status}`)}</Tag>;
}

export function TemplateStatusTag({ status, testId }: { status: SurveyTemplateStatus; testId?: string }) {
  const t = useT();
  return <Tag color={templateColor[status]} data-testid={testId} data-status={status}>{t(`surveys.template.status.${status}`)}</Tag>;
}

export function InvitationStatusTag({ status }: { status: SurveyInvitationStatus }) {
  const t = useT();
  return <Tag color={invitationColor[status]}>{t(`surveys.invitation.status.${status}`)}</Tag>;
}

const slaColor: Record<SlaState, string> = { OnTime: 'green', AtRisk: 'orange', Breached: 'red' };
const slaIcon: Record<SlaState, React.ReactNode> = { OnTime: <ClockCircleOutlined />, AtRisk: <WarningOutlined />, Breached: <ExclamationCircleOutlined /> };

/** A follow-up's SLA state while open (the server's); a closed one says it is closed. */
export function FollowUpSlaTag({ state, status }: { state: SlaState; status: FollowUpStatus }) {
  const t = useT();
  if (status === 'Closed') return <Tag icon={<CheckCircleOutlined />} data-testid="followup-sla" data-state="Closed">{t('surveys.followUp.status.Closed')}</Tag>;
  return (
    <Tag color={slaColor[state]} icon={slaIcon[state]} data-testid="followup-sla" data-state={state}>
      {t(`complaint.sla.state.${state}`)}
    </Tag>
  );
}

/** A signed score: "+42", "−8", "0"; "—" without one. */
export function formatScore(score: number | null | undefined) {
  if (score === null || score === undefined) return '—';
  return score > 0 ? `+${score}` : score < 0 ? `−${Math.abs(score)}` : '0';
}

/**
 * An NPS with its sample, always together: the score, then "n = 37, ± 12.4" (the server's respondents and margin of
 * error). Without respondents there is no score to show.
 */
export function NpsFigure({ nps, size = 'default', testId = 'nps' }: { nps: Pick<NpsDto, 'score' | 'respondents' | 'marginOfError'>; size?: 'default' | 'large'; testId?: string }) {
  const { t, locale } = useI18n();
  const margin = nps.marginOfError !== null && nps.marginOfError !== undefined ? new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(nps.marginOfError) : null;
  return (
    <Space size={6} align="baseline" data-testid={testId} data-score={nps.score ?? ''}>
      <span style={{ fontSize: size === 'large' ? 28 : 16, fontWeight: 600 }}>{formatScore(nps.score)}</span>
      <Tooltip title={t('surveys.nps.sampleHelp')}>
        <Typography.Text type="secondary" data-testid={`${testId}-sample`}>
          {margin ? t('surveys.nps.sample', { n: nps.respondents, margin }) : t('surveys.nps.n', { n: nps.respondents })}
        </Typography.Text>
      </Tooltip>
    </Space>
  );
}
