// What a plan version changes against the previous version's approved baseline (GET /{id}/changes): the header
// fields before and after, and each objective and initiative added, removed or changed. The server computes the diff.
import { Empty, Spin, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { ProblemAlert } from '../../shared/ProblemAlert';
import type { Translate } from '../../i18n/I18nProvider';
import { formatDate, formatMoney, formatNumber } from '../../shared/format';
import { formatMeasure } from './labels';
import { usePlanChanges, type ChangeKind, type PlanInitiativeChangeDto, type PlanInitiativeTermsDto, type PlanObjectiveChangeDto, type PlanObjectiveTermsDto } from './plansApi';

const changeColor: Record<ChangeKind, string> = { Added: 'green', Removed: 'red', Changed: 'gold', Unchanged: 'default' };

export function ChangeTag({ change }: { change: ChangeKind }) {
  const { t } = useI18n();
  return <Tag color={changeColor[change]}>{t(`plan.change.${change}`)}</Tag>;
}

const text = (v: string | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v);

/** An objective's terms on one line: its measure from baseline to target, its source and due date. */
export function objectiveTerms(o: PlanObjectiveTermsDto | null, t: Translate, locale: string) {
  if (!o) return '—';
  return [
    o.title,
    `${t('plan.baselineValue')} ${formatMeasure(locale, o.baseline, o.unit, o.currency)} → ${t('plan.target')} ${formatMeasure(locale, o.target, o.unit, o.currency)}`,
    `${t(`plan.source.${o.source}`)} · ${t(`plan.direction.${o.direction}`)}`,
    `${t('plan.dueDate')} ${formatDate(locale, o.dueDate)}`,
  ].join('\n');
}

/** An initiative's terms on one line: department, due date, the objective it serves, budget and person-days. */
export function initiativeTerms(i: PlanInitiativeTermsDto | null, t: Translate, locale: string) {
  if (!i) return '—';
  return [
    i.title,
    `${t(`complaint.department.${i.department}`)} · ${t('plan.dueDate')} ${formatDate(locale, i.dueDate)}`,
    i.objectiveTitle ? `→ ${i.objectiveTitle}` : null,
    i.budget ? `${t('plan.initiative.budget')} ${formatMoney(locale, i.budget.amount, i.budget.currency)}` : null,
    i.personDays !== null ? `${t('plan.initiative.personDays')} ${formatNumber(locale, i.personDays)}` : null,
  ]
    .filter(Boolean)
    .join('\n');
}

type ItemChange = (PlanObjectiveChangeDto | PlanInitiativeChangeDto) & { beforeText: string; afterText: string };

export function PlanChanges({ planId }: { planId: string }) {
  const { t, locale } = useI18n();
  const changes = usePlanChanges(planId);
  if (changes.isLoading) return <Spin />;
  if (!changes.data) return <ProblemAlert error={changes.error} />;
  const c = changes.data;
  if (!c.previousVersionId) return <Typography.Paragraph type="secondary" data-testid="changes-first">{t('plan.changes.first')}</Typography.Paragraph>;
  const items = (title: string, list: ItemChange[], testId: string) => {
    const changed = list.filter((i) => i.change !== 'Unchanged');
    return (
      <>
        <Typography.Title level={5}>{title}</Typography.Title>
        {changed.length === 0 ? (
          <Typography.Paragraph type="secondary">{t('plan.changes.none')}</Typography.Paragraph>
        ) : (
          <Table<ItemChange>
            rowKey={(r) => `${r.id ?? ''}-${r.title}-${r.change}`}
            size="small"
            pagination={false}
            dataSource={changed}
            data-testid={testId}
            columns={[
              { title: '', dataIndex: 'change', width: 90, render: (v: ChangeKind) => <ChangeTag change={v} /> },
              { title: t('plan.title'), dataIndex: 'title', width: 200 },
              { title: t('plan.changes.before'), dataIndex: 'beforeText', render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> },
              { title: t('plan.changes.after'), dataIndex: 'afterText', render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> },
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
      {items(
        t('plan.objectives'),
        c.objectives.map((o) => ({ ...o, beforeText: objectiveTerms(o.before, t, locale), afterText: objectiveTerms(o.after, t, locale) })),
        'changes-objectives',
      )}
      {items(
        t('plan.initiatives'),
        c.initiatives.map((i) => ({ ...i, beforeText: initiativeTerms(i.before, t, locale), afterText: initiativeTerms(i.after, t, locale) })),
        'changes-initiatives',
      )}
    </div>
  );
}
