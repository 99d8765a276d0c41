// The account 360's Plan tab: the plan in force (or the one being drafted) with the server's progress, objectives,
// open initiatives and their overdue flags, the next review; the account's other plans and versions; and, when the
// tier's programme requires a plan and none is in force, the server's reason (accounts-needing-plan) with a way to
// draft one. Everything shown is what the server computed: nothing here derives progress, overdue or the need.
import { Alert, Button, Card, Descriptions, Empty, Space, Spin, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../auth/session';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { formatDate } from '../../shared/format';
import { InitiativeStatusTag, MeasureValue, PlanProgressBar, PlanStatusTag } from '../plans/labels';
import {
  useAccountsNeedingPlan,
  usePlan,
  usePlans,
  type AccountNeedingPlanDto,
  type PlanInitiativeDto,
  type PlanObjectiveDto,
  type PlanStatus,
  type PlanSummaryDto,
} from '../plans/plansApi';

/** Which of the account's plans the tab leads with, by the server's status: in force, else approved, else in the works. */
const CURRENT_ORDER: PlanStatus[] = ['Active', 'Approved', 'Submitted', 'Draft'];

export function currentPlan(items: readonly PlanSummaryDto[]): PlanSummaryDto | undefined {
  for (const status of CURRENT_ORDER) {
    const found = items.find((p) => p.status === status);
    if (found) return found;
  }
  return undefined;
}

export function AccountPlanTab({ accountId }: { accountId: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const plans = usePlans({ accountId, sort: 'updatedAt', direction: 'desc', page: 1, pageSize: 50 });
  const need = useAccountsNeedingPlan({ accountId, page: 1, pageSize: 1 });
  const items = plans.data?.items ?? [];
  const current = currentPlan(items);
  const others = items.filter((p) => p !== current);
  const needRow = need.data?.items.find((r) => r.accountId === accountId);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="account-plan">
      <ProblemAlert error={plans.error ?? need.error} />
      {needRow && <NeedsPlanAlert row={needRow} canCreate={can('plans:write')} />}
      {plans.isLoading ? (
        <Spin />
      ) : current ? (
        <CurrentPlan summary={current} />
      ) : (
        <Card size="small">
          <Empty description={t('account.plan.none')}>
            {can('plans:write') && !needRow && <CreatePlanButton accountId={accountId} />}
          </Empty>
        </Card>
      )}
      {others.length > 0 && (
        <Card size="small" title={<Typography.Title level={5} style={{ margin: 0 }}>{t('account.plan.others')}</Typography.Title>}>
          <Table<PlanSummaryDto>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={others}
            data-testid="account-plan-others"
            columns={[
              { title: t('plan.plan'), dataIndex: 'title', render: (v: string, r) => <Link to={`/plans/${r.id}`}>{v}</Link> },
              { title: t('plan.status'), dataIndex: 'status', width: 120, render: (v: PlanStatus) => <PlanStatusTag status={v} /> },
              { title: t('plan.versionColumn'), dataIndex: 'planVersion', width: 80 },
              { title: t('plan.progress'), dataIndex: 'progress', width: 180, render: (v: number | null) => <PlanProgressBar value={v} size="small" /> },
              { title: t('plan.period'), key: 'period', width: 220, render: (_, r) => <Period start={r.startDate} end={r.endDate} /> },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}

function CreatePlanButton({ accountId }: { accountId: string }) {
  const { t } = useI18n();
  return (
    <Link to={`/plans/new?accountId=${accountId}`} data-testid="account-plan-create">
      <Button type="primary" icon={<PlusOutlined />}>{t('account.plan.create')}</Button>
    </Link>
  );
}

/** The tier programme asks for a plan and none is in force: the server's reason, the plan it is about, and "create plan". */
function NeedsPlanAlert({ row, canCreate }: { row: AccountNeedingPlanDto; canCreate: boolean }) {
  const { t, locale } = useI18n();
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="account-plan-needed"
      data-reason={row.reason}
      title={t('account.plan.needed', { tier: t(`tier.${row.tier}`) })}
      description={
        <Space orientation="vertical" size={4}>
          <span>{t(`account.plan.needed.${row.reason}`, { end: formatDate(locale, row.planEndDate) })}</span>
          {row.planId && <Link to={`/plans/${row.planId}`}>{t('plan.needing.openPlan')}</Link>}
        </Space>
      }
      action={canCreate ? <CreatePlanButton accountId={row.accountId} /> : undefined}
    />
  );
}

function Period({ start, end }: { start: string; end: string }) {
  const { locale } = useI18n();
  return <>{`${formatDate(locale, start)} – ${formatDate(locale, end)}`}</>;
}

/** The plan the tab leads with: its header from the list, its objectives and open initiatives from the plan itself. */
function CurrentPlan({ summary: s }: { summary: PlanSummaryDto }) {
  const { t, locale } = useI18n();
  const plan = usePlan(s.id);
  const doc = plan.data?.data;
  // The initiatives still to do (Done ones are done), soonest due first; the overdue flag is the server's.
  const open = (doc?.initiatives ?? []).filter((i) => i.status !== 'Done').sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  return (
    <Card
      size="small"
      data-testid="account-plan-current"
      title={
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            <Link to={`/plans/${s.id}`} data-testid="account-plan-title">{s.title}</Link>
          </Typography.Title>
          <PlanStatusTag status={s.status} testId="account-plan-status" />
          <Tag>{t('plan.version', { version: s.planVersion })}</Tag>
        </Space>
      }
    >
      <div style={{ maxWidth: 420 }}>
        <PlanProgressBar value={s.progress} testId="account-plan-progress" />
      </div>
      <Descriptions size="small" column={{ xs: 1, md: 4 }} style={{ marginTop: 8 }}>
        <Descriptions.Item label={t('plan.period')}><Period start={s.startDate} end={s.endDate} /></Descriptions.Item>
        <Descriptions.Item label={t('plan.owner')}>{s.ownerName ?? t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('plan.initiatives')}>{t('plan.initiativesDone', { done: s.initiativesDone, total: s.initiativesTotal })}</Descriptions.Item>
        <Descriptions.Item label={t('plan.nextReview')}>
          <Space size={4}>
            <span data-testid="account-plan-next-review">{formatDate(locale, s.nextReviewDue)}</span>
            {s.reviewDue && <Tag color="orange">{t('plan.reviewDue')}</Tag>}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <ProblemAlert error={plan.error} />
      {plan.isLoading && <Spin />}
      {doc && (
        <>
          <Typography.Title level={5}>{t('plan.objectives')}</Typography.Title>
          <Table<PlanObjectiveDto>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={doc.objectives}
            locale={{ emptyText: t('plan.objectives.empty') }}
            data-testid="account-plan-objectives"
            columns={[
              { title: t('plan.objective'), dataIndex: 'title' },
              { title: t('account.plan.target'), key: 'target', width: 160, render: (_, o) => <MeasureValue value={o.target} unit={o.unit} currency={o.currency} /> },
              { title: t('account.plan.actual'), key: 'actual', width: 160, render: (_, o) => <MeasureValue value={o.actual} unit={o.unit} currency={o.currency} /> },
              { title: t('plan.progress'), dataIndex: 'progress', width: 200, render: (v: number | null) => <PlanProgressBar value={v} size="small" /> },
              { title: t('account.plan.due'), dataIndex: 'dueDate', width: 120, render: (v: string) => formatDate(locale, v) },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('account.plan.openInitiatives')}</Typography.Title>
          <Table<PlanInitiativeDto>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={open}
            locale={{ emptyText: t('account.plan.noOpenInitiatives') }}
            data-testid="account-plan-initiatives"
            columns={[
              { title: t('plan.initiative'), dataIndex: 'title' },
              { title: t('plan.initiative.owner'), dataIndex: 'ownerName', width: 140, render: (v: string | null) => v ?? t('common.none') },
              { title: t('plan.initiative.status'), dataIndex: 'status', width: 120, render: (_, i) => <InitiativeStatusTag status={i.status} /> },
              {
                title: t('account.plan.due'),
                dataIndex: 'dueDate',
                width: 200,
                render: (v: string, i) => (
                  <Space size={4}>
                    <span>{formatDate(locale, v)}</span>
                    {i.overdue && <Tag color="red" data-testid="initiative-overdue">{t('plan.initiative.overdue')}</Tag>}
                  </Space>
                ),
              },
              { title: t('plan.initiative.complaints'), key: 'complaints', width: 120, render: (_, i) => i.complaints.length || '' },
            ]}
          />
        </>
      )}
    </Card>
  );
}
