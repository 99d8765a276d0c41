// The campaign wizard (调查活动): the template version, who is asked (tiers, segments, industries, regions, explicit
// accounts, buying roles; per-account cap), when (Beijing time), reminders, recurrence and language; then the audience
// preview, which must be looked at for the current audience before the campaign is scheduled or opened. Saving
// creates (Idempotency-Key) or saves the draft (If-Match); scheduling and opening are the campaign's steps after it.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Spin, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useNavigate, useParams } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../auth/session';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useFormErrors } from '../../shared/useFormErrors';
import { StaleVersionAlert, useStaleVersion } from '../../shared/StaleVersion';
import { TIERS } from '../../shared/tiers';
import { useAccounts } from '../accounts/accountsApi';
import type { Tier } from '../../api/client';
import { AudiencePreview } from './AudiencePreview';
import { BUYING_ROLES, LANGUAGES, RECURRENCES, fromBeijingPicker, toBeijingPicker } from './model';
import { ReferenceSelect } from '../../shared/referenceData';
import {
  postCampaignStep,
  useCampaign,
  useCreateCampaign,
  usePreviewAudience,
  useTemplates,
  useUpdateCampaign,
  type AudiencePreviewDto,
  type BuyingRole,
  type CampaignStep,
  type SurveyCampaignDto,
  type SurveyCampaignInput,
  type SurveyRecurrence,
} from './surveysApi';
import { PageTitle } from '../../shell/PageTitle';
import { usePageTitle } from '../../shell/usePageTitle';

interface Values {
  name: string;
  templateId?: string;
  defaultLanguage: 'zh-CN' | 'en';
  recurrence: SurveyRecurrence;
  audience: { tiers: Tier[]; segments: string[]; industries: string[]; regions: string[]; accountIds: string[]; buyingRoles: BuyingRole[] };
  perAccountCap: number;
  opensAt?: Dayjs;
  closesAt?: Dayjs;
  reminderAfterDays: number | null;
}

const FIELDS = ['name', 'templateId', 'audience', 'perAccountCap', 'opensAt', 'closesAt', 'reminderAfterDays', 'recurrence', 'defaultLanguage'];

const EMPTY_AUDIENCE: Values['audience'] = { tiers: [], segments: [], industries: [], regions: [], accountIds: [], buyingRoles: [] };

function toValues(c: SurveyCampaignDto): Values {
  return {
    name: c.name,
    templateId: c.templateId,
    defaultLanguage: c.defaultLanguage === 'en' ? 'en' : 'zh-CN',
    recurrence: c.recurrence,
    audience: { ...EMPTY_AUDIENCE, ...c.audience },
    perAccountCap: c.perAccountCap,
    opensAt: toBeijingPicker(c.opensAt),
    closesAt: toBeijingPicker(c.closesAt),
    reminderAfterDays: c.reminderAfterDays,
  };
}

export function toInput(v: Values): SurveyCampaignInput {
  return {
    name: v.name.trim(),
    templateId: v.templateId ?? '',
    audience: v.audience,
    perAccountCap: v.perAccountCap,
    opensAt: v.opensAt ? fromBeijingPicker(v.opensAt) : '',
    closesAt: v.closesAt ? fromBeijingPicker(v.closesAt) : '',
    reminderAfterDays: v.reminderAfterDays ?? null,
    recurrence: v.recurrence,
    defaultLanguage: v.defaultLanguage,
  };
}

/** The key of an audience as previewed: the preview is current while this does not change. */
const audienceKey = (audience: Values['audience'] | undefined, cap: number | undefined) => JSON.stringify({ audience: audience ?? EMPTY_AUDIENCE, cap: cap ?? null });

export default function CampaignWizardPage() {
  const { id } = useParams();
  const campaign = useCampaign(id ?? '');
  // The form starts again from the campaign as read only when the user reloads it after a 412 (not after each save).
  const [generation, setGeneration] = useState(0);
  if (!id) return <CampaignWizard />;
  if (campaign.isLoading) return <Spin style={{ display: 'block', margin: '20vh auto' }} />;
  if (!campaign.data) return <ProblemAlert error={campaign.error} />;
  const reload = async () => {
    await campaign.refetch();
    setGeneration((g) => g + 1);
  };
  return <CampaignWizard key={generation} existing={campaign.data} reload={reload} />;
}

function CampaignWizard({ existing, reload }: { existing?: { data: SurveyCampaignDto; etag: string }; reload?: () => Promise<void> }) {
  const { t } = useI18n();
  usePageTitle(existing ? 'surveys.title' : 'surveys.campaign.new', existing?.data.name);
  const { can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors({ form, fields: FIELDS });
  const stale = useStaleVersion(reload ?? (async () => {}));
  const create = useCreateCampaign();
  const update = useUpdateCampaign(existing?.data.id ?? '');
  const preview = usePreviewAudience();
  const [previewed, setPreviewed] = useState<{ key: string; result: AudiencePreviewDto } | null>(null);
  // Once created, the campaign is saved with its ETag (a failed step does not create a second one).
  const [saved, setSaved] = useState<{ id: string; etag: string } | null>(existing ? { id: existing.data.id, etag: existing.etag } : null);
  const [busy, setBusy] = useState<'save' | CampaignStep | null>(null);
  const templates = useTemplates({ status: ['Published'], pageSize: 100 });
  const audience = Form.useWatch('audience', form);
  const cap = Form.useWatch('perAccountCap', form);
  const currentKey = audienceKey(audience, cap);
  const previewIsCurrent = previewed?.key === currentKey;

  // The values the form starts from (read once: a save does not reset what the user sees).
  const [initial] = useState<Partial<Values>>(() =>
    existing ? toValues(existing.data) : { defaultLanguage: 'zh-CN', recurrence: 'TwiceYearly', audience: EMPTY_AUDIENCE, perAccountCap: 3, reminderAfterDays: 5 },
  );

  const runPreview = async () => {
    const values = form.getFieldsValue(['audience', 'perAccountCap']) as Pick<Values, 'audience' | 'perAccountCap'>;
    try {
      const result = await preview.mutateAsync({ audience: values.audience, perAccountCap: values.perAccountCap });
      setPreviewed({ key: audienceKey(values.audience, values.perAccountCap), result });
    } catch (e) {
      errors.show(e);
    }
  };

  const save = async (step: CampaignStep | null) => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    errors.clear();
    setBusy(step ?? 'save');
    try {
      const body = toInput(values);
      let current = saved;
      // The saved campaign gets this content: created once, then saved with its version.
      if (!current) {
        const created = await create.mutateAsync(body);
        current = { id: created.data.id, etag: created.etag };
      } else {
        const updated = await update.mutateAsync({ etag: current.etag, body });
        current = { id: updated.data.id, etag: updated.etag };
      }
      setSaved(current);
      if (step) await postCampaignStep(current.id, current.etag, step);
      void message.success(t(step ? `surveys.campaign.done.${step}` : 'surveys.campaign.saved'));
      navigate(`/surveys/campaigns/${current.id}`);
    } catch (e) {
      if (!stale.caught(e)) errors.show(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PageTitle style={{ margin: 0 }}>{existing ? t('surveys.campaign.editTitle', { name: existing.data.name }) : t('surveys.campaign.new')}</PageTitle>
      <StaleVersionAlert state={stale} title={t('surveys.campaign.stale')} testId="campaign-stale" />
      <ProblemAlert error={errors.problem} extra={errors.unplaced} />
      <Form form={form} layout="vertical" initialValues={initial} data-testid="campaign-form">
        <Card title={t('surveys.wizard.step1')} size="small" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="name" label={t('surveys.campaign.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 200, message: t('validation.max', { max: 200 }) }]}>
                <Input data-testid="campaign-name" placeholder={t('surveys.campaign.namePlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="templateId" label={t('surveys.campaign.template')} rules={[{ required: true, message: t('validation.required') }]} extra={t('surveys.campaign.templateHelp')}>
                <Select
                  data-testid="campaign-template"
                  loading={templates.isLoading}
                  options={(templates.data?.items ?? []).map((tpl) => ({ value: tpl.id, label: `${tpl.name} · ${t('surveys.template.versionN', { version: tpl.templateVersion })}` }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="defaultLanguage" label={t('surveys.campaign.language')}>
                <Select options={LANGUAGES.map((l) => ({ value: l, label: t(`surveys.language.${l}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="recurrence" label={t('surveys.campaign.recurrence')} extra={t('surveys.campaign.recurrenceHelp')}>
                <Select options={RECURRENCES.map((r) => ({ value: r, label: t(`surveys.recurrence.${r}`) }))} />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title={t('surveys.wizard.step2')} size="small" style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">{t('surveys.audience.help')}</Typography.Paragraph>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name={['audience', 'tiers']} label={t('surveys.audience.tiers')}>
                <Select mode="multiple" allowClear placeholder={t('surveys.audience.any')} data-testid="audience-tiers" options={TIERS.map((v) => ({ value: v, label: t(`tier.${v}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['audience', 'buyingRoles']} label={t('surveys.audience.buyingRoles')}>
                <Select mode="multiple" allowClear placeholder={t('surveys.audience.any')} options={BUYING_ROLES.map((v) => ({ value: v, label: t(`buyingRole.${v}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={['audience', 'segments']} label={t('surveys.audience.segments')}>
                <ReferenceSelect kind="Segment" mode="multiple" allowClear placeholder={t('surveys.audience.any')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={['audience', 'industries']} label={t('surveys.audience.industries')}>
                <ReferenceSelect kind="Industry" mode="multiple" allowClear placeholder={t('surveys.audience.any')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={['audience', 'regions']} label={t('surveys.audience.regions')}>
                <ReferenceSelect kind="Region" mode="multiple" allowClear placeholder={t('surveys.audience.any')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item name={['audience', 'accountIds']} label={t('surveys.audience.accounts.explicit')} extra={t('surveys.audience.accounts.help')}>
                {can('accounts:read') ? <AccountsPicker /> : <Select mode="tags" allowClear open={false} suffixIcon={null} placeholder={t('surveys.audience.accounts.ids')} />}
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="perAccountCap" label={t('surveys.campaign.perAccountCap')} extra={t('surveys.campaign.perAccountCapHelp')} rules={[{ required: true, message: t('validation.required') }]}>
                <InputNumber min={1} max={50} precision={0} style={{ width: '100%' }} data-testid="campaign-cap" />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title={t('surveys.wizard.step3')} size="small" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="opensAt" label={t('surveys.campaign.opensAtBeijing')} rules={[{ required: true, message: t('validation.required') }]}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="campaign-opens" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="closesAt" label={t('surveys.campaign.closesAtBeijing')} rules={[{ required: true, message: t('validation.required') }]}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="campaign-closes" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="reminderAfterDays" label={t('surveys.campaign.reminder')} extra={t('surveys.campaign.reminderHelp')}>
                <InputNumber min={1} max={30} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card
          title={t('surveys.wizard.step4')}
          size="small"
          style={{ marginBottom: 16 }}
          extra={<Button icon={<EyeOutlined />} loading={preview.isPending} onClick={runPreview} data-testid="preview-audience">{t('surveys.audience.preview')}</Button>}
        >
          {previewed ? (
            <>
              {!previewIsCurrent && <Alert type="warning" showIcon title={t('surveys.audience.outdated')} style={{ marginBottom: 12 }} data-testid="preview-outdated" />}
              <AudiencePreview preview={previewed.result} />
            </>
          ) : (
            <Typography.Text type="secondary">{t('surveys.audience.previewFirst')}</Typography.Text>
          )}
        </Card>
      </Form>
      <Space wrap>
        <Button onClick={() => void save(null)} loading={busy === 'save'} disabled={busy !== null} data-testid="campaign-save">{t('surveys.campaign.saveDraft')}</Button>
        <Button type="primary" onClick={() => void save('schedule')} loading={busy === 'schedule'} disabled={busy !== null || !previewIsCurrent} data-testid="campaign-schedule">{t('surveys.campaign.saveAndSchedule')}</Button>
        <Button onClick={() => void save('open')} loading={busy === 'open'} disabled={busy !== null || !previewIsCurrent} data-testid="campaign-open">{t('surveys.campaign.saveAndOpen')}</Button>
        {!previewIsCurrent && <Typography.Text type="secondary">{t('surveys.audience.previewBeforeStep')}</Typography.Text>}
      </Space>
    </Space>
  );
}

/** Several accounts by name (ListAccounts `q`), for the explicit accounts of an audience. */
function AccountsPicker({ value, onChange, id }: { value?: string[]; onChange?: (ids: string[]) => void; id?: string }) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [names, setNames] = useState<Record<string, string>>({});
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const { data, isFetching } = useAccounts({ q: search || undefined, sort: 'name', page: 1, pageSize: 20 });
  const found = data?.items ?? [];
  const options = [
    ...(value ?? []).filter((v) => !found.some((a) => a.id === v)).map((v) => ({ value: v, label: names[v] ?? v })),
    ...found.map((a) => ({ value: a.id, label: a.name })),
  ];
  return (
    <Select
      id={id}
      mode="multiple"
      allowClear
      value={value}
      data-testid="audience-accounts"
      placeholder={t('surveys.audience.accounts.search')}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={isFetching}
      options={options}
      onChange={(ids: string[]) => {
        setNames((prev) => ({ ...prev, ...Object.fromEntries(found.filter((a) => ids.includes(a.id)).map((a) => [a.id, a.name])) }));
        onChange?.(ids);
      }}
    />
  );
}
