// The editor of a draft plan: the whole editable document (header, objectives with their measures, initiatives,
// milestones, stakeholders, SWOT) saved in one PUT with the plan's ETag. The server checks every rule (period of 1 to
// 3 years, target ≠ baseline, owners who are active users, an actual only for a Manual measure) and names the field;
// the error lands on that field (objectives[2].target → the third objective's target).
import { useState } from 'react';
import { App as AntApp, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { StaleVersionAlert, type StaleVersion } from '../../shared/StaleVersion';
import { useFormErrors } from '../../shared/useFormErrors';
import { useContacts } from '../accounts/accountsApi';
import { DIRECTIONS, EVIDENCE_KINDS, INITIATIVE_STATUSES, PLAN_DEPARTMENTS, QUADRANTS, SOURCES, UNITS, newObjectiveKey, toFormValues, toUpdateBody, type PlanFormValues } from './model';
import { formatMeasure } from './labels';
import { UserPicker } from './UserPicker';
import { DateItem, HEADER_FIELDS, ItemRow, ListCard, PlanHeaderFields, RemoveButton, TitleItem, usePlanRules } from './PlanForm';
import { useUpdatePlan, type PlanDto } from './plansApi';

const FIELDS = [...HEADER_FIELDS, 'objectives', 'initiatives', 'milestones', 'stakeholders', 'swot'];

export interface PlanEditorProps {
  plan: PlanDto;
  etag: string;
  stale: StaleVersion;
  onSaved: () => void;
  onCancel: () => void;
}

export function PlanEditor({ plan, etag, stale, onSaved, onCancel }: PlanEditorProps) {
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<PlanFormValues>();
  const [initial] = useState(() => toFormValues(plan));
  const update = useUpdatePlan(plan.id);
  const errors = useFormErrors({ form, fields: FIELDS });
  const contacts = useContacts(plan.accountId);
  const objectives = Form.useWatch('objectives', form) ?? initial.objectives ?? [];
  const known: Record<string, string> = { [plan.ownerId]: plan.ownerName ?? '' };
  for (const i of plan.initiatives) known[i.ownerId] = i.ownerName ?? '';

  const save = async (values: PlanFormValues) => {
    errors.clear();
    try {
      await update.mutateAsync({ etag, body: toUpdateBody({ ...values, accountId: plan.accountId }) });
      stale.dismiss();
      message.success(t('plan.saved'));
      onSaved();
    } catch (e) {
      if (stale.caught(e)) return;
      errors.show(e);
    }
  };

  const { required, max } = usePlanRules();
  const decimal = (testId: string) => <InputNumber<string> stringMode style={{ width: '100%' }} data-testid={testId} />;

  return (
    <Form<PlanFormValues> form={form} layout="vertical" initialValues={initial} onFinish={save} data-testid="plan-editor" scrollToFirstError>
      <StaleVersionAlert state={stale} title={t('plan.stale.title')} description={t('plan.edit.stale.body')} testId="plan-stale" style={{ marginBottom: 16 }} />
      <ProblemAlert error={errors.problem} extra={errors.unplaced} />
      <Card title={t('plan.plan')} size="small" style={{ marginBottom: 16 }}>
        <PlanHeaderFields ownerRequired known={known} />
      </Card>

      <ListCard
        name="objectives"
        title="plan.objectives"
        empty="plan.objectives.empty"
        addLabel="plan.add.objective"
        addTestId="add-objective"
        newRow={() => ({ key: newObjectiveKey(), unit: 'Number', direction: 'HigherIsBetter', source: 'Manual' })}
      >
        {(field, index, removeRow) => {
          const o = objectives[index];
          const metric = o?.source !== undefined && o.source !== 'Manual';
          const current = o?.id ? plan.objectives.find((x) => x.id === o.id) : undefined;
          return (
            <ItemRow key={field.key} field={field} index={index} testId={`objective-${index}`} keyed>
              <Col xs={24} md={10}>
                <TitleItem name={[field.name, 'title']} label="plan.objective" max={200} testId={`objective-${index}-title`} />
              </Col>
              <Col xs={12} md={5}>
                <Form.Item name={[field.name, 'source']} label={t('plan.source')} rules={[required]}>
                  <Select data-testid={`objective-${index}-source`} options={SOURCES.map((s) => ({ value: s, label: t(`plan.source.${s}`) }))} />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name={[field.name, 'unit']} label={t('plan.unit')} rules={[required]}>
                  <Select data-testid={`objective-${index}-unit`} options={UNITS.map((u) => ({ value: u, label: t(`plan.unit.${u}`) }))} />
                </Form.Item>
              </Col>
              <Col xs={20} md={4}>
                <Form.Item name={[field.name, 'direction']} label={t('plan.direction')} rules={[required]}>
                  <Select data-testid={`objective-${index}-direction`} options={DIRECTIONS.map((d) => ({ value: d, label: t(`plan.direction.${d}`) }))} />
                </Form.Item>
              </Col>
              <Col xs={4} md={1}>
                <Form.Item><RemoveButton onClick={removeRow} testId={`objective-${index}-remove`} /></Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name={[field.name, 'baseline']} label={t('plan.baselineValue')} rules={[required]}>
                  {decimal(`objective-${index}-baseline`)}
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name={[field.name, 'target']} label={t('plan.target')} rules={[required]}>
                  {decimal(`objective-${index}-target`)}
                </Form.Item>
              </Col>
              {o?.unit === 'Currency' && (
                <Col xs={12} md={3}>
                  <Form.Item name={[field.name, 'currency']} label={t('plan.currency')} rules={[required, { pattern: /^[A-Z]{3}$/, message: t('validation.currency') }]}>
                    <Input maxLength={3} placeholder="CNY" />
                  </Form.Item>
                </Col>
              )}
              <Col xs={12} md={5}>
                <DateItem name={[field.name, 'dueDate']} label="plan.dueDate" testId={`objective-${index}-due`} />
              </Col>
              <Col xs={24} md={o?.unit === 'Currency' ? 8 : 11}>
                {metric ? (
                  // A metric's actual is KeyAccount's to compute: shown, never typed.
                  <Form.Item label={t('plan.actual')} extra={t('plan.actual.metric')}>
                    <Input disabled value={current ? formatMeasure(locale, current.actual, current.unit, current.currency) : t('plan.actual.none')} data-testid={`objective-${index}-actual-metric`} />
                  </Form.Item>
                ) : (
                  <Form.Item name={[field.name, 'actual']} label={t('plan.actual')}>
                    {decimal(`objective-${index}-actual`)}
                  </Form.Item>
                )}
              </Col>
            </ItemRow>
          );
        }}
      </ListCard>

      <ListCard
        name="initiatives"
        title="plan.initiatives"
        empty="plan.initiatives.empty"
        addLabel="plan.add.initiative"
        addTestId="add-initiative"
        newRow={() => ({ status: 'NotStarted', ownerId: plan.ownerId, budgetCurrency: 'CNY' })}
      >
        {(field, index, removeRow) => (
          <ItemRow key={field.key} field={field} index={index} testId={`initiative-${index}`}>
            <Col xs={24} md={9}>
              <TitleItem name={[field.name, 'title']} label="plan.initiative" max={200} testId={`initiative-${index}-title`} />
            </Col>
            <Col xs={12} md={5}>
              <Form.Item name={[field.name, 'ownerId']} label={t('plan.initiative.owner')} rules={[required]}>
                <UserPicker known={known} testId={`initiative-${index}-owner`} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name={[field.name, 'department']} label={t('plan.initiative.department')} rules={[required]}>
                <Select data-testid={`initiative-${index}-department`} options={PLAN_DEPARTMENTS.map((d) => ({ value: d, label: t(`complaint.department.${d}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={5}>
              <DateItem name={[field.name, 'dueDate']} label="plan.dueDate" testId={`initiative-${index}-due`} />
            </Col>
            <Col xs={12} md={1}>
              <Form.Item><RemoveButton onClick={removeRow} testId={`initiative-${index}-remove`} /></Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name={[field.name, 'status']} label={t('plan.initiative.status')} rules={[required]}>
                <Select options={INITIATIVE_STATUSES.map((s) => ({ value: s, label: t(`plan.initiative.status.${s}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name={[field.name, 'objectiveKey']} label={t('plan.initiative.objective')}>
                <Select
                  allowClear
                  data-testid={`initiative-${index}-objective`}
                  options={objectives.filter((o) => o?.key).map((o, i) => ({ value: o.key, label: o.title?.trim() || `${t('plan.objective')} ${i + 1}` }))}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name={[field.name, 'budgetAmount']} label={t('plan.initiative.budget')}>
                {decimal(`initiative-${index}-budget`)}
              </Form.Item>
            </Col>
            <Col xs={12} md={3}>
              <Form.Item name={[field.name, 'budgetCurrency']} label={t('plan.initiative.budgetCurrency')} rules={[{ pattern: /^[A-Z]{3}$/, message: t('validation.currency') }]}>
                <Input maxLength={3} placeholder="CNY" />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name={[field.name, 'personDays']} label={t('plan.initiative.personDays')}>
                {decimal(`initiative-${index}-person-days`)}
              </Form.Item>
            </Col>
          </ItemRow>
        )}
      </ListCard>

      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <ListCard name="milestones" title="plan.milestones" empty="plan.milestones.empty" addLabel="plan.add.milestone" addTestId="add-milestone" newRow={() => ({})}>
            {(field, index, removeRow) => (
              <Row gutter={8} key={field.key} align="bottom">
                <Col span={10}>
                  <TitleItem name={[field.name, 'title']} label="plan.milestone" max={200} testId={`milestone-${index}-title`} />
                </Col>
                <Col span={6}>
                  <DateItem name={[field.name, 'dueDate']} label="plan.dueDate" />
                </Col>
                <Col span={6}>
                  <Form.Item name={[field.name, 'reachedOn']} label={t('plan.milestone.reachedOn')}>
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={2}>
                  <Form.Item><RemoveButton onClick={removeRow} testId={`milestone-${index}-remove`} /></Form.Item>
                </Col>
              </Row>
            )}
          </ListCard>
        </Col>
        <Col xs={24} lg={12}>
          <ListCard name="stakeholders" title="plan.stakeholders" empty="plan.stakeholders.empty" addLabel="plan.add.stakeholder" addTestId="add-stakeholder" newRow={() => ({})}>
            {(field, index, removeRow) => (
              <Row gutter={8} key={field.key} align="bottom">
                <Col span={10}>
                  <Form.Item name={[field.name, 'contactId']} label={t('plan.stakeholder.contact')} rules={[required]}>
                    <Select
                      data-testid={`stakeholder-${index}-contact`}
                      loading={contacts.isLoading}
                      options={(contacts.data?.items ?? []).map((c) => ({ value: c.id, label: c.title ? `${c.name} · ${c.title}` : c.name }))}
                    />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name={[field.name, 'note']} label={t('plan.stakeholder.note')} rules={[max(1000)]}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={2}>
                  <Form.Item><RemoveButton onClick={removeRow} testId={`stakeholder-${index}-remove`} /></Form.Item>
                </Col>
              </Row>
            )}
          </ListCard>
        </Col>
      </Row>

      <ListCard name="swot" title="plan.swot" empty="plan.swot.empty" addLabel="plan.add.swot" addTestId="add-swot" newRow={() => ({ quadrant: 'Strength' })}>
        {(field, index, removeRow) => (
          <Row gutter={8} key={field.key} align="bottom">
            <Col xs={12} md={4}>
              <Form.Item name={[field.name, 'quadrant']} label={t('plan.swot.quadrant')} rules={[required]}>
                <Select data-testid={`swot-${index}-quadrant`} options={QUADRANTS.map((q) => ({ value: q, label: t(`plan.swot.${q}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <TitleItem name={[field.name, 'text']} label="plan.swot.text" max={1000} testId={`swot-${index}-text`} />
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name={[field.name, 'evidenceKind']} label={t('plan.evidence.kind')}>
                <Select allowClear options={EVIDENCE_KINDS.map((k) => ({ value: k, label: t(`plan.evidence.${k}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={10} md={5}>
              <Form.Item name={[field.name, 'evidenceReference']} label={t('plan.evidence.reference')} rules={[max(200)]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={2} md={1}>
              <Form.Item><RemoveButton onClick={removeRow} testId={`swot-${index}-remove`} /></Form.Item>
            </Col>
          </Row>
        )}
      </ListCard>

      <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
        <Button onClick={onCancel} data-testid="plan-edit-cancel">{t('plan.editCancel')}</Button>
        <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="plan-save">{t('plan.save')}</Button>
      </Space>
    </Form>
  );
}
