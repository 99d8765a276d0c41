// 满意度调查: the campaigns (调查活动), the templates (问卷模板) and the follow-ups (回访) of detractors and low ratings,
// as tabs kept in the URL (`?tab=`). Marketing lands here after signing in.
import { Button, Card, Input, Select, Space, Tabs } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../auth/session';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { formatDate, formatNumber } from '../../shared/format';
import { urlFilter, useUrlFilters } from '../../shared/useUrlFilters';
import { CAMPAIGN_STATUSES, TEMPLATE_STATUSES, formatBeijing } from './model';
import { CampaignStatusTag, TemplateStatusTag } from './labels';
import { FollowUpsList } from './FollowUpsList';
import { useCampaigns, useTemplates, type SurveyCampaignStatus, type SurveyCampaignSummaryDto, type SurveyTemplateDto, type SurveyTemplateStatus } from './surveysApi';
import { PageTitle } from '../../shell/PageTitle';
import { usePageTitle } from '../../shell/usePageTitle';
import { ResponsiveTable } from '../../shared/ResponsiveTable';

const TABS = ['campaigns', 'templates', 'followups'] as const;
const TAB = { tab: urlFilter.oneOf(TABS) };

const CAMPAIGN_FILTERS = { status: urlFilter.someOf(CAMPAIGN_STATUSES), q: urlFilter.text(), page: urlFilter.int(1), pageSize: urlFilter.int(20) };
const TEMPLATE_FILTERS = { tstatus: urlFilter.someOf(TEMPLATE_STATUSES), tq: urlFilter.text(), page: urlFilter.int(1) };

export default function SurveysPage() {
  usePageTitle('surveys.title');
  const { t } = useI18n();
  const { can } = useSession();
  const { filters, setFilter } = useUrlFilters(TAB);
  const tabs = [
    ...(can('surveys:read')
      ? [
          { key: 'campaigns', label: <span data-testid="surveys-tab-campaigns">{t('surveys.tab.campaigns')}</span>, children: <CampaignsList /> },
          { key: 'templates', label: <span data-testid="surveys-tab-templates">{t('surveys.tab.templates')}</span>, children: <TemplatesList /> },
        ]
      : []),
    ...(can('surveys:followups') ? [{ key: 'followups', label: <span data-testid="surveys-tab-followups">{t('surveys.tab.followUps')}</span>, children: <FollowUpsList /> }] : []),
  ];
  const active = tabs.find((tab) => tab.key === filters.tab) ?? tabs[0];
  return (
    <Card title={<PageTitle>{t('surveys.title')}</PageTitle>}>
      <Tabs activeKey={active?.key} destroyOnHidden onChange={(key) => setFilter('tab', key === tabs[0]?.key ? undefined : TAB.tab.read(key))} items={tabs} />
    </Card>
  );
}

function CampaignsList() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const { filters, setFilter, setFilters } = useUrlFilters(CAMPAIGN_FILTERS);
  const { data, error, isFetching } = useCampaigns({ status: filters.status, q: filters.q, page: filters.page, pageSize: filters.pageSize });
  const count = (v: number | null) => (v === null ? '—' : formatNumber(locale, v));
  return (
    <>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('surveys.filter.q')}
            aria-label={t('surveys.filter.q')}
            defaultValue={filters.q}
            style={{ width: 240 }}
            onSearch={(v) => setFilter('q', v.trim() || undefined)}
          />
          <Select
            mode="multiple"
            allowClear
            placeholder={t('surveys.filter.status')}
            aria-label={t('surveys.filter.status')}
            data-testid="campaign-filter-status"
            style={{ minWidth: 200 }}
            value={filters.status ?? []}
            options={CAMPAIGN_STATUSES.map((s) => ({ value: s, label: t(`surveys.campaign.status.${s}`) }))}
            onChange={(v: SurveyCampaignStatus[]) => setFilter('status', v)}
          />
        </Space>
        {can('surveys:run') && (
          <Link to="/surveys/campaigns/new">
            <Button type="primary" icon={<PlusOutlined />} data-testid="new-campaign">{t('surveys.campaign.new')}</Button>
          </Link>
        )}
      </Space>
      <ProblemAlert error={error} />
      <ResponsiveTable<SurveyCampaignSummaryDto>
        rowKey="id"
        size="middle"
        loading={isFetching && !data}
        dataSource={data?.items ?? []}
        data-testid="campaigns-table"
        locale={{ emptyText: t('surveys.campaign.empty') }}
        scroll={{ x: 900 }}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: data?.totalCount ?? 0,
          showTotal: (total) => t('surveys.total', { count: total }),
          onChange: (page, pageSize) => setFilters({ page, pageSize }),
        }}
        columns={[
          { title: t('surveys.campaign.name'), dataIndex: 'name', render: (v: string, r) => <Link to={`/surveys/campaigns/${r.id}`} data-testid="campaign-link" style={{ fontWeight: 600 }}>{v}</Link> },
          { title: t('surveys.campaign.status'), dataIndex: 'status', width: 110, render: (v: SurveyCampaignStatus) => <CampaignStatusTag status={v} /> },
          { title: t('surveys.campaign.opensAt'), dataIndex: 'opensAt', width: 170, render: (v: string) => formatBeijing(locale, v) },
          { title: t('surveys.campaign.closesAt'), dataIndex: 'closesAt', width: 170, render: (v: string) => formatBeijing(locale, v) },
          { title: t('surveys.campaign.recurrence'), dataIndex: 'recurrence', width: 120, render: (v: SurveyCampaignSummaryDto['recurrence']) => t(`surveys.recurrence.${v}`) },
          { title: t('surveys.campaign.invited'), dataIndex: 'invitedCount', width: 90, align: 'right', render: count },
          { title: t('surveys.campaign.skipped'), dataIndex: 'skippedCount', width: 90, align: 'right', render: count },
        ]}
      />
    </>
  );
}

function TemplatesList() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const { filters, setFilter } = useUrlFilters(TEMPLATE_FILTERS);
  const { data, error, isFetching } = useTemplates({ status: filters.tstatus, q: filters.tq, page: filters.page, pageSize: 20 });
  return (
    <>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('surveys.filter.q')}
            aria-label={t('surveys.filter.q')}
            defaultValue={filters.tq}
            style={{ width: 240 }}
            onSearch={(v) => setFilter('tq', v.trim() || undefined)}
          />
          <Select
            mode="multiple"
            allowClear
            placeholder={t('surveys.filter.status')}
            aria-label={t('surveys.filter.status')}
            style={{ minWidth: 200 }}
            value={filters.tstatus ?? []}
            options={TEMPLATE_STATUSES.map((s) => ({ value: s, label: t(`surveys.template.status.${s}`) }))}
            onChange={(v: SurveyTemplateStatus[]) => setFilter('tstatus', v)}
          />
        </Space>
        {can('surveys:design') && (
          <Link to="/surveys/templates/new">
            <Button type="primary" icon={<PlusOutlined />} data-testid="new-template">{t('surveys.template.new')}</Button>
          </Link>
        )}
      </Space>
      <ProblemAlert error={error} />
      <ResponsiveTable<SurveyTemplateDto>
        rowKey="id"
        size="middle"
        loading={isFetching && !data}
        dataSource={data?.items ?? []}
        data-testid="templates-table"
        locale={{ emptyText: t('surveys.template.empty') }}
        pagination={{ current: filters.page, pageSize: 20, total: data?.totalCount ?? 0, onChange: (page) => setFilter('page', page) }}
        columns={[
          { title: t('surveys.template.name'), dataIndex: 'name', render: (v: string, r) => <Link to={`/surveys/templates/${r.id}`} data-testid="template-link" style={{ fontWeight: 600 }}>{v}</Link> },
          { title: t('surveys.template.version'), dataIndex: 'templateVersion', width: 90, render: (v: number) => t('surveys.template.versionN', { version: v }) },
          { title: t('surveys.template.status'), dataIndex: 'status', width: 110, render: (v: SurveyTemplateStatus) => <TemplateStatusTag status={v} /> },
          { title: t('surveys.template.questions'), key: 'questions', width: 90, align: 'right', render: (_, r) => r.questions.length },
          { title: t('surveys.template.usedBy'), dataIndex: 'usedByCampaigns', width: 110, align: 'right' },
          { title: t('surveys.template.publishedAt'), dataIndex: 'publishedAt', width: 130, render: (v: string | null) => formatDate(locale, v) },
        ]}
      />
    </>
  );
}
