// A campaign (调查活动): where it stands and its steps (schedule, open, close — If-Match, only those the server allows),
// the invitations by status, who was invited and who was left out (and why), recording a contact's answers by phone,
// and the results as a tab (`?tab=results`).
import { lazy, Suspense, useState } from 'react';
import { App, Button, Card, Col, Descriptions, Popconfirm, Row, Select, Space, Spin, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { EditOutlined, PhoneOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../auth/session';
import { ApiProblem } from '../../shared/problem';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { StaleVersionAlert, useStaleVersion } from '../../shared/StaleVersion';
import { formatDateTime, formatNumber } from '../../shared/format';
import { urlFilter, useUrlFilters } from '../../shared/useUrlFilters';
import { ErrorPage } from '../../shell/ErrorPages';
import { AccountPicker } from '../accounts/AccountPicker';
import { AudiencePreview } from './AudiencePreview';
import { CampaignStatusTag, InvitationStatusTag } from './labels';
import { INVITATION_STATUSES, SKIP_REASONS, formatBeijing } from './model';
import { PhoneResponseDialog } from './PhoneResponseDialog';
import {
  useCampaign,
  useCampaignAudience,
  useCampaignStep,
  useInvitations,
  useSkips,
  type BuyingRole,
  type CampaignStep,
  type SkipReason,
  type SurveyCampaignDto,
  type SurveyInvitationDto,
  type SurveyInvitationStatus,
  type SurveySkipDto,
} from './surveysApi';
import { PageTitle } from '../../shell/PageTitle';
import { usePageTitle } from '../../shell/usePageTitle';

const ResultsPanel = lazy(() => import('./ResultsPanel'));

const TABS = ['monitor', 'results'] as const;
const FILTERS = {
  tab: urlFilter.oneOf(TABS),
  istatus: urlFilter.oneOf(INVITATION_STATUSES),
  iaccount: urlFilter.text(),
  ipage: urlFilter.int(1),
  reason: urlFilter.oneOf(SKIP_REASONS),
  spage: urlFilter.int(1),
};
const STEPS: CampaignStep[] = ['schedule', 'open', 'close'];

/** Whom a phone call answers for: a contact of the campaign. */
interface Callee {
  contactId: string;
  contactName: string;
  accountName: string;
}

export default function CampaignPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const campaign = useCampaign(id);
  const { filters, setFilter } = useUrlFilters(FILTERS);
  if (campaign.isLoading) return <Spin style={{ display: 'block', margin: '20vh auto' }} />;
  if (campaign.error instanceof ApiProblem && campaign.error.status === 404) return <ErrorPage status={404} />;
  if (!campaign.data) return <ProblemAlert error={campaign.error} />;
  const c = campaign.data.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <CampaignHeader campaign={c} etag={campaign.data.etag} reload={async () => void (await campaign.refetch())} />
      <Tabs
        activeKey={filters.tab ?? 'monitor'}
        destroyOnHidden
        onChange={(key) => setFilter('tab', key === 'monitor' ? undefined : FILTERS.tab.read(key))}
        items={[
          { key: 'monitor', label: <span data-testid="campaign-tab-monitor">{t('surveys.campaign.tab.monitor')}</span>, children: <Monitor campaign={c} /> },
          {
            key: 'results',
            label: <span data-testid="campaign-tab-results">{t('surveys.campaign.tab.results')}</span>,
            children: (
              <Suspense fallback={<Spin />}>
                <ResultsPanel campaignId={c.id} />
              </Suspense>
            ),
          },
        ]}
      />
    </Space>
  );
}

function CampaignHeader({ campaign: c, etag, reload }: { campaign: SurveyCampaignDto; etag: string; reload: () => Promise<void> }) {
  const { t, locale } = useI18n();
  usePageTitle('surveys.title', c.name);
  const { can } = useSession();
  const { message } = App.useApp();
  const step = useCampaignStep(c.id);
  const stale = useStaleVersion(reload, { atOnce: true });
  const [error, setError] = useState<unknown>(null);
  const run = async (action: CampaignStep) => {
    setError(null);
    try {
      await step.mutateAsync({ etag, step: action });
      void message.success(t(`surveys.campaign.done.${action}`));
    } catch (e) {
      if (!stale.caught(e)) setError(e);
    }
  };
  const steps = can('surveys:run') ? STEPS.filter((s) => c.allowedActions.includes(s)) : [];
  return (
    <Card>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 16, flexWrap: 'wrap' }}>
        <div>
          <PageTitle style={{ margin: 0 }} data-testid="campaign-name">{c.name}</PageTitle>
          <Space style={{ marginTop: 8 }} wrap>
            <CampaignStatusTag status={c.status} testId="campaign-status" />
            <Typography.Text type="secondary">{t(`surveys.recurrence.${c.recurrence}`)}</Typography.Text>
            <Typography.Text type="secondary">{t(`surveys.language.${c.defaultLanguage === 'en' ? 'en' : 'zh-CN'}`)}</Typography.Text>
          </Space>
        </div>
        <Space wrap data-testid="campaign-actions">
          {can('surveys:run') && c.allowedActions.includes('edit') && (
            <Link to={`/surveys/campaigns/${c.id}/edit`}>
              <Button icon={<EditOutlined />} data-testid="campaign-edit">{t('surveys.campaign.edit')}</Button>
            </Link>
          )}
          {steps.map((s) => (
            <Popconfirm key={s} title={t(`surveys.campaign.confirm.${s}`)} onConfirm={() => run(s)} okText={t(`surveys.campaign.step.${s}`)} cancelText={t('common.cancel')}>
              <Button type={s === 'close' ? 'default' : 'primary'} danger={s === 'close'} loading={step.isPending && step.variables?.step === s} data-testid={`campaign-step-${s}`}>
                {t(`surveys.campaign.step.${s}`)}
              </Button>
            </Popconfirm>
          ))}
        </Space>
      </div>
      <StaleVersionAlert state={stale} title={t('surveys.campaign.stale')} testId="campaign-stale" style={{ marginTop: 12 }} />
      {error ? <div style={{ marginTop: 12 }}><ProblemAlert error={error} /></div> : null}
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginTop: 16 }}>
        <Descriptions.Item label={t('surveys.campaign.opensAtBeijing')}>{formatBeijing(locale, c.opensAt)}</Descriptions.Item>
        <Descriptions.Item label={t('surveys.campaign.closesAtBeijing')}>{formatBeijing(locale, c.closesAt)}</Descriptions.Item>
        <Descriptions.Item label={t('surveys.campaign.template')}>
          <Link to={`/surveys/templates/${c.templateId}`}>{t('surveys.campaign.viewTemplate')}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('surveys.campaign.perAccountCap')}>{c.perAccountCap}</Descriptions.Item>
        <Descriptions.Item label={t('surveys.campaign.reminder')}>{c.reminderAfterDays ?? t('surveys.campaign.noReminder')}</Descriptions.Item>
        <Descriptions.Item label={t('surveys.campaign.openedAt')}>{formatDateTime(locale, c.openedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('surveys.campaign.closedAt')}>{formatDateTime(locale, c.closedAt)}</Descriptions.Item>
        {c.previousCampaignId && (
          <Descriptions.Item label={t('surveys.campaign.previous')}>
            <Link to={`/surveys/campaigns/${c.previousCampaignId}`}>{t('surveys.campaign.viewPrevious')}</Link>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

function Monitor({ campaign: c }: { campaign: SurveyCampaignDto }) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const [callee, setCallee] = useState<Callee | null>(null);
  const phone = can('surveys:respond') && c.status === 'Open';
  const counts = c.invitations;
  const draft = c.status === 'Draft' || c.status === 'Scheduled';
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {draft ? (
        <DraftAudience campaignId={c.id} />
      ) : (
        <Card size="small" title={t('surveys.campaign.counts')} data-testid="invitation-counts">
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6} lg={3}><Statistic title={t('surveys.campaign.invited')} value={formatNumber(locale, c.invitedCount ?? 0)} /></Col>
            <Col xs={12} md={6} lg={3}><Statistic title={t('surveys.campaign.skipped')} value={formatNumber(locale, c.skippedCount ?? 0)} /></Col>
            {INVITATION_STATUSES.map((s) => (
              <Col key={s} xs={12} md={6} lg={3}>
                <Statistic title={t(`surveys.invitation.status.${s}`)} value={formatNumber(locale, counts[s.toLowerCase() as keyof typeof counts])} data-testid={`count-${s}`} />
              </Col>
            ))}
          </Row>
        </Card>
      )}
      {!draft && <InvitationsTable campaignId={c.id} onCall={phone ? setCallee : undefined} />}
      {!draft && <SkipsTable campaignId={c.id} onCall={phone ? setCallee : undefined} />}
      {callee && <PhoneResponseDialog campaign={c} callee={callee} onDone={() => setCallee(null)} />}
    </Space>
  );
}

function DraftAudience({ campaignId }: { campaignId: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const audience = useCampaignAudience(campaignId, can('surveys:run'));
  if (!can('surveys:run')) return null;
  return (
    <Card size="small" title={t('surveys.wizard.step4')}>
      <ProblemAlert error={audience.error} />
      {audience.isLoading ? <Spin /> : audience.data && <AudiencePreview preview={audience.data} />}
    </Card>
  );
}

function InvitationsTable({ campaignId, onCall }: { campaignId: string; onCall?: (callee: Callee) => void }) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  // A filter shows another list: back to its first page (the page of this table is `ipage`, not `page`).
  const { filters, setFilter, setFilters } = useUrlFilters(FILTERS);
  const { data, error, isFetching } = useInvitations(campaignId, { status: filters.istatus, accountId: filters.iaccount, page: filters.ipage, pageSize: 20 });
  return (
    <Card size="small" title={t('surveys.invitation.title')}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('surveys.invitation.status')}
          aria-label={t('surveys.invitation.status')}
          data-testid="invitation-filter-status"
          style={{ width: 160 }}
          value={filters.istatus}
          options={INVITATION_STATUSES.map((s) => ({ value: s, label: t(`surveys.invitation.status.${s}`) }))}
          onChange={(v: SurveyInvitationStatus | undefined) => setFilters({ istatus: v, ipage: undefined })}
        />
        {can('accounts:read') && (
          <AccountPicker value={filters.iaccount} onChange={(v) => setFilters({ iaccount: v, ipage: undefined })} testId="invitation-filter-account" placeholder={t('surveys.account')} ariaLabel={t('surveys.account')} allowClear style={{ width: 220 }} />
        )}
      </Space>
      <ProblemAlert error={error} />
      <Table<SurveyInvitationDto>
        rowKey="id"
        size="small"
        loading={isFetching && !data}
        dataSource={data?.items ?? []}
        data-testid="invitations-table"
        locale={{ emptyText: t('surveys.invitation.empty') }}
        scroll={{ x: 900 }}
        pagination={{ current: filters.ipage, pageSize: 20, total: data?.totalCount ?? 0, showSizeChanger: false, onChange: (page) => setFilter('ipage', page) }}
        columns={[
          { title: t('surveys.account'), dataIndex: 'accountName', render: (v: string, r) => (can('accounts:read') ? <Link to={`/accounts/${r.accountId}?tab=satisfaction`}>{v}</Link> : v) },
          { title: t('surveys.contact'), dataIndex: 'contactName', width: 120 },
          { title: t('surveys.buyingRole'), dataIndex: 'buyingRole', width: 110, render: (v: BuyingRole) => t(`buyingRole.${v}`) },
          { title: t('surveys.invitation.status'), dataIndex: 'status', width: 110, render: (v: SurveyInvitationStatus, r) => <Space size={2}><InvitationStatusTag status={v} />{r.channel === 'Phone' && <Tag icon={<PhoneOutlined />}>{t('surveys.channel.Phone')}</Tag>}</Space> },
          { title: t('surveys.invitation.sentAt'), dataIndex: 'sentAt', width: 160, render: (v: string | null) => formatDateTime(locale, v) },
          { title: t('surveys.invitation.respondedAt'), dataIndex: 'respondedAt', width: 160, render: (v: string | null) => formatDateTime(locale, v) },
          ...(onCall
            ? [
                {
                  title: '',
                  key: 'call',
                  width: 140,
                  render: (_: unknown, r: SurveyInvitationDto) =>
                    r.status !== 'Responded' && r.status !== 'Unsubscribed' ? (
                      <Button size="small" icon={<PhoneOutlined />} data-testid="record-phone" onClick={() => onCall({ contactId: r.contactId, contactName: r.contactName, accountName: r.accountName })}>
                        {t('surveys.phone.record')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

function SkipsTable({ campaignId, onCall }: { campaignId: string; onCall?: (callee: Callee) => void }) {
  const { t, locale } = useI18n();
  const { filters, setFilter, setFilters } = useUrlFilters(FILTERS);
  const { data, error, isFetching } = useSkips(campaignId, { reason: filters.reason, page: filters.spage, pageSize: 20 });
  return (
    <Card size="small" title={t('surveys.skip.title')}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('surveys.skip.reason')}
          aria-label={t('surveys.skip.reason')}
          data-testid="skip-filter-reason"
          style={{ width: 200 }}
          value={filters.reason}
          options={SKIP_REASONS.map((s) => ({ value: s, label: t(`surveys.skip.reason.${s}`) }))}
          onChange={(v: SkipReason | undefined) => setFilters({ reason: v, spage: undefined })}
        />
      </Space>
      <ProblemAlert error={error} />
      <Table<SurveySkipDto>
        rowKey={(r) => r.contactId}
        size="small"
        loading={isFetching && !data}
        dataSource={data?.items ?? []}
        data-testid="skips-table"
        locale={{ emptyText: t('surveys.skip.empty') }}
        pagination={{ current: filters.spage, pageSize: 20, total: data?.totalCount ?? 0, showSizeChanger: false, onChange: (page) => setFilter('spage', page) }}
        columns={[
          { title: t('surveys.account'), dataIndex: 'accountName' },
          { title: t('surveys.contact'), dataIndex: 'contactName', width: 140 },
          { title: t('surveys.skip.reason'), dataIndex: 'reason', width: 200, render: (v: SkipReason) => <Tag>{t(`surveys.skip.reason.${v}`)}</Tag> },
          { title: t('surveys.skip.at'), dataIndex: 'createdAt', width: 160, render: (v: string) => formatDateTime(locale, v) },
          ...(onCall
            ? [
                {
                  title: '',
                  key: 'call',
                  width: 140,
                  // Only a contact left out for want of an email address can be asked by phone (the server creates the invitation then).
                  render: (_: unknown, r: SurveySkipDto) =>
                    r.reason === 'NoEmail' ? (
                      <Button size="small" icon={<PhoneOutlined />} data-testid="record-phone-skipped" onClick={() => onCall({ contactId: r.contactId, contactName: r.contactName, accountName: r.accountName })}>
                        {t('surveys.phone.record')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
