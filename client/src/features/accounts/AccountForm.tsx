import { useState } from 'react';
import { ReferenceSelect } from '../../shared/referenceData';
import { Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { AccountDto, AccountProfileInput } from '../../api/client';
import { useT } from '../../i18n/I18nProvider';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useFormErrors } from '../../shared/useFormErrors';
import { STATUSES } from './labels';

interface Values {
  name: string;
  registrationNumber: string;
  industry: string;
  region: string;
  segment: string;
  status: AccountProfileInput['status'];
  strategicFit?: number | null;
  potentialAnnualRevenue?: { amount?: number | null; currency?: string };
  firstContractDate?: Dayjs | null;
}

// The form's fields; errors of others (the owner, kept as it is) show above the form.
const FIELDS = ['name', 'registrationNumber', 'industry', 'region', 'segment', 'status', 'strategicFit', 'potentialAnnualRevenue', 'firstContractDate'] as const;

export function toInput(values: Values, ownerId?: string): AccountProfileInput {
  const amount = values.potentialAnnualRevenue?.amount;
  return {
    name: values.name,
    registrationNumber: values.registrationNumber,
    industry: values.industry,
    region: values.region,
    segment: values.segment,
    status: values.status,
    strategicFit: values.strategicFit ?? null,
    potentialAnnualRevenue: amount === undefined || amount === null ? undefined : { amount: amount.toFixed(2), currency: values.potentialAnnualRevenue?.currency || 'CNY' },
    firstContractDate: values.firstContractDate ? values.firstContractDate.format('YYYY-MM-DD') : null,
    ownerId: ownerId ?? null,
  };
}

/**
 * The account profile form. Its rules mirror the API's validator (AccountProfileValidator); whatever the API still
 * refuses comes back as problem details and is placed on the fields it names.
 */
export function AccountForm({ initial, onSubmit, onCancel }: { initial?: AccountDto; onSubmit: (input: AccountProfileInput) => Promise<unknown>; onCancel?: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors({ form, fields: FIELDS });
  const [busy, setBusy] = useState(false);
  const required = { required: true, whitespace: true, message: t('validation.required') };
  const max = (n: number) => ({ max: n, message: t('validation.max', { max: n }) });

  const submit = async (values: Values) => {
    setBusy(true);
    errors.clear();
    try {
      await onSubmit(toInput(values, initial?.ownerId));
    } catch (e) {
      // A 412 is said by the page (StaleVersionAlert), with its Reload.
      errors.show(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{
        status: initial?.status ?? 'Active',
        name: initial?.name,
        registrationNumber: initial?.registrationNumber,
        industry: initial?.industry,
        region: initial?.region,
        segment: initial?.segment,
        strategicFit: initial?.strategicFit ?? undefined,
        potentialAnnualRevenue: {
          amount: initial?.potentialAnnualRevenue ? Number(initial.potentialAnnualRevenue.amount) : undefined,
          currency: initial?.potentialAnnualRevenue?.currency ?? 'CNY',
        },
        firstContractDate: initial?.firstContractDate ? dayjs(initial.firstContractDate) : undefined,
      }}
    >
      <ProblemAlert error={errors.problem} extra={errors.unplaced} />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t('account.name')} rules={[required, max(200)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="registrationNumber"
            label={t('account.registrationNumber')}
            rules={[required, max(50), { pattern: /^\s*[A-Za-z0-9][A-Za-z0-9 ./-]*$/, message: t('validation.registration') }]}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="industry" label={t('account.industry')} rules={[{ required: true, message: t('validation.required') }]}>
            <ReferenceSelect kind="Industry" data-testid="account-industry" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="region" label={t('account.region')} rules={[{ required: true, message: t('validation.required') }]}>
            <ReferenceSelect kind="Region" data-testid="account-region" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="segment" label={t('account.segment')} rules={[{ required: true, message: t('validation.required') }]}>
            <ReferenceSelect kind="Segment" data-testid="account-segment" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="status" label={t('account.status')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="strategicFit" label={t('account.strategicFit')} rules={[{ type: 'integer', min: 1, max: 5, message: t('validation.fit') }]}>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="firstContractDate" label={t('account.firstContract')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('account.potential')} required={false}>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item name={['potentialAnnualRevenue', 'amount']} noStyle rules={[{ type: 'number', min: 0, message: t('validation.amount') }]}>
                <InputNumber style={{ width: '70%' }} aria-label={t('account.potential')} />
              </Form.Item>
              <Form.Item name={['potentialAnnualRevenue', 'currency']} noStyle rules={[{ pattern: /^[A-Z]{3}$/, message: t('validation.currency') }]}>
                <Input style={{ width: '30%' }} aria-label={t('account.currency')} />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
        </Col>
      </Row>
      <Space>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('account.save')}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t('common.cancel')}</Button>}
      </Space>
    </Form>
  );
}
