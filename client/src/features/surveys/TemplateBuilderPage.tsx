// 问卷模板: the template builder and the read-only view of a published (or retired) version. A draft is edited here:
// its name and description, and its questions of the five types — required or not, in order (up/down), the Chinese and
// English texts side by side, choices, the ends' labels of a scale, a text's longest answer. Saving creates
// (Idempotency-Key) or saves the draft (If-Match); publishing freezes it; revising a published version makes the next
// version's draft. Errors of the server land on their question (`questions[i].…`).
import { useMemo, useState } from 'react';
import { App, Button, Card, Col, Descriptions, Empty, Input, InputNumber, Popconfirm, Row, Select, Space, Spin, Switch, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../auth/session';
import { ApiProblem } from '../../shared/problem';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useProblemText } from '../../shared/problemText';
import { StaleVersionAlert, useStaleVersion } from '../../shared/StaleVersion';
import { formatDateTime } from '../../shared/format';
import { ErrorPage } from '../../shell/ErrorPages';
import { TemplateStatusTag } from './labels';
import { QUESTION_TYPES, changeType, fromQuestionDto, hasChoices, hasScale, move, newQuestion, questionErrorPath, toQuestionInputs, type QuestionDraft } from './model';
import { useCreateTemplate, usePublishTemplate, useReviseTemplate, useTemplate, useUpdateTemplate, type LocalizedText, type QuestionType, type SurveyTemplateDto } from './surveysApi';
import { PageTitle } from '../../shell/PageTitle';
import { usePageTitle } from '../../shell/usePageTitle';

export default function TemplateBuilderPage() {
  const { id } = useParams();
  const { can } = useSession();
  const template = useTemplate(id);
  // The editor starts again from the version as read only when the user reloads it after a 412 (not after each save).
  const [generation, setGeneration] = useState(0);
  if (!id) return can('surveys:design') ? <TemplateEditor /> : <ErrorPage status={403} />;
  if (template.isLoading) return <Spin style={{ display: 'block', margin: '20vh auto' }} />;
  if (template.error instanceof ApiProblem && template.error.status === 404) return <ErrorPage status={404} />;
  if (!template.data) return <ProblemAlert error={template.error} />;
  const { data, etag } = template.data;
  const reload = async () => {
    await template.refetch();
    setGeneration((g) => g + 1);
  };
  if (data.status === 'Draft' && can('surveys:design') && data.allowedActions.includes('edit')) return <TemplateEditor key={`${data.id}-${generation}`} existing={{ data, etag }} reload={reload} />;
  return <TemplateView template={data} />;
}

/** Errors of a 400 by where they show: the name, the description, a question (by index), or above the builder. */
interface PlacedErrors {
  name: string[];
  description: string[];
  questions: Record<number, string[]>;
  general: string[];
}

const NO_ERRORS: PlacedErrors = { name: [], description: [], questions: {}, general: [] };

function TemplateEditor({ existing, reload }: { existing?: { data: SurveyTemplateDto; etag: string }; reload?: () => Promise<void> }) {
  const { t } = useI18n();
  usePageTitle(existing ? 'surveys.title' : 'surveys.template.new', existing?.data.name);
  const text = useProblemText();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [name, setName] = useState(existing?.data.name ?? '');
  const [description, setDescription] = useState(existing?.data.description ?? '');
  const [questions, setQuestions] = useState<QuestionDraft[]>(() => existing?.data.questions.slice().sort((a, b) => a.position - b.position).map(fromQuestionDto) ?? []);
  const [dirty, setDirty] = useState(!existing);
  const [placed, setPlaced] = useState<PlacedErrors>(NO_ERRORS);
  const [problem, setProblem] = useState<unknown>(null);
  const create = useCreateTemplate();
  const update = useUpdateTemplate(existing?.data.id ?? '');
  const publish = usePublishTemplate(existing?.data.id ?? '');
  const stale = useStaleVersion(reload ?? (async () => {}));
  const busy = create.isPending || update.isPending || publish.isPending;

  const edit = (change: () => void) => {
    change();
    setDirty(true);
  };
  const setQuestion = (index: number, next: QuestionDraft) => edit(() => setQuestions((qs) => qs.map((q, i) => (i === index ? next : q))));

  const show = (e: unknown) => {
    if (stale.caught(e)) return;
    setProblem(e);
    if (!(e instanceof ApiProblem)) return;
    const next: PlacedErrors = { name: [], description: [], questions: {}, general: [] };
    for (const [path, list] of Object.entries(e.errors)) {
      for (const err of list) {
        const msg = text.field(err, path);
        const q = questionErrorPath(path);
        if (path === 'name') next.name.push(msg);
        else if (path === 'description') next.description.push(msg);
        else if (q) (next.questions[q.index] ??= []).push(q.rest ? text.labelled(q.rest, msg) : msg);
        else next.general.push(text.labelled(path, msg));
      }
    }
    setPlaced(next);
  };

  const body = () => ({ name: name.trim(), description: description.trim() || null, questions: toQuestionInputs(questions) });

  /** Saves the draft; returns its id and ETag after the save. */
  const save = async (): Promise<{ id: string; etag: string } | null> => {
    setProblem(null);
    setPlaced(NO_ERRORS);
    try {
      if (!existing) {
        const created = await create.mutateAsync(body());
        void message.success(t('surveys.template.saved'));
        navigate(`/surveys/templates/${created.data.id}`, { replace: true });
        return null;
      }
      if (!dirty) return { id: existing.data.id, etag: existing.etag };
      const saved = await update.mutateAsync({ etag: existing.etag, body: body() });
      setDirty(false);
      void message.success(t('surveys.template.saved'));
      return { id: saved.data.id, etag: saved.etag };
    } catch (e) {
      show(e);
      return null;
    }
  };

  const saveAndPublish = async () => {
    const saved = await save();
    if (!saved) return;
    try {
      await publish.mutateAsync({ etag: saved.etag });
      void message.success(t('surveys.template.published'));
    } catch (e) {
      show(e);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="template-editor">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Space>
          <PageTitle style={{ margin: 0 }}>{existing ? existing.data.name : t('surveys.template.new')}</PageTitle>
          {existing && <TemplateStatusTag status={existing.data.status} testId="template-status" />}
          {existing && <Tag>{t('surveys.template.versionN', { version: existing.data.templateVersion })}</Tag>}
        </Space>
        <Space>
          <Button onClick={() => void save()} loading={create.isPending || update.isPending} disabled={busy} data-testid="template-save">{t('surveys.template.save')}</Button>
          {existing && (
            <Popconfirm title={t('surveys.template.publishConfirm')} onConfirm={() => void saveAndPublish()} okText={t('surveys.template.publish')} cancelText={t('common.cancel')}>
              <Button type="primary" loading={publish.isPending} disabled={busy} data-testid="template-publish">{t('surveys.template.publish')}</Button>
            </Popconfirm>
          )}
        </Space>
      </Space>
      <StaleVersionAlert state={stale} title={t('surveys.template.stale')} testId="template-stale" />
      <ProblemAlert error={problem} extra={placed.general} />
      <Card size="small">
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Field label={t('surveys.template.name')} errors={placed.name} required>
              {(id) => <Input id={id} value={name} maxLength={200} data-testid="template-name" status={placed.name.length ? 'error' : undefined} onChange={(e) => edit(() => setName(e.target.value))} />}
            </Field>
          </Col>
          <Col xs={24} md={14}>
            <Field label={t('surveys.template.description')} errors={placed.description}>
              {(id) => <Input.TextArea id={id} value={description} maxLength={2000} autoSize={{ minRows: 1, maxRows: 4 }} onChange={(e) => edit(() => setDescription(e.target.value))} />}
            </Field>
          </Col>
        </Row>
      </Card>
      {questions.length === 0 && <Empty description={t('surveys.template.noQuestions')} />}
      {questions.map((q, index) => (
        <QuestionEditor
          key={q.uid}
          index={index}
          count={questions.length}
          question={q}
          errors={placed.questions[index] ?? []}
          onChange={(next) => setQuestion(index, next)}
          onMove={(by) => edit(() => setQuestions((qs) => move(qs, index, by)))}
          onRemove={() => edit(() => setQuestions((qs) => qs.filter((_, i) => i !== index)))}
        />
      ))}
      <Space wrap data-testid="add-question">
        <Typography.Text type="secondary">{t('surveys.template.addQuestion')}</Typography.Text>
        {QUESTION_TYPES.map((type) => (
          <Button key={type} icon={<PlusOutlined />} data-testid={`add-${type}`} onClick={() => edit(() => setQuestions((qs) => [...qs, newQuestion(type)]))}>
            {t(`surveys.questionType.${type}`)}
          </Button>
        ))}
      </Space>
    </Space>
  );
}

let fieldCounter = 0;

/** A labelled input with its errors below (linked for screen readers). */
function Field({ label, errors, required, children }: { label: string; errors?: string[]; required?: boolean; children: (id: string) => React.ReactNode }) {
  const id = useMemo(() => `tpl-field-${++fieldCounter}`, []);
  return (
    <div style={{ marginBottom: 12 }}>
      <label htmlFor={id} style={{ display: 'block', marginBottom: 4 }}>
        {required && <span aria-hidden="true" style={{ color: '#cf1322' }}>* </span>}
        {label}
      </label>
      {children(id)}
      {errors?.map((e) => (
        <Typography.Text key={e} type="danger" role="alert" style={{ display: 'block' }}>{e}</Typography.Text>
      ))}
    </div>
  );
}

/** The Chinese and English of one text, side by side. */
function TextPair({ label, value, onChange, max, testId }: { label: string; value: LocalizedText; onChange: (v: LocalizedText) => void; max: number; testId?: string }) {
  const { t } = useI18n();
  return (
    <Row gutter={12}>
      <Col xs={24} md={12}>
        <Field label={`${label} · ${t('surveys.language.zh-CN')}`}>
          {(id) => <Input id={id} value={value.zh} maxLength={max} data-testid={testId ? `${testId}-zh` : undefined} onChange={(e) => onChange({ ...value, zh: e.target.value })} />}
        </Field>
      </Col>
      <Col xs={24} md={12}>
        <Field label={`${label} · ${t('surveys.language.en')}`}>
          {(id) => <Input id={id} value={value.en} maxLength={max} data-testid={testId ? `${testId}-en` : undefined} onChange={(e) => onChange({ ...value, en: e.target.value })} />}
        </Field>
      </Col>
    </Row>
  );
}

function QuestionEditor({ index, count, question: q, errors, onChange, onMove, onRemove }: { index: number; count: number; question: QuestionDraft; errors: string[]; onChange: (q: QuestionDraft) => void; onMove: (by: -1 | 1) => void; onRemove: () => void }) {
  const { t } = useI18n();
  const position = index + 1;
  return (
    <Card
      size="small"
      data-testid="question-editor"
      data-type={q.type}
      title={t('surveys.template.questionN', { n: position })}
      style={errors.length ? { borderColor: '#ff4d4f' } : undefined}
      extra={
        <Space>
          <Select<QuestionType>
            aria-label={t('surveys.template.questionType')}
            value={q.type}
            style={{ width: 140 }}
            options={QUESTION_TYPES.map((type) => ({ value: type, label: t(`surveys.questionType.${type}`) }))}
            onChange={(type) => onChange(changeType(q, type))}
          />
          <Space size={4}>
            <Switch size="small" checked={q.required} aria-label={t('surveys.template.required')} onChange={(required) => onChange({ ...q, required })} />
            <span>{t('surveys.template.required')}</span>
          </Space>
          <Button size="small" icon={<ArrowUpOutlined />} disabled={index === 0} aria-label={t('surveys.template.moveUp', { n: position })} data-testid="question-up" onClick={() => onMove(-1)} />
          <Button size="small" icon={<ArrowDownOutlined />} disabled={index === count - 1} aria-label={t('surveys.template.moveDown', { n: position })} data-testid="question-down" onClick={() => onMove(1)} />
          <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('surveys.template.remove', { n: position })} data-testid="question-remove" onClick={onRemove} />
        </Space>
      }
    >
      {errors.map((e) => (
        <Typography.Text key={e} type="danger" role="alert" style={{ display: 'block', marginBottom: 8 }} data-testid="question-error">{e}</Typography.Text>
      ))}
      <TextPair label={t('surveys.template.text')} value={q.text} max={500} testId="question-text" onChange={(text) => onChange({ ...q, text })} />
      {hasScale(q.type) && (
        <>
          <TextPair label={t('surveys.template.lowLabel', { value: q.type === 'Nps' ? 0 : 1 })} value={q.lowLabel ?? { zh: '', en: '' }} max={100} onChange={(lowLabel) => onChange({ ...q, lowLabel })} />
          <TextPair label={t('surveys.template.highLabel', { value: q.type === 'Nps' ? 10 : 5 })} value={q.highLabel ?? { zh: '', en: '' }} max={100} onChange={(highLabel) => onChange({ ...q, highLabel })} />
        </>
      )}
      {hasChoices(q.type) && (
        <div data-testid="question-choices">
          <Typography.Text strong>{t('surveys.template.choices')}</Typography.Text>
          {q.choices.map((c, ci) => (
            <Row key={ci} gutter={8} align="middle" style={{ marginTop: 8 }}>
              <Col xs={24} md={5}>
                <Input aria-label={t('surveys.template.choiceKey', { n: ci + 1 })} value={c.key} maxLength={40} onChange={(e) => onChange({ ...q, choices: q.choices.map((x, i) => (i === ci ? { ...x, key: e.target.value } : x)) })} />
              </Col>
              <Col xs={24} md={8}>
                <Input aria-label={t('surveys.template.choiceZh', { n: ci + 1 })} placeholder={t('surveys.language.zh-CN')} value={c.label.zh} maxLength={200} onChange={(e) => onChange({ ...q, choices: q.choices.map((x, i) => (i === ci ? { ...x, label: { ...x.label, zh: e.target.value } } : x)) })} />
              </Col>
              <Col xs={24} md={8}>
                <Input aria-label={t('surveys.template.choiceEn', { n: ci + 1 })} placeholder={t('surveys.language.en')} value={c.label.en} maxLength={200} onChange={(e) => onChange({ ...q, choices: q.choices.map((x, i) => (i === ci ? { ...x, label: { ...x.label, en: e.target.value } } : x)) })} />
              </Col>
              <Col xs={24} md={3}>
                <Button size="small" icon={<DeleteOutlined />} aria-label={t('surveys.template.removeChoice', { n: ci + 1 })} onClick={() => onChange({ ...q, choices: q.choices.filter((_, i) => i !== ci) })} />
              </Col>
            </Row>
          ))}
          <Button size="small" icon={<PlusOutlined />} style={{ marginTop: 8 }} data-testid="add-choice" onClick={() => onChange({ ...q, choices: [...q.choices, { key: `c${q.choices.length + 1}`, label: { zh: '', en: '' } }] })}>
            {t('surveys.template.addChoice')}
          </Button>
        </div>
      )}
      {q.type === 'Text' && (
        <Field label={t('surveys.template.maxLength')}>
          {(id) => <InputNumber id={id} min={1} max={4000} precision={0} value={q.maxLength} onChange={(v) => onChange({ ...q, maxLength: v ?? undefined })} />}
        </Field>
      )}
    </Card>
  );
}

/** A published or retired version (or a draft for someone who may not edit it), as it is: read-only. */
function TemplateView({ template: tpl }: { template: SurveyTemplateDto }) {
  const { t, locale } = useI18n();
  usePageTitle('surveys.title', tpl.name);
  const { can } = useSession();
  const navigate = useNavigate();
  const revise = useReviseTemplate(tpl.id);
  const [problem, setProblem] = useState<unknown>(null);
  const doRevise = async () => {
    setProblem(null);
    try {
      const draft = await revise.mutateAsync();
      navigate(`/surveys/templates/${draft.id}`);
    } catch (e) {
      setProblem(e);
    }
  };
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="template-view">
      <Card>
        <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
          <Space wrap>
            <PageTitle style={{ margin: 0 }} data-testid="template-name">{tpl.name}</PageTitle>
            <TemplateStatusTag status={tpl.status} testId="template-status" />
            <Tag>{t('surveys.template.versionN', { version: tpl.templateVersion })}</Tag>
          </Space>
          {can('surveys:design') && tpl.allowedActions.includes('revise') && (
            <Button type="primary" icon={<EditOutlined />} loading={revise.isPending} onClick={() => void doRevise()} data-testid="template-revise">{t('surveys.template.revise')}</Button>
          )}
        </Space>
        <ProblemAlert error={problem} />
        {tpl.description && <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{tpl.description}</Typography.Paragraph>}
        <Descriptions size="small" column={{ xs: 1, sm: 3 }} style={{ marginTop: 8 }}>
          <Descriptions.Item label={t('surveys.template.publishedAt')}>{formatDateTime(locale, tpl.publishedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('surveys.template.usedBy')}>{tpl.usedByCampaigns}</Descriptions.Item>
          {tpl.previousVersionId && (
            <Descriptions.Item label={t('surveys.template.previousVersion')}>
              <Link to={`/surveys/templates/${tpl.previousVersionId}`} data-testid="template-previous">{t('surveys.template.versionN', { version: tpl.templateVersion - 1 })}</Link>
            </Descriptions.Item>
          )}
        </Descriptions>
        {tpl.status === 'Retired' && <Typography.Paragraph type="warning">{t('surveys.template.retiredHelp')}</Typography.Paragraph>}
      </Card>
      {[...tpl.questions].sort((a, b) => a.position - b.position).map((q) => (
        <Card key={q.id} size="small" data-testid="question-view" title={`${q.position}. ${t(`surveys.questionType.${q.type}`)}`} extra={q.required ? <Tag color="red">{t('surveys.template.required')}</Tag> : <Tag>{t('surveys.question.optional')}</Tag>}>
          <Row gutter={16}>
            <Col xs={24} md={12}><Typography.Text type="secondary">{t('surveys.language.zh-CN')}</Typography.Text><div>{q.text.zh}</div></Col>
            <Col xs={24} md={12}><Typography.Text type="secondary">{t('surveys.language.en')}</Typography.Text><div>{q.text.en}</div></Col>
          </Row>
          {(q.lowLabel || q.highLabel) && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {q.type === 'Nps' ? 0 : 1}: {q.lowLabel?.zh} / {q.lowLabel?.en} · {q.type === 'Nps' ? 10 : 5}: {q.highLabel?.zh} / {q.highLabel?.en}
            </Typography.Paragraph>
          )}
          {q.choices.length > 0 && (
            <ul style={{ marginTop: 8, marginBottom: 0 }}>
              {q.choices.map((c) => (
                <li key={c.key}><code>{c.key}</code> — {c.label.zh} / {c.label.en}</li>
              ))}
            </ul>
          )}
          {q.type === 'Text' && q.maxLength && <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{t('surveys.template.maxLengthN', { n: q.maxLength })}</Typography.Paragraph>}
        </Card>
      ))}
    </Space>
  );
}
