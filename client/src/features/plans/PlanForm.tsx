// The plan form's parts, written once: the header fields both the new-plan page and the draft editor show (the new
// page adds the account), and the pieces every list of the editor repeats (a card of rows with add and remove, a
// required date). The server checks every rule and names the field; these only say what is missing.
import type { ReactNode } from 'react';
import { Button, Card, Col, DatePicker, Divider, Form, Input, InputNumber, Row, Typography } from 'antd';
import type { FormListFieldData } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/I18nProvider';
import { AccountPicker } from '../accounts/AccountPicker';
import type { MessageKey } from '../../i18n/messages';
import { UserPicker } from './UserPicker';

/** The header's fields, as the server names them in its errors (the new page's, and the first of the editor's). */
export const HEADER_FIELDS = ['accountId', 'title', 'startDate', 'endDate', 'valueProposition', 'strategicPriorities', 'ownerId', 'reviewCadenceMonths'];

/** The form's rules, in the user's language. */
export function usePlanRules() {
  const { t } = useI18n();
  return {
    required: { required: true, message: t('plan.required.text') },
    requiredText: { required: true, whitespace: true, message: t('plan.required.text') },
    requiredDate: { required: true, message: t('plan.required.date') },
    max: (n: number) => ({ max: n, message: t('validation.max', { max: n }) }),
  };
}

export interface PlanHeaderFieldsProps {
  /** The new-plan page picks the account; a draft's account is fixed. */
  withAccount?: boolean;
  /** A draft names its owner; a new plan defaults to the signed-in user. */
  ownerRequired?: boolean;
  /** Names of users the owner picker may show before it searches. */
  known?: Record<string, string>;
}

/** The plan's header: title, period, owner, review cadence, value proposition, strategic priorities (and the account, for a new plan). */
export function PlanHeaderFields({ withAccount = false, ownerRequired = false, known }: PlanHeaderFieldsProps) {
  const { t } = useI18n();
  const rules = usePlanRules();
  return (
    <Row gutter={16}>
      {withAccount && (
        <Col xs={24} md={12}>
          <Form.Item name="accountId" label={t('plan.account')} rules={[{ required: true, message: t('plan.required.account') }]}>
            <AccountPicker testId="plan-account" />
          </Form.Item>
        </Col>
      )}
      <Col xs={24} md={12}>
        <Form.Item name="title" label={t('plan.title')} rules={[{ required: true, whitespace: true, message: t('plan.required.title') }, rules.max(200)]}>
          <Input data-testid="plan-title" />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="startDate" label={t('plan.startDate')} rules={[rules.requiredDate]} extra={t('plan.period.help')}>
          <DatePicker style={{ width: '100%' }} data-testid="plan-start" />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="endDate" label={t('plan.endDate')} rules={[rules.requiredDate]}>
          <DatePicker style={{ width: '100%' }} data-testid="plan-end" />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="ownerId" label={t('plan.owner')} rules={ownerRequired ? [{ required: true, message: t('plan.required.owner') }] : []}>
          <UserPicker known={known} testId="plan-owner" />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="reviewCadenceMonths" label={t('plan.reviewCadence')}>
          <InputNumber min={1} max={12} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="valueProposition" label={t('plan.valueProposition')} rules={[{ required: true, whitespace: true, message: t('plan.required.valueProposition') }, rules.max(4000)]}>
          <Input.TextArea rows={5} data-testid="plan-value-proposition" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="strategicPriorities" label={t('plan.strategicPriorities')} extra={t('plan.strategicPriorities.help')}>
          <Input.TextArea rows={5} data-testid="plan-priorities" />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** A row's remove button. */
export function RemoveButton({ onClick, testId }: { onClick: () => void; testId: string }) {
  const { t } = useI18n();
  return <Button type="text" danger icon={<DeleteOutlined />} onClick={onClick} aria-label={t('plan.remove')} data-testid={testId} />;
}

/** A required date of a row (a due date). */
export function DateItem({ name, label, testId }: { name: (string | number)[]; label: MessageKey; testId?: string }) {
  const { t } = useI18n();
  const rules = usePlanRules();
  return (
    <Form.Item name={name} label={t(label)} rules={[rules.requiredDate]}>
      <DatePicker style={{ width: '100%' }} data-testid={testId} />
    </Form.Item>
  );
}

export interface ListCardProps {
  /** The form list's name (objectives, initiatives, milestones, …). */
  name: string;
  title: MessageKey;
  empty: MessageKey;
  addLabel: MessageKey;
  addTestId: string;
  /** The values of a new row. */
  newRow: () => object;
  /** One row; `remove` removes it. */
  children: (field: FormListFieldData, index: number, remove: () => void) => ReactNode;
}

/** A card of the editor's rows of one list, with its add button and a line when there are none. */
export function ListCard({ name, title, empty, addLabel, addTestId, newRow, children }: ListCardProps) {
  const { t } = useI18n();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Card
          title={t(title)}
          size="small"
          style={{ marginBottom: 16 }}
          extra={
            <Button icon={<PlusOutlined />} data-testid={addTestId} onClick={() => add(newRow())}>
              {t(addLabel)}
            </Button>
          }
        >
          {fields.length === 0 && <Typography.Text type="secondary">{t(empty)}</Typography.Text>}
          {fields.map((field, index) => children(field, index, () => remove(field.name)))}
        </Card>
      )}
    </Form.List>
  );
}

/** One row of the objectives or initiatives: a divider after the first, the hidden id (and key), and its fields. */
export function ItemRow({ field, index, testId, keyed = false, children }: { field: FormListFieldData; index: number; testId: string; keyed?: boolean; children: ReactNode }) {
  return (
    <div data-testid={testId}>
      {index > 0 && <Divider style={{ margin: '8px 0 16px' }} />}
      {keyed && <Form.Item name={[field.name, 'key']} hidden><Input /></Form.Item>}
      <Form.Item name={[field.name, 'id']} hidden><Input /></Form.Item>
      <Row gutter={12} align="bottom">{children}</Row>
    </div>
  );
}

/** A required line of text of a row (a title), at most `max` characters. */
export function TitleItem({ name, label, max, testId }: { name: (string | number)[]; label: MessageKey; max: number; testId?: string }) {
  const { t } = useI18n();
  const rules = usePlanRules();
  return (
    <Form.Item name={name} label={t(label)} rules={[rules.requiredText, rules.max(max)]}>
      <Input data-testid={testId} />
    </Form.Item>
  );
}
