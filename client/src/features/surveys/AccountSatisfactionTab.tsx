// The account 360's Satisfaction tab (满意度): the latest NPS with its sample and the weighted NPS, CSAT, the trend
// across campaigns, the account's responses in a campaign of that trend, and its follow-ups (回访). Every figure is the
// server's (account_satisfaction, the results SQL).
import { useState } from 'react';
import { Card, Col, Empty, Row, Select, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../auth/session';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { formatDate, formatDateTime } from '../../shared/format';
import { FollowUpsList } from './FollowUpsList';
import { NpsFigure, formatScore } from './labels';
import { useAccountSatisfaction, useResponses, type BuyingRole, type NpsGroup, type SurveyResponseDto } from './surveysApi';

const groupColor: Record<NpsGroup, string> = { Promoter: 'green', Passive: 'gold', Detractor: 'red' };

export default function AccountSatisfactionTab({ accountId }: { accountId: string }) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const satisfaction = useAccountSatisfaction(accountId);
  const [campaignId, setCampaignId] = useState<string | undefined>(undefined);
  if (satisfaction.isLoading) return <Spin />;
  if (!satisfaction.data) return <ProblemAlert error={satisfaction.error} />;
  const s = satisfaction.data;
  const latest = s.latest;
  const trend = s.trend;
  const chosen = campaignId ?? latest?.campaignId ?? trend.at(-1)?.campaignId;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="account-satisfaction">
      {latest ? (
        <Card size="small" title={t('surveys.account.latest', { campaign: latest.campaignName })}>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={8}>
              <Typography.Text type="secondary">{t('surveys.nps.title')}</Typography.Text>
              <div><NpsFigure nps={{ score: latest.nps, respondents: latest.respondents, marginOfError: null }} size="large" testId="account-latest-nps" /></div>
            </Col>
            <Col xs={12} md={5}>
              <Statistic title={t('surveys.nps.weighted')} value={formatScore(latest.weightedNps)} />
            </Col>
            <Col xs={12} md={5}>
              <Statistic title={t('surveys.csat.title')} value={latest.csat === null ? '—' : `${latest.csat}%`} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('surveys.account.openFollowUps')} value={s.openFollowUps} />
              <Typography.Text type="secondary">{t('surveys.account.measuredAt', { date: formatDate(locale, latest.measuredAt) })}</Typography.Text>
            </Col>
          </Row>
        </Card>
      ) : (
        <Card size="small">
          <Empty description={t('surveys.account.none')} />
        </Card>
      )}
      {trend.length > 0 && (
        <Card size="small" title={t('surveys.results.trend')}>
          <Table
            rowKey="campaignId"
            size="small"
            pagination={false}
            dataSource={trend}
            data-testid="account-trend"
            columns={[
              { title: t('surveys.campaign.name'), dataIndex: 'name', render: (v: string, p) => (can('surveys:read') ? <Link to={`/surveys/campaigns/${p.campaignId}?tab=results`}>{v}</Link> : v) },
              { title: t('surveys.campaign.openedAt'), dataIndex: 'openedAt', width: 130, render: (v: string | null) => formatDate(locale, v) },
              { title: t('surveys.nps.title'), key: 'nps', width: 180, render: (_, p) => <NpsFigure nps={{ score: p.nps, respondents: p.respondents, marginOfError: null }} testId="account-trend-nps" /> },
              { title: t('surveys.nps.weighted'), dataIndex: 'weightedNps', width: 110, render: (v: number | null) => formatScore(v) },
              { title: t('surveys.csat.title'), dataIndex: 'csat', width: 80, render: (v: number | null) => (v === null ? '—' : `${v}%`) },
            ]}
          />
        </Card>
      )}
      {chosen && can('surveys:read') && (
        <Card
          size="small"
          title={t('surveys.account.responses')}
          extra={
            trend.length > 1 && (
              <Select
                aria-label={t('surveys.account.campaign')}
                style={{ width: 260 }}
                value={chosen}
                options={trend.map((p) => ({ value: p.campaignId, label: p.name }))}
                onChange={(v: string) => setCampaignId(v)}
              />
            )
          }
        >
          <AccountResponses campaignId={chosen} accountId={accountId} />
        </Card>
      )}
      {can('surveys:followups') && (
        <Card size="small" title={t('surveys.tab.followUps')}>
          <FollowUpsList accountId={accountId} />
        </Card>
      )}
    </Space>
  );
}

function AccountResponses({ campaignId, accountId }: { campaignId: string; accountId: string }) {
  const { t, locale } = useI18n();
  const [page, setPage] = useState(1);
  const { data, error, isFetching } = useResponses(campaignId, { accountId, page, pageSize: 20 });
  return (
    <>
      <ProblemAlert error={error} />
      <Table<SurveyResponseDto>
        rowKey="id"
        size="small"
        loading={isFetching && !data}
        dataSource={data?.items ?? []}
        data-testid="account-responses"
        locale={{ emptyText: t('surveys.account.noResponses') }}
        pagination={{ current: page, pageSize: 20, total: data?.totalCount ?? 0, showSizeChanger: false, onChange: setPage, hideOnSinglePage: true }}
        columns={[
          { title: t('surveys.contact'), dataIndex: 'contactName' },
          { title: t('surveys.buyingRole'), dataIndex: 'buyingRole', width: 110, render: (v: BuyingRole) => t(`buyingRole.${v}`) },
          { title: t('surveys.nps.answer'), dataIndex: 'nps', width: 80, align: 'right', render: (v: number | null) => (v === null ? '—' : v) },
          { title: t('surveys.nps.group'), dataIndex: 'npsGroup', width: 110, render: (v: NpsGroup | null) => (v ? <Tag color={groupColor[v]}>{t(`surveys.nps.group.${v}`)}</Tag> : '—') },
          { title: t('surveys.response.lowestRating'), dataIndex: 'lowestRating', width: 100, align: 'right', render: (v: number | null) => (v === null ? '—' : v) },
          { title: t('surveys.response.channel'), dataIndex: 'channel', width: 90, render: (v: SurveyResponseDto['channel']) => (v === 'Phone' ? <Tag icon={<PhoneOutlined />}>{t('surveys.channel.Phone')}</Tag> : t('surveys.channel.Email')) },
          { title: t('surveys.response.receivedAt'), dataIndex: 'receivedAt', width: 160, render: (v: string) => formatDateTime(locale, v) },
        ]}
      />
    </>
  );
}
