// A new draft plan: its header (account, title, period, value proposition, priorities, owner). Created with an
// Idempotency-Key (a double click creates one draft), then opened in the editor for objectives and initiatives.
import { App as AntApp, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../auth/session';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useFormErrors } from '../../shared/useFormErrors';
import { AccountPicker } from '../accounts/AccountPicker';
import { prioritiesList, type PlanFormValues } from './model';
import { UserPicker } from './UserPicker';
import { useCreatePlan } from './plansApi';

const FIELDS = ['accountId', 'title', 'startDate', 'endDate', 'valueProposition', 'strategicPriorities', 'ownerId', 'reviewCadenceMonths'];

export default function NewPlanPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<PlanFormValues>();
  const create = useCreatePlan();
  const errors = useFormErrors({ form, fields: FIELDS });
  // A plan of three years from the first of next month, by default (the period is the user's to change).
  const start = dayjs().add(1, 'month').startOf('month');

  const submit = async (v: PlanFormValues) => {
    errors.clear();
    try {
      const plan = await create.mutateAsync({
        accountId: v.accountId ?? '',
        title: (v.title ?? '').trim(),
        startDate: v.startDate?.format('YYYY-MM-DD') ?? '',
        endDate: v.endDate?.format('YYYY-MM-DD') ?? '',
        valueProposition: (v.valueProposition ?? '').trim(),
        strategicPriorities: prioritiesList(v.strategicPriorities),
        ownerId: v.ownerId ?? null,
        reviewCadenceMonths: v.reviewCadenceMonths ?? null,
      });
      message.success(t('plan.created'));
      navigate(`/plans/${plan.id}?edit=1`);
    } catch (e) {
      errors.show(e);
    }
  };

  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('plan.new.title')}</Typography.Title>}>
      <Typography.Paragraph type="secondary">{t('plan.new.help')}</Typography.Paragraph>
      <Form<PlanFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="new-plan-form"
        initialValues={{ accountId: params.get('accountId') ?? undefined, startDate: start, endDate: start.add(3, 'year').subtract(1, 'day'), reviewCadenceMonths: 3, ownerId: user?.id }}
      >
        <ProblemAlert error={errors.problem} extra={errors.unplaced} />
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="accountId" label={t('plan.account')} rules={[{ required: true, message: t('plan.required.account') }]}>
              <AccountPicker testId="plan-account" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="title" label={t('plan.title')} rules={[{ required: true, whitespace: true, message: t('plan.required.title') }, { max: 200, message: t('validation.max', { max: 200 }) }]}>
              <Input data-testid="plan-title" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="startDate" label={t('plan.startDate')} rules={[{ required: true, message: t('plan.required.date') }]} extra={t('plan.period.help')}>
              <DatePicker style={{ width: '100%' }} data-testid="plan-start" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="endDate" label={t('plan.endDate')} rules={[{ required: true, message: t('plan.required.date') }]}>
              <DatePicker style={{ width: '100%' }} data-testid="plan-end" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="ownerId" label={t('plan.owner')}>
              <UserPicker testId="plan-owner" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="reviewCadenceMonths" label={t('plan.reviewCadence')}>
              <InputNumber min={1} max={12} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="valueProposition" label={t('plan.valueProposition')} rules={[{ required: true, whitespace: true, message: t('plan.required.valueProposition') }, { max: 4000, message: t('validation.max', { max: 4000 }) }]}>
              <Input.TextArea rows={5} data-testid="plan-value-proposition" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="strategicPriorities" label={t('plan.strategicPriorities')} extra={t('plan.strategicPriorities.help')}>
              <Input.TextArea rows={5} data-testid="plan-priorities" />
            </Form.Item>
          </Col>
        </Row>
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="plan-create">{t('plan.create')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
