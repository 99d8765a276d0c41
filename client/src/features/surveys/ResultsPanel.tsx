// A campaign's results (the server's figures, computed in SQL and SurveyScores): response rate, NPS always with its
// sample ("n = …, ± …") and the weighted NPS beside it, CSAT, revenue coverage, each question's distribution (bars
// with their counts and shares written out: never colour alone), breakdowns by tier and segment, the trend across the
// campaign's predecessors, the accounts, and the text answers.
import { useState } from 'react';
import { Card, Col, Empty, List, Row, Select, Space, Spin, Statistic, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../auth/session';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { TierTag } from '../../shared/TierTag';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../../shared/format';
import type { Tier } from '../../api/client';
import { NpsFigure, formatScore } from './labels';
import { localized } from './model';
import { useReferenceLabels } from '../../shared/referenceData';
import {
  useCampaign,
  useResultAccounts,
  useResults,
  useTemplate,
  useTextAnswers,
  type AccountResultDto,
  type BreakdownDto,
  type BuyingRole,
  type NpsDto,
  type QuestionResultDto,
  type SurveyQuestionDto,
  type TextAnswerDto,
  type TrendPointDto,
} from './surveysApi';

const percent = (locale: string, value: number | null | undefined, digits = 1) =>
  value === null || value === undefined ? '—' : `${new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value)}%`;

export default function ResultsPanel({ campaignId }: { campaignId: string }) {
  const { t, locale } = useI18n();
  const { label: segmentLabel } = useReferenceLabels();
  const results = useResults(campaignId);
  const campaign = useCampaign(campaignId);
  const template = useTemplate(campaign.data?.data.templateId);
  if (results.isLoading) return <Spin />;
  if (!results.data) return <ProblemAlert error={results.error} />;
  const r = results.data;
  const questionsById = new Map((template.data?.data.questions ?? []).map((q) => [q.id, q]));
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="results">
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12} lg={6}>
          <Card size="small">
            <Statistic title={t('surveys.results.responseRate')} value={percent(locale, r.responseRate)} />
            <Typography.Text type="secondary" data-testid="results-responded">{t('surveys.results.respondedOf', { responded: formatNumber(locale, r.responded), invited: formatNumber(locale, r.invited) })}</Typography.Text>
          </Card>
        </Col>
        <Col xs={24} md={12} lg={6}>
          <Card size="small" title={t('surveys.nps.title')}>
            <NpsFigure nps={r.nps} size="large" testId="results-nps" />
            <div style={{ marginTop: 4 }} data-testid="results-weighted-nps">
              <Typography.Text type="secondary">{t('surveys.nps.weighted')}: </Typography.Text>
              <Typography.Text strong>{formatScore(r.weightedNps)}</Typography.Text>
            </div>
            <NpsGroups nps={r.nps} />
          </Card>
        </Col>
        <Col xs={24} md={12} lg={6}>
          <Card size="small" title={t('surveys.csat.title')}>
            <span style={{ fontSize: 28, fontWeight: 600 }} data-testid="results-csat">{percent(locale, r.csat.score, 0)}</span>
            <div>
              <Typography.Text type="secondary">{t('surveys.csat.sample', { satisfied: r.csat.satisfied, ratings: r.csat.ratings })}</Typography.Text>
            </div>
          </Card>
        </Col>
        <Col xs={24} md={12} lg={6}>
          <Card size="small" title={t('surveys.results.revenueCoverage')}>
            <span style={{ fontSize: 28, fontWeight: 600 }} data-testid="results-coverage">{percent(locale, r.revenueCoverage.percent)}</span>
            <div>
              <Typography.Text type="secondary">
                {t('surveys.results.coverageOf', { responding: formatMoney(locale, r.revenueCoverage.respondingRevenue), invited: formatMoney(locale, r.revenueCoverage.invitedRevenue) })}
              </Typography.Text>
            </div>
          </Card>
        </Col>
      </Row>

      <Card size="small" title={t('surveys.results.questions')}>
        {r.questions.length === 0 ? (
          <Empty description={t('surveys.results.noAnswers')} />
        ) : (
          <Row gutter={[24, 24]}>
            {[...r.questions].sort((a, b) => a.position - b.position).map((q) => (
              <Col key={q.questionId} xs={24} lg={12}>
                <QuestionDistribution question={q} definition={questionsById.get(q.questionId)} />
              </Col>
            ))}
          </Row>
        )}
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Breakdown title={t('surveys.results.byTier')} rows={r.byTier} testId="results-by-tier" renderKey={(key) => (isTier(key) ? <TierTag tier={key} /> : key)} />
        </Col>
        <Col xs={24} lg={12}>
          <Breakdown title={t('surveys.results.bySegment')} rows={r.bySegment} testId="results-by-segment" renderKey={(key) => (key ? segmentLabel('Segment', key) : t('common.none'))} />
        </Col>
      </Row>

      <Trend points={r.trend} current={campaignId} />
      <AccountsTable campaignId={campaignId} />
      <TextAnswers campaignId={campaignId} questions={r.questions.filter((q) => q.type === 'Text')} />
    </Space>
  );
}

const TIER_KEYS = ['Strategic', 'Key', 'Growth', 'Standard'];
const isTier = (key: string): key is Tier => TIER_KEYS.includes(key);

/** Promoters, passives and detractors as the server counted them. */
function NpsGroups({ nps }: { nps: NpsDto }) {
  const { t } = useI18n();
  return (
    <Space size={12} wrap style={{ marginTop: 8 }} data-testid="results-nps-groups">
      <span>{t('surveys.nps.promoters')}: <strong>{nps.promoters}</strong></span>
      <span>{t('surveys.nps.passives')}: <strong>{nps.passives}</strong></span>
      <span>{t('surveys.nps.detractors')}: <strong>{nps.detractors}</strong></span>
    </Space>
  );
}

/** One question's answers as a table of bars: each row says its value, its count and its share in text. */
function QuestionDistribution({ question: q, definition }: { question: QuestionResultDto; definition?: SurveyQuestionDto }) {
  const { t, locale } = useI18n();
  const total = q.distribution.reduce((sum, d) => sum + d.count, 0);
  const max = Math.max(1, ...q.distribution.map((d) => d.count));
  const label = (value: string) => {
    const choice = definition?.choices.find((c) => c.key === value);
    return choice ? localized(choice.label, locale) : value;
  };
  return (
    <div data-testid="question-result" data-question={q.questionId}>
      <Typography.Text strong>{q.position}. {localized(q.text, locale)}</Typography.Text>
      <div>
        <Typography.Text type="secondary">
          {t(`surveys.questionType.${q.type}`)} · {t('surveys.results.answered', { n: q.answered })}
          {q.average !== null && ` · ${t('surveys.results.average', { value: new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(q.average) })}`}
          {q.type === 'Text' && ` · ${t('surveys.results.textAnswers', { n: q.textAnswers })}`}
        </Typography.Text>
      </div>
      {q.distribution.length > 0 && (
        <table style={{ width: '100%', borderCollapse: 'collapse', marginTop: 8 }} aria-label={localized(q.text, locale)}>
          <thead>
            <tr style={{ fontSize: 12, color: '#595959', textAlign: 'left' }}>
              <th scope="col" style={{ width: '30%', fontWeight: 400 }}>{t('surveys.results.answer')}</th>
              <th scope="col" style={{ fontWeight: 400 }}>{t('surveys.results.share')}</th>
              <th scope="col" style={{ width: 90, fontWeight: 400, textAlign: 'right' }}>{t('surveys.results.count')}</th>
            </tr>
          </thead>
          <tbody>
            {q.distribution.map((d) => {
              const share = total ? (d.count / total) * 100 : 0;
              return (
                <tr key={d.value} data-testid="distribution-row" data-value={d.value}>
                  <th scope="row" style={{ fontWeight: 400, textAlign: 'left', padding: '2px 8px 2px 0' }}>{label(d.value)}</th>
                  <td style={{ padding: '2px 0' }}>
                    <div aria-hidden="true" style={{ background: '#1456c7', height: 12, width: `${(d.count / max) * 100}%`, minWidth: d.count ? 2 : 0, borderRadius: 2 }} />
                  </td>
                  <td style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
                    {d.count} ({percent(locale, share, 0)})
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}

function Breakdown({ title, rows, testId, renderKey }: { title: string; rows: BreakdownDto[]; testId: string; renderKey: (key: string) => React.ReactNode }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={title}>
      <Table<BreakdownDto>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        data-testid={testId}
        columns={[
          { title: '', dataIndex: 'key', render: renderKey },
          { title: t('surveys.results.respondedShort'), key: 'responded', width: 110, render: (_, b) => `${b.responded} / ${b.invited}` },
          { title: t('surveys.nps.title'), key: 'nps', width: 200, render: (_, b) => <NpsFigure nps={b.nps} testId="breakdown-nps" /> },
          { title: t('surveys.csat.title'), dataIndex: 'csat', width: 80, render: (v: number | null) => (v === null ? '—' : `${v}%`) },
        ]}
      />
    </Card>
  );
}

function Trend({ points, current }: { points: TrendPointDto[]; current: string }) {
  const { t, locale } = useI18n();
  return (
    <Card size="small" title={t('surveys.results.trend')}>
      <Table<TrendPointDto>
        rowKey="campaignId"
        size="small"
        pagination={false}
        dataSource={points}
        data-testid="results-trend"
        rowClassName={(p) => (p.campaignId === current ? 'ant-table-row-selected' : '')}
        columns={[
          { title: t('surveys.campaign.name'), dataIndex: 'name', render: (v: string, p) => (p.campaignId === current ? <strong>{v}</strong> : <Link to={`/surveys/campaigns/${p.campaignId}?tab=results`}>{v}</Link>) },
          { title: t('surveys.campaign.openedAt'), dataIndex: 'openedAt', width: 130, render: (v: string | null) => formatDate(locale, v) },
          { title: t('surveys.nps.title'), key: 'nps', width: 200, render: (_, p) => <NpsFigure nps={{ score: p.nps, respondents: p.respondents, marginOfError: p.marginOfError }} testId="trend-nps" /> },
          { title: t('surveys.nps.weighted'), dataIndex: 'weightedNps', width: 110, render: (v: number | null) => formatScore(v) },
          { title: t('surveys.csat.title'), dataIndex: 'csat', width: 80, render: (v: number | null) => (v === null ? '—' : `${v}%`) },
        ]}
      />
    </Card>
  );
}

function AccountsTable({ campaignId }: { campaignId: string }) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const [page, setPage] = useState(1);
  const { data, error, isFetching } = useResultAccounts(campaignId, page);
  return (
    <Card size="small" title={t('surveys.results.accounts')}>
      <ProblemAlert error={error} />
      <Table<AccountResultDto>
        rowKey="accountId"
        size="small"
        loading={isFetching && !data}
        dataSource={data?.items ?? []}
        data-testid="results-accounts"
        scroll={{ x: 900 }}
        pagination={{ current: page, pageSize: 20, total: data?.totalCount ?? 0, showSizeChanger: false, onChange: setPage }}
        columns={[
          { title: t('surveys.account'), dataIndex: 'accountName', render: (v: string, a) => (can('accounts:read') ? <Link to={`/accounts/${a.accountId}?tab=satisfaction`}>{v}</Link> : v) },
          { title: t('surveys.tier'), dataIndex: 'tier', width: 100, render: (v: Tier) => <TierTag tier={v} /> },
          { title: t('surveys.results.respondedShort'), key: 'responded', width: 100, render: (_, a) => `${a.responded} / ${a.invited}` },
          { title: t('surveys.nps.title'), key: 'nps', width: 200, render: (_, a) => <NpsFigure nps={a.nps} testId="account-nps" /> },
          { title: t('surveys.nps.weighted'), dataIndex: 'weightedNps', width: 100, render: (v: number | null) => formatScore(v) },
          { title: t('surveys.csat.title'), dataIndex: 'csat', width: 80, render: (v: number | null) => (v === null ? '—' : `${v}%`) },
          { title: t('surveys.results.revenue'), dataIndex: 'revenue', width: 140, align: 'right', render: (v: number | string) => formatMoney(locale, v) },
        ]}
      />
    </Card>
  );
}

function TextAnswers({ campaignId, questions }: { campaignId: string; questions: QuestionResultDto[] }) {
  const { t, locale } = useI18n();
  const [questionId, setQuestionId] = useState<string | undefined>(questions[0]?.questionId);
  const [page, setPage] = useState(1);
  const { data, error, isFetching } = useTextAnswers(campaignId, questionId, page);
  if (questions.length === 0) return null;
  return (
    <Card
      size="small"
      title={t('surveys.results.texts')}
      extra={
        questions.length > 1 && (
          <Select
            aria-label={t('surveys.results.textQuestion')}
            style={{ width: 320 }}
            value={questionId}
            options={questions.map((q) => ({ value: q.questionId, label: `${q.position}. ${localized(q.text, locale)}` }))}
            onChange={(v: string) => {
              setQuestionId(v);
              setPage(1);
            }}
          />
        )
      }
    >
      <ProblemAlert error={error} />
      <List<TextAnswerDto>
        loading={isFetching && !data}
        dataSource={data?.items ?? []}
        data-testid="results-texts"
        locale={{ emptyText: t('surveys.results.noTexts') }}
        pagination={data && data.totalCount > 20 ? { current: page, pageSize: 20, total: data.totalCount, onChange: setPage } : false}
        renderItem={(a) => (
          <List.Item key={a.responseId}>
            <List.Item.Meta
              title={<Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{a.text}</Typography.Paragraph>}
              description={`${a.accountName} · ${a.contactName} · ${t(`buyingRole.${a.buyingRole as BuyingRole}`)} · ${formatDateTime(locale, a.receivedAt)}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
