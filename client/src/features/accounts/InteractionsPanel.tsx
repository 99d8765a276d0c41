import { App as AntApp, Button, Card, Col, DatePicker, Empty, Form, Input, Row, Select, Tag, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ContactDto, InteractionInput } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useFormErrors } from '../../shared/useFormErrors';
import { formatDate, formatDateTime } from '../../shared/format';
import { useInteractions, useLogInteraction } from './accountsApi';

const TYPES = ['Call', 'Meeting', 'Visit', 'Email', 'Event'] as const;
const FIELDS = ['type', 'occurredAt', 'summary', 'contactIds', 'nextStep', 'nextStepDue'];

interface Values {
  type: InteractionInput['type'];
  occurredAt: Dayjs;
  summary: string;
  contactIds?: string[];
  nextStep?: string;
  nextStepDue?: Dayjs | null;
}

export function InteractionsPanel({ accountId, contacts, canLog }: { accountId: string; contacts: readonly ContactDto[]; canLog: boolean }) {
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const interactions = useInteractions(accountId);
  const log = useLogInteraction(accountId);
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors({ form, fields: FIELDS });
  const names = new Map(contacts.map((c) => [c.id, c.name]));

  const submit = async (values: Values) => {
    errors.clear();
    try {
      await log.mutateAsync({
        type: values.type,
        occurredAt: values.occurredAt.toISOString(),
        summary: values.summary,
        contactIds: values.contactIds ?? [],
        nextStep: values.nextStep || null,
        nextStepDue: values.nextStepDue ? values.nextStepDue.format('YYYY-MM-DD') : null,
      });
      message.success(t('interaction.logged'));
      form.resetFields();
    } catch (e) {
      errors.show(e);
    }
  };

  return (
    <Card title={t('account.interactions')}>
      <Row gutter={[24, 16]}>
        {canLog && (
          <Col span={24}>
            <Typography.Title level={5}>{t('interaction.log')}</Typography.Title>
            <ProblemAlert error={errors.problem} extra={errors.unplaced} />
            <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ type: 'Call', occurredAt: dayjs() }} data-testid="interaction-form">
              <Row gutter={12}>
                <Col xs={24} sm={8} lg={5}>
                  <Form.Item name="type" label={t('interaction.type')} rules={[{ required: true, message: t('validation.required') }]}>
                    <Select options={TYPES.map((v) => ({ value: v, label: t(`interactionType.${v}`) }))} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={16} lg={7}>
                  <Form.Item name="occurredAt" label={t('interaction.occurredAt')} rules={[{ required: true, message: t('interaction.required.occurredAt') }]}>
                    <DatePicker showTime style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs().add(1, 'day'))} />
                  </Form.Item>
                </Col>
                <Col xs={24} lg={12}>
                  <Form.Item name="contactIds" label={t('interaction.contacts')}>
                    <Select mode="multiple" options={contacts.map((c) => ({ value: c.id, label: c.name }))} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="summary" label={t('interaction.summary')} rules={[{ required: true, whitespace: true, message: t('interaction.required.summary') }, { max: 4000, message: t('validation.max', { max: 4000 }) }]}>
                <Input.TextArea rows={3} />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} sm={14} lg={16}>
                  <Form.Item name="nextStep" label={t('interaction.nextStep')} rules={[{ max: 500, message: t('validation.max', { max: 500 }) }]}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={10} lg={8}>
                  <Form.Item
                    name="nextStepDue"
                    label={t('interaction.nextStepDue')}
                    dependencies={['nextStep']}
                    rules={[({ getFieldValue }) => ({ validator: (_, v) => (!v || getFieldValue('nextStep') ? Promise.resolve() : Promise.reject(new Error(t('validation.required')))) })]}
                  >
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              <Button type="primary" htmlType="submit" loading={log.isPending}>
                {t('interaction.log')}
              </Button>
            </Form>
          </Col>
        )}
        <Col span={24}>
          <ProblemAlert error={interactions.error} />
          {interactions.data && interactions.data.items.length === 0 && <Empty description={t('interaction.empty')} />}
          <Timeline
            data-testid="interaction-timeline"
            items={(interactions.data?.items ?? []).map((i) => ({
              key: i.id,
              content: (
                <div>
                  <Tag>{t(`interactionType.${i.type}`)}</Tag>
                  <Typography.Text type="secondary">{formatDateTime(locale, i.occurredAt)}</Typography.Text>
                  <div>{i.summary}</div>
                  {i.contactIds.length > 0 && <Typography.Text type="secondary">{i.contactIds.map((c) => names.get(c) ?? '?').join('、')}</Typography.Text>}
                  {i.nextStep && (
                    <div>
                      <Typography.Text strong>{t('interaction.nextStep')}: </Typography.Text>
                      {i.nextStep} {i.nextStepDue && `(${formatDate(locale, i.nextStepDue)})`}
                    </div>
                  )}
                </div>
              ),
            }))}
          />
        </Col>
      </Row>
    </Card>
  );
}
