// The account 360's plan tab: the account's plans, the one in force (or the latest) with its progress, and a way to
// draft one. Which plan is "in force" is the server's status: the first Active, else Approved, else the newest.
import { Button, Card, Descriptions, Empty, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../auth/session';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { formatDate } from '../../shared/format';
import { PlanProgressBar, PlanStatusTag } from './labels';
import { usePlans, type PlanStatus, type PlanSummaryDto } from './plansApi';

export function AccountPlansPanel({ accountId }: { accountId: string }) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const plans = usePlans({ accountId, sort: 'updatedAt', direction: 'desc', page: 1, pageSize: 50 }, can('plans:read'));
  if (!can('plans:read')) return null;
  const items = plans.data?.items ?? [];
  const current = items.find((p) => p.status === 'Active') ?? items.find((p) => p.status === 'Approved') ?? items[0];
  return (
    <div data-testid="account-plans">
      <ProblemAlert error={plans.error} />
      {can('plans:write') && (
        <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 8 }}>
          <Link to={`/plans/new?accountId=${accountId}`}>
            <Button icon={<PlusOutlined />}>{t('plans.new')}</Button>
          </Link>
        </div>
      )}
      {!plans.isLoading && items.length === 0 ? (
        <Empty description={t('plan.account.none')} />
      ) : (
        <>
          {current && (
            <Card size="small" title={t('plan.account.current')} style={{ marginBottom: 12 }}>
              <Space wrap style={{ marginBottom: 8 }}>
                <Link to={`/plans/${current.id}`} style={{ fontWeight: 600 }}>{current.title}</Link>
                <PlanStatusTag status={current.status} />
              </Space>
              <div style={{ maxWidth: 420 }}>
                <PlanProgressBar value={current.progress} testId="account-plan-progress" />
              </div>
              <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 8 }}>
                <Descriptions.Item label={t('plan.period')}>{`${formatDate(locale, current.startDate)} – ${formatDate(locale, current.endDate)}`}</Descriptions.Item>
                <Descriptions.Item label={t('plan.initiatives')}>{t('plan.initiativesDone', { done: current.initiativesDone, total: current.initiativesTotal })}</Descriptions.Item>
                <Descriptions.Item label={t('plan.nextReview')}>{formatDate(locale, current.nextReviewDue)}</Descriptions.Item>
              </Descriptions>
            </Card>
          )}
          <Typography.Text type="secondary">{t('plan.account.all')}</Typography.Text>
          <Table<PlanSummaryDto>
            rowKey="id"
            size="small"
            loading={plans.isLoading}
            pagination={false}
            dataSource={items}
            columns={[
              { title: t('plan.plan'), dataIndex: 'title', render: (v: string, r) => <Link to={`/plans/${r.id}`}>{v}</Link> },
              { title: t('plan.status'), dataIndex: 'status', width: 120, render: (v: PlanStatus) => <PlanStatusTag status={v} /> },
              { title: t('plan.versionColumn'), dataIndex: 'planVersion', width: 80 },
              { title: t('plan.progress'), dataIndex: 'progress', width: 180, render: (v: number | null) => <PlanProgressBar value={v} size="small" /> },
              { title: t('plan.period'), key: 'period', width: 220, render: (_, r) => `${formatDate(locale, r.startDate)} – ${formatDate(locale, r.endDate)}` },
            ]}
          />
        </>
      )}
    </div>
  );
}
