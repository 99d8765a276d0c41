import { memo, useCallback, useMemo, useState } from 'react';
import { Alert, Button, Card, Col, ConfigProvider, Divider, Input, InputNumber, Popconfirm, Row, Space, Switch, Table, Tooltip, Typography } from 'antd';
import { CheckCircleFilled, CloudUploadOutlined, ExperimentOutlined, QuestionCircleOutlined, SaveOutlined, WarningFilled } from '@ant-design/icons';
import type { Tier } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { ApiProblem } from '../../shared/problem';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useProblemText } from '../../shared/problemText';
import { useFormErrors } from '../../shared/useFormErrors';
import { formatDateTime } from '../../shared/format';
import { TIERS, TIER_HEX } from '../../shared/tiers';
import { TierTag } from '../../shared/TierTag';
import { PolicyStatusTag, useCriterionLabel } from './labels';
import {
  CRITERIA,
  draftFromPolicy,
  draftToInput,
  hasErrors,
  programmeErrors,
  sameTerms,
  validateDraft,
  weightSum,
  type Msg,
  type PolicyDraft,
  type ProgrammeField,
  type ServiceLevelDraft,
} from './policyModel';
import type { Criterion, SimulationDto, TierPolicyDto, TierPolicyInput } from './tieringApi';
import { SimulationResult } from './SimulationResult';
import { PageTitle } from '../../shell/PageTitle';

/** API field names the editor places next to its sections; anything else goes above the form. */
const SECTIONS = ['name', 'criteria', 'cutoffs', 'strategicCap', 'hysteresisMargin', 'programme'] as const;
type Section = (typeof SECTIONS)[number];

export interface PolicyEditorProps {
  policy: TierPolicyDto;
  /** Published and retired versions, or a user without tiering:manage: a read-only view. */
  readOnly: boolean;
  onSave?: (input: TierPolicyInput) => Promise<unknown>;
  onSimulate?: (input: TierPolicyInput) => Promise<SimulationDto>;
  /** Publishes; `acknowledgeShift` confirms a tier shift the server flagged (409 tier-shift-over-limit). */
  onPublish?: (acknowledgeShift?: boolean) => Promise<unknown>;
}

/**
 * A tier policy version: weights with their live sum, cut-offs, the Strategic cap, the hysteresis margin and the
 * service programme. A draft can be simulated as typed (unsaved), saved, and — once saved — published.
 */
export function PolicyEditor({ policy, readOnly, onSave, onSimulate, onPublish }: PolicyEditorProps) {
  const { t, locale } = useI18n();
  const problemText = useProblemText();
  const saved = useMemo(() => draftFromPolicy(policy), [policy]);
  const [draft, setDraft] = useState<PolicyDraft>(saved);
  const [serverErrors, setServerErrors] = useState<Partial<Record<Section, string[]>>>({});
  const apiErrors = useFormErrors({
    fields: SECTIONS,
    // Each section shows the errors of its fields (criteria[2].weight is said at the criteria).
    onPlaced: (placed) => {
      const bySection: Partial<Record<Section, string[]>> = {};
      for (const p of placed) {
        const section = SECTIONS.find((s) => s === p.name[0]);
        if (section) bySection[section] = [...(bySection[section] ?? []), ...p.errors];
      }
      setServerErrors(bySection);
    },
  });
  const [busy, setBusy] = useState<'save' | 'simulate' | 'publish' | null>(null);
  const [simulation, setSimulation] = useState<{ result: SimulationDto; terms: PolicyDraft } | null>(null);
  // The server's "a tier would move by more than the limit" on publish: said here, with a way to publish anyway.
  const [shiftRefusal, setShiftRefusal] = useState<ApiProblem | null>(null);

  const errors = useMemo(() => validateDraft(draft), [draft]);
  // The programme table re-renders only when the programme changes (typing a weight stays fast).
  const levelErrors = useMemo(() => programmeErrors(draft.programme), [draft.programme]);
  const invalid = hasErrors(errors);
  const sum = weightSum(draft.weights);
  const dirty = !sameTerms(draft, saved);
  const msg = useCallback((m: Msg | undefined) => (m ? t(m.key, m.params) : undefined), [t]);

  const change = useCallback((update: (d: PolicyDraft) => PolicyDraft) => {
    setDraft((d) => update(d));
    setServerErrors((e) => (Object.keys(e).length ? {} : e));
  }, []);
  const setWeight = useCallback((c: Criterion, v: number | null) => change((d) => ({ ...d, weights: { ...d.weights, [c]: v } })), [change]);
  const setCutoff = useCallback((k: keyof PolicyDraft['cutoffs'], v: number | null) => change((d) => ({ ...d, cutoffs: { ...d.cutoffs, [k]: v } })), [change]);
  const setLevel = useCallback(
    (tier: Tier, patch: Partial<ServiceLevelDraft>) => change((d) => ({ ...d, programme: { ...d.programme, [tier]: { ...d.programme[tier], ...patch } } })),
    [change],
  );

  const run = async (kind: 'save' | 'simulate' | 'publish', action: () => Promise<void>) => {
    setBusy(kind);
    apiErrors.clear();
    try {
      await action();
    } catch (e) {
      // A 412 is said by the page (StaleVersionAlert), with its Reload.
      apiErrors.show(e);
    } finally {
      setBusy(null);
    }
  };

  const save = () => run('save', async () => { await onSave?.(draftToInput(draft)); });
  const simulate = () =>
    run('simulate', async () => {
      const terms = draft;
      const result = await onSimulate!(draftToInput(terms));
      setSimulation({ result, terms });
    });
  const publish = (acknowledgeShift = false) =>
    run('publish', async () => {
      setShiftRefusal(null);
      try {
        await onPublish?.(acknowledgeShift);
      } catch (e) {
        if (e instanceof ApiProblem && e.code === 'tier-shift-over-limit') {
          setShiftRefusal(e);
          return;
        }
        throw e;
      }
    });

  const serverHelp = (section: Section) => serverErrors[section]?.join(' ');
  const editable = !readOnly;
  const blockedReason = invalid ? t(errors.weightSum ? 'tiering.editor.fixSum' : 'tiering.editor.fixErrors') : undefined;

  const actions = editable && (
    <Space wrap>
      <Tooltip title={blockedReason}>
        <Button icon={<ExperimentOutlined />} disabled={invalid} loading={busy === 'simulate'} onClick={simulate} data-testid="simulate">
          {t('tiering.editor.simulate')}
        </Button>
      </Tooltip>
      <Tooltip title={blockedReason}>
        <Button icon={<SaveOutlined />} disabled={invalid || !dirty} loading={busy === 'save'} onClick={save} data-testid="save-policy">
          {t('tiering.editor.save')}
        </Button>
      </Tooltip>
      <Popconfirm
        title={t('tiering.publish.title', { number: policy.number })}
        description={<div style={{ maxWidth: 320 }}>{t('tiering.publish.body')}</div>}
        okText={t('tiering.publish.ok')}
        cancelText={t('common.cancel')}
        disabled={invalid || dirty}
        onConfirm={() => publish()}
      >
        <Tooltip title={blockedReason ?? (dirty ? t('tiering.editor.saveFirst') : undefined)}>
          <Button type="primary" icon={<CloudUploadOutlined />} disabled={invalid || dirty} loading={busy === 'publish'} data-testid="publish-policy">
            {t('tiering.editor.publish')}
          </Button>
        </Tooltip>
      </Popconfirm>
    </Space>
  );

  const cutoffs = draft.cutoffs;
  const cutoffsOk = !Object.keys(errors.cutoffs).length;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <PageTitle style={{ margin: 0 }}>
              {t('tiering.policy.version', { number: policy.number })}
            </PageTitle>
            <PolicyStatusTag status={policy.status} />
            {editable && dirty && <Typography.Text type="warning">{t('tiering.editor.unsaved')}</Typography.Text>}
          </Space>
        }
        extra={actions}
      >
        {readOnly && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={policy.status === 'Draft' ? t('tiering.editor.readOnlyRole') : t('tiering.editor.frozen', { date: formatDateTime(locale, policy.publishedAt) })}
          />
        )}
        <ProblemAlert error={apiErrors.problem} extra={apiErrors.unplaced} />
        <ConfigProvider componentDisabled={readOnly}>
          <Field id="policy-name" label={t('tiering.policy.name')} error={msg(errors.name) ?? serverHelp('name')} style={{ maxWidth: 560 }}>
            <Input
              id="policy-name"
              value={draft.name}
              maxLength={200}
              status={errors.name || serverHelp('name') ? 'error' : undefined}
              aria-describedby="policy-name-error"
              onChange={(e) => change((d) => ({ ...d, name: e.target.value }))}
            />
          </Field>

          <Row gutter={32}>
            <Col xs={24} xl={14}>
              <Typography.Title level={5}>{t('tiering.weights.title')}</Typography.Title>
              <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>{t('tiering.weights.help')}</Typography.Paragraph>
              <div role="group" aria-label={t('tiering.weights.title')}>
                {CRITERIA.map((c) => (
                  <WeightRow key={c} criterion={c} value={draft.weights[c]} error={msg(errors.weights[c])} onChange={setWeight} />
                ))}
              </div>
              <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginTop: 10 }} aria-live="polite">
                <Typography.Text
                  strong
                  data-testid="weight-sum"
                  style={{ color: sum === 100 ? '#237804' : '#cf1322', fontSize: 16 }}
                >
                  {sum === 100 ? <CheckCircleFilled /> : <WarningFilled />} {t('tiering.weights.sum', { sum })}
                </Typography.Text>
                {sum !== 100 && <Typography.Text type="danger">{t(sum > 100 ? 'tiering.weights.over' : 'tiering.weights.under', { diff: Math.abs(100 - sum) })}</Typography.Text>}
              </div>
              {serverHelp('criteria') && <Typography.Text type="danger">{serverHelp('criteria')}</Typography.Text>}
            </Col>

            <Col xs={24} xl={10}>
              <Typography.Title level={5}>{t('tiering.cutoffs.title')}</Typography.Title>
              <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>{t('tiering.cutoffs.help')}</Typography.Paragraph>
              <Row gutter={12}>
                {(['strategic', 'key', 'growth'] as const).map((k) => (
                  <Col span={8} key={k}>
                    <CutoffInput field={k} value={cutoffs[k]} error={msg(errors.cutoffs[k])} onChange={setCutoff} />
                  </Col>
                ))}
              </Row>
              {serverHelp('cutoffs') && <Typography.Text type="danger">{serverHelp('cutoffs')}</Typography.Text>}
              {cutoffsOk && <CutoffScale strategic={cutoffs.strategic!} keyCut={cutoffs.key!} growth={cutoffs.growth!} />}

              <Divider style={{ margin: '16px 0' }} />
              <Row gutter={12}>
                <Col span={12}>
                  <Field id="strategic-cap" label={t('tiering.cap.label')} tooltip={t('tiering.cap.help')} error={msg(errors.strategicCap) ?? serverHelp('strategicCap')}>
                    <InputNumber
                      id="strategic-cap"
                      aria-describedby="strategic-cap-error"
                      status={errors.strategicCap || serverHelp('strategicCap') ? 'error' : undefined}
                      value={draft.strategicCap}
                      placeholder={t('tiering.cap.none')}
                      style={{ width: '100%' }}
                      onChange={(v) => change((d) => ({ ...d, strategicCap: typeof v === 'number' ? v : null }))}
                    />
                  </Field>
                </Col>
                <Col span={12}>
                  <Field id="hysteresis-margin" label={t('tiering.margin.label')} tooltip={t('tiering.margin.help')} error={msg(errors.hysteresisMargin) ?? serverHelp('hysteresisMargin')}>
                    <InputNumber
                      id="hysteresis-margin"
                      aria-describedby="hysteresis-margin-error"
                      status={errors.hysteresisMargin || serverHelp('hysteresisMargin') ? 'error' : undefined}
                      value={draft.hysteresisMargin}
                      step={0.5}
                      suffix={t('tiering.points')}
                      style={{ width: '100%' }}
                      onChange={(v) => change((d) => ({ ...d, hysteresisMargin: typeof v === 'number' ? v : null }))}
                    />
                  </Field>
                </Col>
              </Row>
            </Col>
          </Row>

        </ConfigProvider>

        <Typography.Title level={5} style={{ marginTop: 24 }}>{t('tiering.programme.title')}</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>{t('tiering.programme.help')}</Typography.Paragraph>
        <ProgrammeTable programme={draft.programme} errors={levelErrors} readOnly={readOnly} onChange={setLevel} msg={msg} />
        {serverHelp('programme') && <Typography.Text type="danger">{serverHelp('programme')}</Typography.Text>}
      </Card>

      {shiftRefusal && (
        <Alert
          type="warning"
          showIcon
          data-testid="publish-shift-refused"
          title={problemText.message(shiftRefusal)}
          description={t('tiering.publish.shiftHelp')}
          action={
            <Button danger loading={busy === 'publish'} onClick={() => publish(true)} data-testid="publish-anyway">
              {t('tiering.publish.anyway')}
            </Button>
          }
        />
      )}

      {simulation && (
        <SimulationResult
          result={simulation.result}
          outdated={!sameTerms(simulation.terms, draft)}
          publishHint={editable && !dirty && !invalid ? t('tiering.sim.publishHint') : editable && dirty ? t('tiering.sim.saveHint') : undefined}
        />
      )}
    </Space>
  );
}

/** One criterion with its weight input and a bar of its weight; re-renders only when its own weight changes. */
const WeightRow = memo(function WeightRow({ criterion, value, error, onChange }: { criterion: Criterion; value: number | null; error?: string; onChange: (c: Criterion, v: number | null) => void }) {
  const t = useI18n().t;
  const label = useCriterionLabel()(criterion);
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 110px 120px', gap: 12, alignItems: 'center', padding: '6px 0', borderBottom: '1px solid #f5f5f5' }}>
      <div>
        <div style={{ fontWeight: 500 }}>{label}</div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`criterion.${criterion}.help`)}</Typography.Text>
      </div>
      <div>
        <InputNumber
          aria-label={label}
          value={value}
          status={error ? 'error' : undefined}
          suffix="%"
          style={{ width: '100%' }}
          onChange={(v) => onChange(criterion, typeof v === 'number' ? v : null)}
        />
        {error && <div style={{ color: '#ff4d4f', fontSize: 12 }}>{error}</div>}
      </div>
      <div aria-hidden style={{ height: 8, background: '#f0f0f0', borderRadius: 4, overflow: 'hidden' }}>
        <div style={{ width: `${Math.max(0, Math.min(100, value ?? 0))}%`, height: '100%', background: '#1456c7' }} />
      </div>
    </div>
  );
});

/** One tier's cut-off, with its error (out of order, out of range) beneath it; re-renders only when they change. */
const CutoffInput = memo(function CutoffInput({ field, value, error, onChange }: { field: keyof PolicyDraft['cutoffs']; value: number | null; error?: string; onChange: (k: keyof PolicyDraft['cutoffs'], v: number | null) => void }) {
  const t = useI18n().t;
  const tier = (field.charAt(0).toUpperCase() + field.slice(1)) as Tier;
  const label = t(`tiering.cutoffs.${field}`);
  const id = `cutoff-${field}`;
  return (
    <Field id={id} label={label} error={error}>
      <InputNumber
        id={id}
        value={value}
        status={error ? 'error' : undefined}
        aria-describedby={`${id}-error`}
        style={{ width: '100%', borderLeft: `3px solid ${TIER_HEX[tier]}` }}
        onChange={(v) => onChange(field, typeof v === 'number' ? v : null)}
      />
    </Field>
  );
});

/**
 * A labelled field with its error beneath it. Plain markup rather than antd's Form.Item: these errors come and go
 * with every keystroke (the checks run as the user types), and Form.Item animates each one in and out.
 */
function Field({ id, label, tooltip, error, style, children }: { id: string; label: string; tooltip?: string; error?: string; style?: React.CSSProperties; children: React.ReactNode }) {
  return (
    <div data-testid={`field-${id}`} style={{ marginBottom: 8, ...style }}>
      <div style={{ paddingBottom: 8 }}>
        <label htmlFor={id} style={{ color: 'rgba(0, 0, 0, 0.88)' }}>{label}</label>
        {tooltip && (
          <Tooltip title={tooltip}>
            <QuestionCircleOutlined style={{ marginInlineStart: 4, color: 'rgba(0, 0, 0, 0.45)', cursor: 'help' }} />
          </Tooltip>
        )}
      </div>
      {children}
      <div id={`${id}-error`} style={{ color: '#ff4d4f', fontSize: 12, lineHeight: '18px', minHeight: 18 }}>{error}</div>
    </div>
  );
}

/** The 0–100 score line split into the four tiers by the cut-offs. */
const CutoffScale = memo(function CutoffScale({ strategic, keyCut, growth }: { strategic: number; keyCut: number; growth: number }) {
  const t = useI18n().t;
  const segments: { tier: Tier; from: number; to: number }[] = [
    { tier: 'Standard', from: 0, to: growth },
    { tier: 'Growth', from: growth, to: keyCut },
    { tier: 'Key', from: keyCut, to: strategic },
    { tier: 'Strategic', from: strategic, to: 100 },
  ];
  return (
    <div aria-label={t('tiering.cutoffs.scale')} data-testid="cutoff-scale">
      <div style={{ display: 'flex', height: 22, borderRadius: 4, overflow: 'hidden' }}>
        {segments.map((s) => (
          <Tooltip key={s.tier} title={`${t(`tier.${s.tier}`)}: ${s.from}–${s.to}`}>
            <div style={{ width: `${Math.max(s.to - s.from, 0)}%`, background: TIER_HEX[s.tier], color: '#fff', fontSize: 11, lineHeight: '22px', textAlign: 'center', overflow: 'hidden', whiteSpace: 'nowrap' }}>
              {s.to - s.from >= 12 ? t(`tier.${s.tier}`) : ''}
            </div>
          </Tooltip>
        ))}
      </div>
      <div style={{ position: 'relative', height: 16, fontSize: 11, color: '#595959' }}>
        {[0, growth, keyCut, strategic, 100].map((v, i) => (
          <span key={i} style={{ position: 'absolute', left: `${v}%`, transform: i === 0 ? 'none' : i === 4 ? 'translateX(-100%)' : 'translateX(-50%)' }}>{v}</span>
        ))}
      </div>
    </div>
  );
});

const PROGRAMME_FIELDS: { field: ProgrammeField; label: MessageKey; suffix?: MessageKey; placeholder?: MessageKey }[] = [
  { field: 'contactCadenceDays', label: 'tiering.programme.cadence', suffix: 'tiering.unit.days', placeholder: 'tiering.programme.noCadence' },
  { field: 'surveysPerYear', label: 'tiering.programme.surveys' },
  { field: 'firstResponseHours', label: 'tiering.programme.firstResponse', suffix: 'tiering.unit.hours' },
  { field: 'resolutionHours', label: 'tiering.programme.resolution', suffix: 'tiering.unit.hours' },
];

const ProgrammeTable = memo(function ProgrammeTable({
  programme,
  errors,
  readOnly,
  onChange,
  msg,
}: {
  programme: PolicyDraft['programme'];
  errors: ReturnType<typeof programmeErrors>;
  readOnly: boolean;
  onChange: (tier: Tier, patch: Partial<ServiceLevelDraft>) => void;
  msg: (m: Msg | undefined) => string | undefined;
}) {
  const t = useI18n().t;
  const numberColumn = ({ field, label, suffix, placeholder }: (typeof PROGRAMME_FIELDS)[number]) => ({
    title: t(label),
    key: field,
    render: (_: unknown, tier: Tier) => {
      const err = msg(errors[tier]?.[field]);
      return (
        <div>
          <InputNumber
            aria-label={`${t(`tier.${tier}`)} · ${t(label)}`}
            value={programme[tier][field]}
            disabled={readOnly}
            status={err ? 'error' : undefined}
            placeholder={placeholder ? t(placeholder) : undefined}
            suffix={suffix ? t(suffix) : undefined}
            style={{ width: 130 }}
            onChange={(v) => onChange(tier, { [field]: typeof v === 'number' ? v : null })}
          />
          {err && <div style={{ color: '#ff4d4f', fontSize: 12, maxWidth: 160 }}>{err}</div>}
        </div>
      );
    },
  });
  return (
    <Table<Tier>
      rowKey={(tier) => tier}
      size="small"
      pagination={false}
      dataSource={[...TIERS]}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('account.tier'), key: 'tier', render: (_, tier) => <TierTag tier={tier} /> },
        numberColumn(PROGRAMME_FIELDS[0]!),
        {
          title: t('tiering.programme.plan'),
          key: 'plan',
          render: (_, tier) => (
            <Switch
              aria-label={`${t(`tier.${tier}`)} · ${t('tiering.programme.plan')}`}
              checked={programme[tier].developmentPlanRequired}
              disabled={readOnly}
              checkedChildren={t('common.yes')}
              unCheckedChildren={t('common.no')}
              onChange={(v) => onChange(tier, { developmentPlanRequired: v })}
            />
          ),
        },
        ...PROGRAMME_FIELDS.slice(1).map(numberColumn),
      ]}
    />
  );
});
