// A plan's reviews: record one (on an active plan) with a variance comment per objective beside its progress and the
// progress expected by now (the server's figures), and the decisions taken; the past reviews, newest first.
import { App as AntApp, Button, Card, Col, Collapse, DatePicker, Empty, Form, Input, Row, Space, Spin, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useParams } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../auth/session';
import { ApiProblem } from '../../shared/problem';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useFormErrors } from '../../shared/useFormErrors';
import { formatDate, formatDateTime, formatNumber } from '../../shared/format';
import { ErrorPage } from '../../shell/ErrorPages';
import { MeasureValue, PlanProgressBar, PlanStatusTag } from './labels';
import { usePlan, usePlanReviews, useRecordReview, type PlanDto, type PlanReviewDto } from './plansApi';
import { PageTitle } from '../../shell/PageTitle';
import { usePageTitle } from '../../shell/usePageTitle';

interface ReviewValues {
  heldOn: Dayjs;
  decisions: string;
  comments: Record<string, string | undefined>;
}

export default function PlanReviewsPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useSession();
  const plan = usePlan(id);
  const reviews = usePlanReviews(id);
  usePageTitle('plan.reviews', plan.data?.data.title);
  if (plan.isLoading) return <Spin style={{ display: 'block', margin: '20vh auto' }} />;
  if (plan.error instanceof ApiProblem && plan.error.status === 404) return <ErrorPage status={404} />;
  if (!plan.data) return <ProblemAlert error={plan.error} />;
  const p = plan.data.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Space wrap>
          <Link to={`/plans/${p.id}`}>← {t('plan.review.backToPlan')}</Link>
        </Space>
        <PageTitle style={{ margin: '8px 0' }}>{`${t('plan.reviews')} · ${p.title}`}</PageTitle>
        <Space wrap>
          <PlanStatusTag status={p.status} />
          <Typography.Text type="secondary">{p.accountName}</Typography.Text>
        </Space>
        <div style={{ maxWidth: 360, marginTop: 8 }}>
          <PlanProgressBar value={p.progress} />
        </div>
      </Card>
      {can('plans:write') && (p.status === 'Active' ? <RecordReview plan={p} /> : <Typography.Text type="secondary">{t('plan.review.onlyActive')}</Typography.Text>)}
      <PastReviews reviews={reviews.data ?? []} loading={reviews.isLoading} error={reviews.error} />
    </Space>
  );
}

function RecordReview({ plan: p }: { plan: PlanDto }) {
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<ReviewValues>();
  const record = useRecordReview(p.id);
  const errors = useFormErrors({ form, fields: ['heldOn', 'decisions'] });
  const submit = async (v: ReviewValues) => {
    errors.clear();
    try {
      await record.mutateAsync({
        heldOn: v.heldOn.format('YYYY-MM-DD'),
        decisions: v.decisions.trim(),
        objectives: p.objectives.map((o) => ({ objectiveId: o.id, comment: (v.comments?.[o.id] ?? '').trim() })),
      });
      message.success(t('plan.review.saved'));
      form.resetFields();
    } catch (e) {
      errors.show(e);
    }
  };
  return (
    <Card title={t('plan.review.record')} data-testid="record-review">
      <Form<ReviewValues> form={form} layout="vertical" onFinish={submit} initialValues={{ heldOn: dayjs() }}>
        <ProblemAlert error={errors.problem} extra={errors.unplaced} />
        <Form.Item name="heldOn" label={t('plan.review.heldOn')} rules={[{ required: true, message: t('plan.required.date') }]} style={{ maxWidth: 240 }}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={p.objectives}
          style={{ marginBottom: 16 }}
          columns={[
            { title: t('plan.objective'), dataIndex: 'title', width: 220 },
            { title: t('plan.actual'), dataIndex: 'actual', width: 130, align: 'right', render: (v: string | null, o) => <MeasureValue value={v} unit={o.unit} currency={o.currency} /> },
            { title: t('plan.progress'), dataIndex: 'progress', width: 160, render: (v: number | null) => <PlanProgressBar value={v} size="small" /> },
            { title: t('plan.expectedProgress'), dataIndex: 'expectedProgress', width: 110, align: 'right', render: (v: number | null) => (v === null ? '—' : `${formatNumber(locale, v)}%`) },
            {
              title: t('plan.review.comment'),
              key: 'comment',
              render: (_, o) => (
                <Form.Item name={['comments', o.id]} style={{ margin: 0 }} rules={[{ max: 2000, message: t('validation.max', { max: 2000 }) }]}>
                  <Input.TextArea rows={2} aria-label={`${t('plan.review.comment')} ${o.title}`} data-testid="review-comment" />
                </Form.Item>
              ),
            },
          ]}
        />
        <Form.Item name="decisions" label={t('plan.review.decisions')} rules={[{ required: true, whitespace: true, message: t('plan.review.required.decisions') }, { max: 4000, message: t('validation.max', { max: 4000 }) }]}>
          <Input.TextArea rows={4} data-testid="review-decisions" />
        </Form.Item>
        <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="review-submit">{t('plan.review.record')}</Button>
        </div>
      </Form>
    </Card>
  );
}

function PastReviews({ reviews, loading, error }: { reviews: PlanReviewDto[]; loading: boolean; error: unknown }) {
  const { t, locale } = useI18n();
  return (
    <Card title={t('plan.reviews')} data-testid="past-reviews">
      <ProblemAlert error={error} />
      {loading ? (
        <Spin />
      ) : reviews.length === 0 ? (
        <Empty description={t('plan.reviews.empty')} />
      ) : (
        <Collapse
          items={[...reviews]
            .sort((a, b) => b.heldOn.localeCompare(a.heldOn))
            .map((r) => ({
              key: r.id,
              label: (
                <Row gutter={16} style={{ width: '100%' }}>
                  <Col span={6}>{formatDate(locale, r.heldOn)}</Col>
                  <Col span={6}>{r.byName ?? t('common.none')}</Col>
                  <Col span={12}><PlanProgressBar value={r.progress} size="small" /></Col>
                </Row>
              ),
              children: (
                <>
                  <Table
                    rowKey="objectiveId"
                    size="small"
                    pagination={false}
                    dataSource={r.objectives}
                    columns={[
                      { title: t('plan.objective'), dataIndex: 'title', width: 220 },
                      { title: t('plan.progress'), dataIndex: 'progress', width: 100, align: 'right', render: (v: number | null) => (v === null ? '—' : `${formatNumber(locale, v)}%`) },
                      { title: t('plan.expectedProgress'), dataIndex: 'expectedProgress', width: 110, align: 'right', render: (v: number | null) => (v === null ? '—' : `${formatNumber(locale, v)}%`) },
                      { title: t('plan.review.comment'), dataIndex: 'comment', render: (v: string | null) => <span style={{ whiteSpace: 'pre-wrap' }}>{v || '—'}</span> },
                    ]}
                  />
                  <Typography.Title level={5} style={{ marginTop: 12 }}>{t('plan.review.decisions')}</Typography.Title>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{r.decisions}</Typography.Paragraph>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(locale, r.createdAt)}</Typography.Text>
                </>
              ),
            }))}
        />
      )}
    </Card>
  );
}
