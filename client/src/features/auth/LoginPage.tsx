import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n/I18nProvider';
import { PageTitle } from '../../shell/PageTitle';
import { usePageTitle } from '../../shell/usePageTitle';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useFormErrors } from '../../shared/useFormErrors';
import { useProblemText } from '../../shared/problemText';

export default function LoginPage() {
  const { user, signIn, ended } = useSession();
  const { t, locale, setLocale } = useI18n();
  usePageTitle('login.submit');
  const problemText = useProblemText();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm<{ email: string; password: string }>();
  const errors = useFormErrors({ form, fields: ['email', 'password'] });
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  if (user) return <Navigate to={from} replace />;

  const submit = async (values: { email: string; password: string }) => {
    setBusy(true);
    errors.clear();
    try {
      await signIn(values.email, values.password);
      navigate(from, { replace: true });
    } catch (e) {
      errors.show(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: 'linear-gradient(135deg,#eef3fb,#f7f9fc)' }}>
      <Card style={{ width: 380, maxWidth: 'calc(100vw - 16px)' }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 16 }}>
          <PageTitle style={{ margin: 0, color: '#1456c7', fontSize: 24 }}>
            {t('app.name')}
          </PageTitle>
          <Segmented
            size="small"
            aria-label={t('nav.language')}
            value={locale}
            options={[
              { label: '中文', value: 'zh-CN' },
              { label: 'EN', value: 'en' },
            ]}
            onChange={(value) => setLocale(value as 'zh-CN' | 'en')}
          />
        </div>
        <Typography.Paragraph type="secondary">{t('login.title')}</Typography.Paragraph>
        {ended && (
          <Alert
            type="warning"
            showIcon
            data-testid="session-over"
            // Deactivated, locked out or a new password: say so; any other end of a session reads as expired.
            title={ended === 'session-ended' ? problemText.code(ended) : t('login.expired')}
            style={{ marginBottom: 16 }}
          />
        )}
        <ProblemAlert error={errors.problem} extra={errors.unplaced} />
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="email" label={t('login.email')} rules={[{ required: true, message: t('login.required.email') }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.required.password') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
