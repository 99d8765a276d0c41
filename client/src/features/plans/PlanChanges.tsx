// What a plan version changes against the previous version's approved baseline (GET /{id}/changes): the header
// fields before and after, and each objective and initiative added, removed or changed. The server computes the diff.
import { Empty, Spin, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { usePlanChanges, type ChangeKind, type ItemChangeDto } from './plansApi';

const changeColor: Record<ChangeKind, string> = { Added: 'green', Removed: 'red', Changed: 'gold', Unchanged: 'default' };

export function ChangeTag({ change }: { change: ChangeKind }) {
  const { t } = useI18n();
  return <Tag color={changeColor[change]}>{t(`plan.change.${change}`)}</Tag>;
}

const text = (v: string | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v);

export function PlanChanges({ planId }: { planId: string }) {
  const { t } = useI18n();
  const changes = usePlanChanges(planId);
  if (changes.isLoading) return <Spin />;
  if (!changes.data) return <ProblemAlert error={changes.error} />;
  const c = changes.data;
  if (!c.previousVersionId) return <Typography.Paragraph type="secondary" data-testid="changes-first">{t('plan.changes.first')}</Typography.Paragraph>;
  const items = (title: string, list: ItemChangeDto[], testId: string) => {
    const changed = list.filter((i) => i.change !== 'Unchanged');
    return (
      <>
        <Typography.Title level={5}>{title}</Typography.Title>
        {changed.length === 0 ? (
          <Typography.Paragraph type="secondary">{t('plan.changes.none')}</Typography.Paragraph>
        ) : (
          <Table<ItemChangeDto>
            rowKey={(r) => `${r.id ?? ''}-${r.title}-${r.change}`}
            size="small"
            pagination={false}
            dataSource={changed}
            data-testid={testId}
            columns={[
              { title: '', dataIndex: 'change', width: 90, render: (v: ChangeKind) => <ChangeTag change={v} /> },
              { title: t('plan.title'), dataIndex: 'title', width: 200 },
              { title: t('plan.changes.before'), dataIndex: 'before', render: (v: string | null) => <span style={{ whiteSpace: 'pre-wrap' }}>{text(v)}</span> },
              { title: t('plan.changes.after'), dataIndex: 'after', render: (v: string | null) => <span style={{ whiteSpace: 'pre-wrap' }}>{text(v)}</span> },
            ]}
          />
        )}
      </>
    );
  };
  return (
    <div data-testid="plan-changes">
      <Typography.Paragraph type="secondary">{t('plan.changes.against', { version: c.previousPlanVersion ?? '?' })}</Typography.Paragraph>
      <Typography.Title level={5}>{t('plan.changes.field')}</Typography.Title>
      {c.fields.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plan.changes.none')} />
      ) : (
        <Table
          rowKey="path"
          size="small"
          pagination={false}
          dataSource={c.fields}
          data-testid="changes-fields"
          columns={[
            { title: t('plan.changes.field'), dataIndex: 'path', width: 200 },
            { title: t('plan.changes.before'), dataIndex: 'before', render: (v: string | null) => <span style={{ whiteSpace: 'pre-wrap' }}>{text(v)}</span> },
            { title: t('plan.changes.after'), dataIndex: 'after', render: (v: string | null) => <span style={{ whiteSpace: 'pre-wrap' }}>{text(v)}</span> },
          ]}
        />
      )}
      {items(t('plan.objectives'), c.objectives, 'changes-objectives')}
      {items(t('plan.initiatives'), c.initiatives, 'changes-initiatives')}
    </div>
  );
}
