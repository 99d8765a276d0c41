import { lazy, Suspense, useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Col, Descriptions, Empty, Form, Input, InputNumber, List, Modal, Row, Select, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import { ClockCircleOutlined, EditOutlined, FileSearchOutlined, LinkOutlined, WarningOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../auth/session';
import { ApiProblem } from '../../shared/problem';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { StaleVersionAlert, useStaleVersion, type StaleVersion } from '../../shared/StaleVersion';
import { useFormErrors } from '../../shared/useFormErrors';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../../shared/format';
import { TierTag } from '../../shared/TierTag';
import { ErrorPage } from '../../shell/ErrorPages';
import { INITIATIVE_STATUSES, QUADRANTS, evidenceLink } from './model';
import { InitiativeStatusTag, MeasureValue, PlanProgressBar, PlanStatusTag } from './labels';
import { PlanActions } from './PlanActions';
import { PlanEditor } from './PlanEditor';
import { PlanHistory } from './PlanHistory';
import { targetChanged } from './planChart';
import { useInitiativeStatus, usePlan, useRecordActual, type InitiativeStatus, type PlanDto, type PlanInitiativeDto, type PlanObjectiveDto } from './plansApi';
import { PageTitle } from '../../shell/PageTitle';
import { usePageTitle } from '../../shell/usePageTitle';

const PlanVsActualChart = lazy(() => import('./PlanVsActualChart'));
const InitiativesTimeline = lazy(() => import('./InitiativesTimeline'));

/**
 * The statuses in which a plan takes the small actions of a running plan (an initiative's status, a manual actual).
 * The server decides (and answers 409 otherwise); this only hides buttons that would be refused.
 */
const TAKES_UPDATES: readonly PlanDto['status'][] = ['Draft', 'Approved', 'Active'];

/** A plan: its header and workflow buttons, objectives with plan-vs-actual, initiatives on a timeline, SWOT, milestones, stakeholders; a draft opens in the editor. */
export default function PlanPage() {
  const { id = '' } = useParams();
  const plan = usePlan(id);
  if (plan.isLoading) return <Spin style={{ display: 'block', margin: '20vh auto' }} />;
  if (plan.error instanceof ApiProblem && plan.error.status === 404) return <ErrorPage status={404} />;
  if (!plan.data) return <ProblemAlert error={plan.error} />;
  return <PlanView plan={plan.data.data} etag={plan.data.etag} reload={() => plan.refetch()} loadError={plan.error} />;
}

function PlanView({ plan: p, etag, reload, loadError }: { plan: PlanDto; etag: string; reload: () => Promise<unknown>; loadError: unknown }) {
  const { t, locale } = useI18n();
  usePageTitle('plans.title', p.title);
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const canWrite = can('plans:write');
  const editing = params.get('edit') === '1' && p.canEdit && canWrite;
  const setEditing = (on: boolean) => {
    const next = new URLSearchParams(params);
    if (on) next.set('edit', '1');
    else next.delete('edit');
    setParams(next, { replace: true });
  };
  // A change refused with 412: outside the editor the plan is read again at once; in the editor only on Reload (the edits stay).
  const stale = useStaleVersion(reload, { atOnce: !editing });
  const running = TAKES_UPDATES.includes(p.status) && canWrite;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <ProblemAlert error={loadError} />
      {!editing && <StaleVersionAlert state={stale} title={t('plan.stale.title')} description={t('plan.stale.body')} testId="plan-stale" />}
      <Card>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 16, flexWrap: 'wrap' }}>
          <div style={{ minWidth: 0, flex: 1 }}>
            <Space size={8} wrap>
              <Link to={`/accounts/${p.accountId}`}>{p.accountName}</Link>
              <TierTag tier={p.accountTier} />
              <Typography.Text type="secondary">{t('plan.version', { version: p.planVersion })}</Typography.Text>
            </Space>
            <PageTitle style={{ margin: '4px 0 8px' }} data-testid="plan-title-heading">{p.title}</PageTitle>
            <Space wrap size={[0, 8]}>
              <PlanStatusTag status={p.status} testId="plan-status" />
              {p.reviewDue && <Tag color="orange" icon={<ClockCircleOutlined />}>{t('plan.reviewDue')}</Tag>}
              {p.hasOverdueInitiatives && <Tag color="red" icon={<WarningOutlined />}>{t('plan.hasOverdue')}</Tag>}
            </Space>
          </div>
          <Space wrap>
            {p.canEdit && canWrite && !editing && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="plan-edit">{t('plan.edit')}</Button>
            )}
            <Link to={`/plans/${p.id}/reviews`}>
              <Button icon={<FileSearchOutlined />} data-testid="plan-reviews">{t('plan.reviews.open')}</Button>
            </Link>
            {!editing && <PlanActions plan={p} etag={etag} stale={stale} reload={reload} />}
          </Space>
        </div>
        <Row gutter={16} style={{ marginTop: 16 }}>
          <Col xs={24} md={8}>
            <Typography.Text type="secondary">{t('plan.progress')}</Typography.Text>
            <PlanProgressBar value={p.progress} testId="plan-progress" />
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="plan-initiatives-done">
              {t('plan.initiativesDone', { done: p.initiativesDone, total: p.initiativesTotal })}
            </Typography.Text>
          </Col>
          <Col xs={24} md={16}>
            <Descriptions column={{ xs: 1, sm: 2 }} size="small">
              <Descriptions.Item label={t('plan.period')}>{`${formatDate(locale, p.startDate)} – ${formatDate(locale, p.endDate)}`}</Descriptions.Item>
              <Descriptions.Item label={t('plan.owner')}>{p.ownerName ?? t('common.none')}</Descriptions.Item>
              <Descriptions.Item label={t('plan.nextReview')}>{formatDate(locale, p.nextReviewDue)}</Descriptions.Item>
              <Descriptions.Item label={t('plan.author')}>{p.authorName ?? t('common.none')}</Descriptions.Item>
              {p.approvedAt && <Descriptions.Item label={t('plan.approved')}>{formatDateTime(locale, p.approvedAt)}</Descriptions.Item>}
              {p.previousVersionId && (
                <Descriptions.Item label={t('plan.previousVersion')}>
                  <Link to={`/plans/${p.previousVersionId}`}>{t('plan.version', { version: p.planVersion - 1 })}</Link>
                </Descriptions.Item>
              )}
            </Descriptions>
          </Col>
        </Row>
        {p.rejection && <Alert type="warning" showIcon style={{ marginTop: 12 }} data-testid="plan-rejection" title={t('plan.rejection', { comment: p.rejection.comment })} description={formatDateTime(locale, p.rejection.at)} />}
        {p.cancellationReason && <Alert type="error" showIcon style={{ marginTop: 12 }} title={t('plan.cancellation', { reason: p.cancellationReason })} />}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }} data-testid="plan-baseline">
          {p.baseline ? t('plan.baseline', { version: p.baseline.planVersion, date: formatDate(locale, p.baseline.approvedAt) }) : t('plan.baseline.none')}
        </Typography.Paragraph>
      </Card>

      {editing ? (
        <PlanEditor key={stale.version} plan={p} etag={etag} stale={stale} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
      ) : (
        <>
          <Row gutter={16}>
            <Col xs={24} lg={14}>
              <Card title={t('plan.valueProposition')} size="small" style={{ height: '100%' }}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="plan-value-proposition-text">{p.valueProposition}</Typography.Paragraph>
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card title={t('plan.strategicPriorities')} size="small" style={{ height: '100%' }}>
                <ol style={{ margin: 0, paddingInlineStart: 20 }} data-testid="plan-priorities-list">
                  {p.strategicPriorities.map((s, i) => <li key={i}>{s}</li>)}
                </ol>
              </Card>
            </Col>
          </Row>
          <ObjectivesCard plan={p} etag={etag} stale={stale} canRecord={running} />
          <InitiativesCard plan={p} etag={etag} stale={stale} canUpdate={running} />
          <SwotBoard plan={p} />
          <Row gutter={16}>
            <Col xs={24} lg={12}><MilestonesCard plan={p} /></Col>
            <Col xs={24} lg={12}><StakeholdersCard plan={p} /></Col>
          </Row>
          <PlanHistory planId={p.id} />
        </>
      )}
    </Space>
  );
}

function ObjectivesCard({ plan: p, etag, stale, canRecord }: { plan: PlanDto; etag: string; stale: StaleVersion; canRecord: boolean }) {
  const { t, locale } = useI18n();
  const [recording, setRecording] = useState<PlanObjectiveDto | null>(null);
  const labels = useMemo(
    () => ({
      actual: t('plan.chart.actual'),
      expected: t('plan.chart.expected'),
      target: t('plan.target'),
      baselineTarget: t('plan.baselineTarget'),
      actualValue: t('plan.actual'),
      targetChanged: t('plan.chart.targetChanged'),
    }),
    [t],
  );
  return (
    <Card title={t('plan.objectives')} size="small" data-testid="plan-objectives">
      <Table<PlanObjectiveDto>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={p.objectives}
        locale={{ emptyText: t('plan.objectives.empty') }}
        scroll={{ x: 1000 }}
        columns={[
          { title: t('plan.objective'), dataIndex: 'title', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
          {
            title: t('plan.measure'),
            key: 'measure',
            width: 190,
            render: (_, o) => (
              <Space orientation="vertical" size={0}>
                <span>{t(`plan.source.${o.source}`)}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{`${t(`plan.unit.${o.unit}`)} · ${t(`plan.direction.${o.direction}`)}`}</Typography.Text>
              </Space>
            ),
          },
          { title: t('plan.baselineValue'), dataIndex: 'baseline', width: 110, align: 'right', render: (v: string, o) => <MeasureValue value={v} unit={o.unit} currency={o.currency} /> },
          {
            title: t('plan.target'),
            dataIndex: 'target',
            width: 130,
            align: 'right',
            render: (v: string, o) => (
              <>
                <MeasureValue value={v} unit={o.unit} currency={o.currency} />
                {targetChanged(o) && (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {t('plan.baselineTarget')}: <MeasureValue value={o.baselineTarget} unit={o.unit} currency={o.currency} />
                  </Typography.Text>
                )}
              </>
            ),
          },
          {
            title: t('plan.actual'),
            dataIndex: 'actual',
            width: 170,
            align: 'right',
            render: (v: string | null, o) => (
              <div data-testid="objective-actual">
                {v === null ? <Typography.Text type="secondary">{t('plan.actual.none')}</Typography.Text> : <MeasureValue value={v} unit={o.unit} currency={o.currency} />}
                {o.source !== 'Manual' ? (
                  <Tooltip title={t('plan.actual.metric')}>
                    <Tag style={{ marginInlineStart: 6 }} color="geekblue" data-testid="actual-metric">KA</Tag>
                  </Tooltip>
                ) : (
                  canRecord && (
                    <Button size="small" type="link" onClick={() => setRecording(o)} data-testid="record-actual">
                      {t('plan.actual.record')}
                    </Button>
                  )
                )}
                {o.actualAt && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{formatDateTime(locale, o.actualAt)}</Typography.Text>}
              </div>
            ),
          },
          { title: t('plan.progress'), dataIndex: 'progress', width: 160, render: (v: number | null) => <PlanProgressBar value={v} size="small" testId="objective-progress" /> },
          { title: t('plan.expectedProgress'), dataIndex: 'expectedProgress', width: 110, align: 'right', render: (v: number | null) => (v === null ? t('common.none') : `${formatNumber(locale, v)}%`) },
          { title: t('plan.dueDate'), dataIndex: 'dueDate', width: 120, render: (v: string) => formatDate(locale, v) },
        ]}
      />
      {p.objectives.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('plan.chart.title')}</Typography.Title>
          <Suspense fallback={<Spin />}>
            <PlanVsActualChart objectives={p.objectives} labels={labels} locale={locale} />
          </Suspense>
        </>
      )}
      <Modal open={recording !== null} title={t('plan.actual.record')} footer={null} destroyOnHidden onCancel={() => setRecording(null)} width={420}>
        {recording && <RecordActualForm plan={p} objective={recording} etag={etag} stale={stale} onDone={() => setRecording(null)} />}
      </Modal>
    </Card>
  );
}

function RecordActualForm({ plan, objective, etag, stale, onDone }: { plan: PlanDto; objective: PlanObjectiveDto; etag: string; stale: StaleVersion; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ value: string }>();
  const record = useRecordActual(plan.id);
  const errors = useFormErrors({ form, fields: ['value'] });
  const submit = async ({ value }: { value: string }) => {
    errors.clear();
    try {
      await record.mutateAsync({ etag, objectiveId: objective.id, value: Number(value) });
      stale.dismiss();
      message.success(t('plan.actual.saved'));
      onDone();
    } catch (e) {
      if (stale.caught(e)) {
        onDone();
        return;
      }
      errors.show(e);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ value: objective.actual === null ? undefined : String(objective.actual) }} data-testid="record-actual-form">
      <Typography.Paragraph type="secondary">{objective.title}</Typography.Paragraph>
      <ProblemAlert error={errors.problem} extra={errors.unplaced} />
      <Form.Item name="value" label={t('plan.actual.value')} rules={[{ required: true, message: t('plan.required.text') }]}>
        <InputNumber<string> stringMode style={{ width: '100%' }} data-testid="actual-value" addonAfter={objective.unit === 'Percent' ? '%' : objective.unit === 'Currency' ? (objective.currency ?? undefined) : undefined} />
      </Form.Item>
      <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="actual-submit">{t('plan.save')}</Button>
      </div>
    </Form>
  );
}

function InitiativesCard({ plan: p, etag, stale, canUpdate }: { plan: PlanDto; etag: string; stale: StaleVersion; canUpdate: boolean }) {
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const setStatus = useInitiativeStatus(p.id);
  const [error, setError] = useState<unknown>(null);
  // A status picked in the table waits in a small dialog for an optional note (kept in the plan's history).
  const [moving, setMoving] = useState<{ initiative: PlanInitiativeDto; status: InitiativeStatus } | null>(null);
  const objectiveTitle = new Map(p.objectives.map((o) => [o.id, o.title]));
  const timelineLabels = useMemo(() => ({ Week: t('plan.timeline.Week'), Month: t('plan.timeline.Month'), Year: t('plan.timeline.Year') }), [t]);

  const change = async (initiative: PlanInitiativeDto, status: InitiativeStatus, note?: string) => {
    setError(null);
    try {
      await setStatus.mutateAsync({ etag, initiativeId: initiative.id, status, note });
      stale.dismiss();
      message.success(t('plan.initiative.statusSaved'));
    } catch (e) {
      if (!stale.caught(e)) setError(e);
    } finally {
      setMoving(null);
    }
  };

  return (
    <Card title={t('plan.initiatives')} size="small" data-testid="plan-initiatives">
      <ProblemAlert error={error} />
      <Table<PlanInitiativeDto>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={p.initiatives}
        locale={{ emptyText: t('plan.initiatives.empty') }}
        scroll={{ x: 1100 }}
        columns={[
          {
            title: t('plan.initiative'),
            dataIndex: 'title',
            render: (v: string, i) => (
              <div data-testid="initiative-row" data-initiative={i.id}>
                <Typography.Text strong>{v}</Typography.Text>
                {i.objectiveId && objectiveTitle.has(i.objectiveId) && (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>→ {objectiveTitle.get(i.objectiveId)}</Typography.Text>
                )}
                {i.complaints.length > 0 && (
                  <div style={{ marginTop: 2 }}>
                    {i.complaints.map((c) => (
                      <Tooltip key={c.id} title={c.subject}>
                        <Link to={`/complaints/${c.id}`} style={{ marginInlineEnd: 8, fontSize: 12 }}>
                          <LinkOutlined /> {c.reference}
                        </Link>
                      </Tooltip>
                    ))}
                  </div>
                )}
              </div>
            ),
          },
          { title: t('plan.initiative.owner'), dataIndex: 'ownerName', width: 110, render: (v: string | null) => v ?? t('common.none') },
          { title: t('plan.initiative.department'), dataIndex: 'department', width: 100, render: (v: PlanInitiativeDto['department']) => t(`complaint.department.${v}`) },
          {
            title: t('plan.dueDate'),
            dataIndex: 'dueDate',
            width: 140,
            render: (v: string, i) => (
              <>
                {formatDate(locale, v)}
                {i.overdue && <Tag color="red" style={{ marginInlineStart: 4 }} data-testid="initiative-overdue">{t('plan.initiative.overdue')}</Tag>}
              </>
            ),
          },
          {
            title: t('plan.initiative.status'),
            dataIndex: 'status',
            width: 150,
            render: (v: InitiativeStatus, i) =>
              canUpdate ? (
                <Select<InitiativeStatus>
                  size="small"
                  value={v}
                  style={{ width: 130 }}
                  aria-label={t('plan.initiative.status')}
                  data-testid="initiative-status"
                  disabled={setStatus.isPending}
                  options={INITIATIVE_STATUSES.map((s) => ({ value: s, label: t(`plan.initiative.status.${s}`) }))}
                  onChange={(s) => setMoving({ initiative: i, status: s })}
                />
              ) : (
                <InitiativeStatusTag status={v} />
              ),
          },
          { title: t('plan.initiative.budget'), dataIndex: 'budget', width: 120, align: 'right', render: (b: PlanInitiativeDto['budget']) => (b ? formatMoney(locale, b.amount, b.currency) : t('common.none')) },
          { title: t('plan.initiative.personDays'), dataIndex: 'personDays', width: 90, align: 'right', render: (v: string | null) => (v === null ? t('common.none') : formatNumber(locale, v)) },
          { title: t('plan.initiative.completedOn'), dataIndex: 'completedOn', width: 120, render: (v: string | null) => formatDate(locale, v) },
        ]}
      />
      <Modal
        open={moving !== null}
        title={moving ? t('plan.initiative.moveTitle', { title: moving.initiative.title, status: t(`plan.initiative.status.${moving.status}`) }) : undefined}
        footer={null}
        destroyOnHidden
        onCancel={() => setMoving(null)}
        width={480}
      >
        {moving && <InitiativeNoteForm busy={setStatus.isPending} onCancel={() => setMoving(null)} onSubmit={(note) => void change(moving.initiative, moving.status, note)} />}
      </Modal>
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('plan.timeline')}</Typography.Title>
      {p.initiatives.length + p.milestones.length === 0 ? (
        <Typography.Text type="secondary">{t('plan.timeline.empty')}</Typography.Text>
      ) : (
        <Suspense fallback={<Spin />}>
          <InitiativesTimeline plan={p} locale={locale} labels={timelineLabels} />
        </Suspense>
      )}
    </Card>
  );
}

const quadrantColor: Record<string, string> = { Strength: '#f6ffed', Weakness: '#fff1f0', Opportunity: '#e6f4ff', Threat: '#fffbe6' };

/** The SWOT board: four quadrants, each item with its evidence (a link where the app has a page for it). */
export function SwotBoard({ plan: p }: { plan: Pick<PlanDto, 'swot' | 'accountId'> }) {
  const { t } = useI18n();
  return (
    <Card title={t('plan.swot')} size="small" data-testid="swot-board">
      <Row gutter={[12, 12]}>
        {QUADRANTS.map((q) => {
          const items = p.swot.filter((s) => s.quadrant === q);
          return (
            <Col xs={24} md={12} key={q}>
              <div style={{ background: quadrantColor[q], borderRadius: 6, padding: 12, minHeight: 110 }} data-testid={`swot-${q}`}>
                <Typography.Text strong>{t(`plan.swot.${q}`)}</Typography.Text>
                {items.length === 0 ? (
                  <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{t('plan.swot.empty')}</Typography.Paragraph>
                ) : (
                  <ul style={{ margin: '8px 0 0', paddingInlineStart: 18 }}>
                    {items.map((s, i) => {
                      const href = s.evidence ? evidenceLink(s.evidence.kind, s.evidence.reference, p.accountId) : null;
                      return (
                        <li key={i}>
                          {s.text}
                          {s.evidence && (
                            <Tag style={{ marginInlineStart: 6 }} icon={<LinkOutlined />}>
                              {href ? <Link to={href}>{`${t(`plan.evidence.${s.evidence.kind}`)} · ${s.evidence.reference}`}</Link> : `${t(`plan.evidence.${s.evidence.kind}`)} · ${s.evidence.reference}`}
                            </Tag>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                )}
              </div>
            </Col>
          );
        })}
      </Row>
    </Card>
  );
}

function MilestonesCard({ plan: p }: { plan: PlanDto }) {
  const { t, locale } = useI18n();
  return (
    <Card title={t('plan.milestones')} size="small" style={{ height: '100%' }}>
      {p.milestones.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plan.milestones.empty')} />
      ) : (
        <List
          size="small"
          dataSource={p.milestones}
          renderItem={(m) => (
            <List.Item extra={m.reachedOn ? <Tag color="green">{`${t('plan.milestone.reachedOn')} ${formatDate(locale, m.reachedOn)}`}</Tag> : <Tag>{t('plan.milestone.open')}</Tag>}>
              <List.Item.Meta title={m.title} description={formatDate(locale, m.dueDate)} />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function StakeholdersCard({ plan: p }: { plan: PlanDto }) {
  const { t, has } = useI18n();
  return (
    <Card title={t('plan.stakeholders')} size="small" style={{ height: '100%' }}>
      {p.stakeholders.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plan.stakeholders.empty')} />
      ) : (
        <List
          size="small"
          dataSource={p.stakeholders}
          renderItem={(s) => {
            const role = s.buyingRole ? `buyingRole.${s.buyingRole}` : '';
            return (
              <List.Item extra={s.buyingRole && <Tag>{has(role) ? t(role) : s.buyingRole}</Tag>}>
                <List.Item.Meta title={s.title ? `${s.name ?? '—'} · ${s.title}` : (s.name ?? '—')} description={s.note} />
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}

/** The optional note with an initiative's new status (at most 2,000 characters, the server's limit). */
function InitiativeNoteForm({ busy, onCancel, onSubmit }: { busy: boolean; onCancel: () => void; onSubmit: (note: string | undefined) => void }) {
  const { t } = useI18n();
  return (
    <Form<{ note?: string }> layout="vertical" onFinish={(v) => onSubmit(v.note?.trim() || undefined)} data-testid="initiative-status-form">
      <Form.Item name="note" label={t('plan.initiative.note')} extra={t('plan.initiative.noteHelp')} rules={[{ max: 2000, message: t('validation.max', { max: 2000 }) }]}>
        <Input.TextArea rows={3} data-testid="initiative-status-note" />
      </Form.Item>
      <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="initiative-status-submit">{t('plan.save')}</Button>
      </div>
    </Form>
  );
}
