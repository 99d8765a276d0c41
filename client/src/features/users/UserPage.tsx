import { useState } from 'react';
import { App, Button, Card, Descriptions, Form, Input, Modal, Popconfirm, Radio, Space, Spin, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { StaleVersionAlert, useStaleVersion } from '../../shared/StaleVersion';
import { useFormErrors } from '../../shared/useFormErrors';
import { formatDateTime } from '../../shared/format';
import { AuditHistorySection } from '../audit';
import { UserStatus } from './UserStatus';
import { UserFieldsForm, type UserFormValues, toUserFields } from './UserFieldsForm';
import { useResetPassword, useUpdateUser, useUser, useUserAction, type UserAction, type UserDto } from './usersApi';
import { PageTitle } from '../../shell/PageTitle';
import { usePageTitle } from '../../shell/usePageTitle';

/** One user: the profile form (If-Match), and deactivate / reactivate / unlock / reset password, each confirmed. */
export default function UserPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const user = useUser(id);
  usePageTitle('users.title', user.data?.data.displayName);
  const stale = useStaleVersion(() => user.refetch(), { atOnce: true });
  const action = useUserAction(id);
  const [error, setError] = useState<unknown>(null);
  const [resetting, setResetting] = useState(false);

  if (user.isLoading) return <Spin style={{ display: 'block', margin: '20vh auto' }} />;
  const data = user.data?.data;
  const etag = user.data?.etag ?? '';
  if (!data) return <ProblemAlert error={user.error} />;

  const act = async (name: UserAction) => {
    setError(null);
    try {
      await action.mutateAsync({ action: name, etag });
    } catch (e) {
      if (!stale.caught(e)) setError(e);
    }
  };

  return (
    <Card
      title={
        <Space>
          <Link to="/users"><ArrowLeftOutlined /> {t('users.back')}</Link>
          <PageTitle style={{ margin: 0 }} data-testid="user-title">{data.displayName}</PageTitle>
        </Space>
      }
      extra={
        <Space wrap>
          {data.isActive ? (
            <Popconfirm title={t('users.deactivateConfirm')} onConfirm={() => act('deactivate')}>
              <Button danger data-testid="user-deactivate">{t('users.deactivate')}</Button>
            </Popconfirm>
          ) : (
            <Popconfirm title={t('users.reactivateConfirm')} onConfirm={() => act('reactivate')}>
              <Button data-testid="user-reactivate">{t('users.reactivate')}</Button>
            </Popconfirm>
          )}
          {data.lockedUntil && (
            <Popconfirm title={t('users.unlockConfirm')} onConfirm={() => act('unlock')}>
              <Button data-testid="user-unlock">{t('users.unlock')}</Button>
            </Popconfirm>
          )}
          <Button onClick={() => setResetting(true)} data-testid="user-reset">{t('users.resetPassword')}</Button>
        </Space>
      }
    >
      <StaleVersionAlert state={stale} title={t('users.changed')} />
      <ProblemAlert error={error} />
      <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('users.email')}>{data.email}</Descriptions.Item>
        <Descriptions.Item label={t('users.active')}><UserStatus user={data} /></Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{t('users.edit')}</Typography.Title>
      <ProfileForm key={`${data.version}-${stale.version}`} user={data} etag={etag} onStale={(e) => stale.caught(e)} onSaved={() => void message.success(t('users.saved'))} />
      <ResetPassword user={data} etag={etag} open={resetting} onClose={() => setResetting(false)} onStale={(e) => stale.caught(e)} />
      <Typography.Text type="secondary">{formatDateTime(locale, data.createdAt)}</Typography.Text>
      <AuditHistorySection entityType="user" entityId={data.id} />
    </Card>
  );
}

function ProfileForm({ user, etag, onStale, onSaved }: { user: UserDto; etag: string; onStale: (e: unknown) => boolean; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<UserFormValues>();
  const update = useUpdateUser(user.id);
  const errors = useFormErrors({ form, fields: ['displayName', 'role', 'department', 'managerId', 'isDepartmentHead', 'language'] });
  const submit = async (values: UserFormValues) => {
    errors.clear();
    try {
      await update.mutateAsync({ etag, body: toUserFields(values) });
      onSaved();
    } catch (e) {
      if (!onStale(e)) errors.show(e);
    }
  };
  return (
    <>
      <ProblemAlert error={errors.problem} extra={errors.unplaced} />
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 520 }}
        onFinish={submit}
        initialValues={{
          displayName: user.displayName,
          role: user.role,
          department: user.department ?? undefined,
          managerId: user.managerId ?? undefined,
          isDepartmentHead: user.isDepartmentHead,
          language: user.language,
        }}
      >
        <UserFieldsForm self={user.id} current={user.managerId ? { id: user.managerId, name: user.managerName ?? user.managerId } : null} />
        <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="user-save">{t('users.save')}</Button>
      </Form>
    </>
  );
}

function ResetPassword({ user, etag, open, onClose, onStale }: { user: UserDto; etag: string; open: boolean; onClose: () => void; onStale: (e: unknown) => boolean }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ mode: 'link' | 'password'; password?: string }>();
  const reset = useResetPassword(user.id);
  const errors = useFormErrors({ form, fields: ['password'] });
  const mode = Form.useWatch('mode', form) ?? 'link';
  const submit = (values: { mode: 'link' | 'password'; password?: string }) => {
    // The reset signs the user out everywhere: it is confirmed like the other steps.
    modal.confirm({
      title: t('users.resetConfirm'),
      okText: t('users.resetPassword'),
      cancelText: t('users.cancel'),
      onOk: async () => {
        errors.clear();
        try {
          const link = values.mode === 'link';
          await reset.mutateAsync({ etag, body: link ? { sendSetPasswordLink: true } : { password: values.password ?? '', sendSetPasswordLink: false } });
          form.resetFields();
          onClose();
          void message.success(link ? t('users.linkSent', { email: user.email }) : t('users.resetDone'), 8);
        } catch (e) {
          if (onStale(e)) onClose();
          else errors.show(e);
        }
      },
    });
  };
  return (
    <Modal open={open} title={t('users.resetPassword')} onCancel={onClose} okText={t('users.resetPassword')} cancelText={t('users.cancel')} onOk={() => form.submit()} confirmLoading={reset.isPending} destroyOnHidden>
      <ProblemAlert error={errors.problem} extra={errors.unplaced} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ mode: 'link' }}>
        <Form.Item name="mode">
          <Radio.Group>
            <Radio value="link">{t('users.passwordMode.link')}</Radio>
            <Radio value="password">{t('users.passwordMode.password')}</Radio>
          </Radio.Group>
        </Form.Item>
        {mode === 'password' && (
          <Form.Item name="password" label={t('users.password')} extra={t('users.passwordHint')} rules={[{ required: true }, { min: 12 }]}>
            <Input.Password autoComplete="new-password" data-testid="reset-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
