// A Director's approval inbox: the submitted plans, oldest first; the chosen one with what it changes against the
// previous version's baseline, its progress and header, and the approve / reject buttons.
import { Card, Col, Descriptions, Empty, List, Row, Space, Spin, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { StaleVersionAlert, useStaleVersion } from '../../shared/StaleVersion';
import { urlFilter, useUrlFilters } from '../../shared/useUrlFilters';
import { TierTag } from '../../shared/TierTag';
import { formatDate, formatDateTime } from '../../shared/format';
import { PlanActions } from './PlanActions';
import { PlanChanges } from './PlanChanges';
import { PlanStatusTag } from './labels';
import { usePlan, usePlans } from './plansApi';

const INBOX = { plan: urlFilter.text() };

export function ApprovalInbox() {
  const { t, locale } = useI18n();
  const { filters, setFilter } = useUrlFilters(INBOX);
  const submitted = usePlans({ status: ['Submitted'], sort: 'updatedAt', direction: 'asc', page: 1, pageSize: 100 });
  const items = submitted.data?.items ?? [];
  const chosen = filters.plan ?? items[0]?.id;
  return (
    <Row gutter={16}>
      <Col xs={24} lg={8}>
        <ProblemAlert error={submitted.error} />
        <List
          bordered
          loading={submitted.isLoading}
          dataSource={items}
          data-testid="inbox-list"
          locale={{ emptyText: t('plan.inbox.empty') }}
          renderItem={(p) => (
            <List.Item
              onClick={() => setFilter('plan', p.id)}
              style={{ cursor: 'pointer', background: p.id === chosen ? '#e6f0ff' : undefined }}
              data-testid="inbox-item"
            >
              <List.Item.Meta
                title={
                  <Space size={4} wrap>
                    <span>{p.title}</span>
                    <Typography.Text type="secondary">{t('plan.version', { version: p.planVersion })}</Typography.Text>
                  </Space>
                }
                description={
                  <Space size={4} wrap>
                    <span>{p.accountName}</span>
                    <TierTag tier={p.accountTier} />
                    <span>{p.ownerName}</span>
                    <span>{formatDate(locale, p.updatedAt)}</span>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Col>
      <Col xs={24} lg={16}>{chosen ? <InboxPlan id={chosen} /> : !submitted.isLoading && <Empty description={t('plan.inbox.pick')} />}</Col>
    </Row>
  );
}

function InboxPlan({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const plan = usePlan(id);
  const stale = useStaleVersion(() => plan.refetch(), { atOnce: true });
  if (plan.isLoading) return <Spin />;
  if (!plan.data) return <ProblemAlert error={plan.error} />;
  const p = plan.data.data;
  return (
    <Card
      data-testid="inbox-plan"
      title={
        <Space wrap>
          <Link to={`/plans/${p.id}`}>{p.title}</Link>
          <PlanStatusTag status={p.status} testId="inbox-plan-status" />
        </Space>
      }
      extra={<PlanActions plan={p} etag={plan.data.etag} stale={stale} reload={() => plan.refetch()} />}
    >
      <StaleVersionAlert state={stale} title={t('plan.stale.title')} description={t('plan.stale.body')} />
      <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('plan.account')}>{p.accountName}</Descriptions.Item>
        <Descriptions.Item label={t('plan.owner')}>{p.ownerName ?? t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('plan.period')}>{`${formatDate(locale, p.startDate)} – ${formatDate(locale, p.endDate)}`}</Descriptions.Item>
        <Descriptions.Item label={t('plan.submitted')}>{formatDateTime(locale, p.submittedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('plan.valueProposition')} span={2}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{p.valueProposition}</span>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{t('plan.changes')}</Typography.Title>
      <PlanChanges planId={p.id} />
    </Card>
  );
}
