import { App, Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import { PageTitle } from '../../shell/PageTitle';
import { usePageTitle } from '../../shell/usePageTitle';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useFormErrors } from '../../shared/useFormErrors';
import { useSetPassword } from './usersApi';

/**
 * The public page a set-password link opens (no sign-in, no app chrome): the new password twice, then to sign-in.
 * The token stays in the URL only; it is sent once, with the password.
 */
export default function SetPasswordPage() {
  const { t } = useI18n();
  usePageTitle('setPassword.title');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const setPassword = useSetPassword();
  // A token problem (used, expired, replaced) has no field on this form: it shows above it.
  const errors = useFormErrors({ form, fields: ['password'] });
  const submit = async (values: { password: string }) => {
    errors.clear();
    try {
      await setPassword.mutateAsync({ token, password: values.password });
      void message.success(t('setPassword.done'), 8);
      navigate('/login', { replace: true });
    } catch (e) {
      errors.show(e);
    }
  };
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: 'linear-gradient(135deg,#eef3fb,#f7f9fc)' }}>
      <Card style={{ width: 400, maxWidth: 'calc(100vw - 16px)' }}>
        <div style={{ marginTop: 0, marginBottom: 8, color: '#1456c7', fontSize: 24, fontWeight: 600 }}>{t('app.name')}</div>
        <PageTitle style={{ marginBottom: 16 }}>{t('setPassword.title')}</PageTitle>
        {!token ? (
          <Alert type="warning" showIcon data-testid="set-password-no-token" title={t('setPassword.noToken')} />
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('setPassword.intro')}</Typography.Paragraph>
            <ProblemAlert error={errors.problem} extra={errors.unplaced} />
            <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
              <Form.Item name="password" label={t('setPassword.password')} rules={[{ required: true }, { min: 12 }, { max: 256 }]}>
                <Input.Password autoComplete="new-password" autoFocus data-testid="set-password-password" />
              </Form.Item>
              <Form.Item
                name="confirm"
                label={t('setPassword.confirm')}
                dependencies={['password']}
                rules={[
                  { required: true },
                  ({ getFieldValue }) => ({
                    validator: (_, value) => (!value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('setPassword.mismatch')))),
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" data-testid="set-password-confirm" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={setPassword.isPending} data-testid="set-password-submit">
                {t('setPassword.submit')}
              </Button>
            </Form>
          </>
        )}
      </Card>
    </div>
  );
}
