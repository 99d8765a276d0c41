// A new draft plan: its header (account, title, period, value proposition, priorities, owner). Created with an
// Idempotency-Key (a double click creates one draft), then opened in the editor for objectives and initiatives.
import { App as AntApp, Button, Card, Form, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../auth/session';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useFormErrors } from '../../shared/useFormErrors';
import { toCreateBody, type PlanFormValues } from './model';
import { HEADER_FIELDS, PlanHeaderFields } from './PlanForm';
import { useCreatePlan } from './plansApi';
import { PageTitle } from '../../shell/PageTitle';
import { usePageTitle } from '../../shell/usePageTitle';


export default function NewPlanPage() {
  usePageTitle('plan.new.title');
  const { t } = useI18n();
  const { user } = useSession();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<PlanFormValues>();
  const create = useCreatePlan();
  const errors = useFormErrors({ form, fields: HEADER_FIELDS });
  // A plan of three years from the first of next month, by default (the period is the user's to change).
  const start = dayjs().add(1, 'month').startOf('month');

  const submit = async (v: PlanFormValues) => {
    errors.clear();
    try {
      const plan = await create.mutateAsync(toCreateBody(v));
      message.success(t('plan.created'));
      navigate(`/plans/${plan.id}?edit=1`);
    } catch (e) {
      errors.show(e);
    }
  };

  return (
    <Card title={<PageTitle>{t('plan.new.title')}</PageTitle>}>
      <Typography.Paragraph type="secondary">{t('plan.new.help')}</Typography.Paragraph>
      <Form<PlanFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="new-plan-form"
        initialValues={{ accountId: params.get('accountId') ?? undefined, startDate: start, endDate: start.add(3, 'year').subtract(1, 'day'), reviewCadenceMonths: 3, ownerId: user?.id }}
      >
        <ProblemAlert error={errors.problem} extra={errors.unplaced} />
        <PlanHeaderFields withAccount />
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="plan-create">{t('plan.create')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
