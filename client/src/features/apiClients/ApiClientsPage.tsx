import { useState } from 'react';
import { Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../i18n/I18nProvider';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useFormErrors } from '../../shared/useFormErrors';
import { formatDateTime } from '../../shared/format';
import { ClientSecretModal } from './ClientSecretModal';
import { SCOPES, useApiClients, useCreateApiClient, useRevokeApiClient, useRotateApiClientSecret, type ApiClientDto } from './apiClientsApi';
import { PageTitle } from '../../shell/PageTitle';
import { usePageTitle } from '../../shell/usePageTitle';
import { ResponsiveTable } from '../../shared/ResponsiveTable';

type Credentials = { clientId: string; clientSecret: string };
const STATE_COLOURS = { Active: 'green', Expired: 'orange', Revoked: 'red' } as const;

/** The Admin's page for third-party systems: API clients (create and rotate show the secret once; revoke asks first). */
export default function ApiClientsPage() {
  usePageTitle('apiClients.title');
  const { t, locale } = useI18n();
  const clients = useApiClients();
  const [creating, setCreating] = useState(false);
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const rotate = useRotateApiClientSecret();
  const revoke = useRevokeApiClient();
  // A refused rotation or revocation is shown by the ProblemAlert above the table (translated), not thrown.
  const shown = () => undefined;
  return (
    <Card title={<PageTitle>{t('apiClients.title')}</PageTitle>}>
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Text type="secondary">{t('apiClients.intro')}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="api-client-new">
          {t('apiClients.new')}
        </Button>
      </Space>
      <ProblemAlert error={clients.error ?? rotate.error ?? revoke.error} />
      <ResponsiveTable<ApiClientDto>
        rowKey="id"
        loading={clients.isLoading}
        dataSource={clients.data ?? []}
        locale={{ emptyText: t('apiClients.empty') }}
        columns={[
          { title: t('apiClients.name'), dataIndex: 'name' },
          { title: t('apiClients.clientId'), dataIndex: 'clientId', render: (id: string) => <Typography.Text code copyable>{id}</Typography.Text> },
          { title: t('apiClients.scopes'), dataIndex: 'scopes', render: (scopes: string[]) => scopes.map((s) => <Tag key={s}>{s}</Tag>) },
          {
            title: t('apiClients.accountScope'),
            dataIndex: 'accountScopeUserId',
            render: (id: string | null) => (id ? t('apiClients.accountScopeUser', { id }) : t('apiClients.accountScopeAll')),
          },
          { title: t('apiClients.lastUsed'), dataIndex: 'lastUsedAt', render: (v: string | null) => (v ? formatDateTime(locale, v) : t('apiClients.notUsed')) },
          { title: t('apiClients.expiresAt'), dataIndex: 'expiresAt', render: (v: string | null) => (v ? formatDateTime(locale, v) : t('apiClients.never')) },
          { title: t('apiClients.state'), dataIndex: 'state', render: (s: ApiClientDto['state']) => <Tag color={STATE_COLOURS[s]}>{t(`apiClients.state.${s}`)}</Tag> },
          {
            title: t('apiClients.actions'),
            key: 'actions',
            render: (_, c) =>
              c.state === 'Revoked' ? null : (
                <Space>
                  <Popconfirm
                    title={t('apiClients.rotateConfirm')}
                    okText={t('apiClients.rotate')}
                    cancelText={t('apiClients.cancel')}
                    onConfirm={() =>
                      rotate.mutateAsync({ id: c.id, version: c.version, overlapHours: 24 }).then((r) => setCredentials({ clientId: r.clientId, clientSecret: r.clientSecret }), shown)
                    }
                  >
                    <Button size="small" data-testid={`api-client-rotate-${c.id}`}>{t('apiClients.rotate')}</Button>
                  </Popconfirm>
                  <Popconfirm
                    title={t('apiClients.revokeConfirm')}
                    okText={t('apiClients.revoke')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('apiClients.cancel')}
                    onConfirm={() => revoke.mutateAsync(c.id).catch(shown)}
                  >
                    <Button size="small" danger data-testid={`api-client-revoke-${c.id}`}>{t('apiClients.revoke')}</Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <CreateApiClient open={creating} onClose={() => setCreating(false)} onCreated={(c) => { setCreating(false); setCredentials(c); }} />
      <ClientSecretModal credentials={credentials} onClose={() => setCredentials(null)} />
    </Card>
  );
}

type CreateForm = { name: string; scopes: ApiClientDto['scopes']; accountScopeUserId?: string; expiresAt?: Dayjs; requestsPerMinute?: number };

function CreateApiClient({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (credentials: Credentials) => void }) {
  const t = useI18n().t;
  const [form] = Form.useForm<CreateForm>();
  const create = useCreateApiClient();
  const errors = useFormErrors({ form, fields: ['name', 'scopes', 'accountScopeUserId', 'expiresAt', 'requestsPerMinute'] });
  const submit = async (values: CreateForm) => {
    errors.clear();
    try {
      const created = await create.mutateAsync({
        name: values.name.trim(),
        scopes: values.scopes,
        accountScopeUserId: values.accountScopeUserId?.trim() || null,
        expiresAt: values.expiresAt ? values.expiresAt.toISOString() : null,
        requestsPerMinute: values.requestsPerMinute ?? null,
      });
      form.resetFields();
      onCreated({ clientId: created.clientId, clientSecret: created.clientSecret });
    } catch (e) {
      errors.show(e);
    }
  };
  return (
    <Modal open={open} title={t('apiClients.new')} onCancel={onClose} okText={t('apiClients.create')} cancelText={t('apiClients.cancel')} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden width={640}>
      <ProblemAlert error={errors.problem} extra={errors.unplaced} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="name" label={t('apiClients.name')} rules={[{ required: true }]}>
          <Input maxLength={100} placeholder="ERP 收入同步" data-testid="api-client-name" />
        </Form.Item>
        <Form.Item name="scopes" label={t('apiClients.scopes')} extra={t('apiClients.scopesHint')} rules={[{ required: true }]}>
          <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
            {SCOPES.map((s) => (
              <Checkbox key={s} value={s} data-testid={`api-client-scope-${s}`}>
                <Typography.Text code>{s}</Typography.Text> {t(`apiClients.scope.${s}`)}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
        <Form.Item name="accountScopeUserId" label={t('apiClients.accountScopeUserId')} extra={t('apiClients.accountScopeHint')}>
          <Input placeholder="0193a5b0-c8e4-7d3f-9a1e-2b3c4d5e6f70" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="expiresAt" label={t('apiClients.expiresAt')}>
            <DatePicker showTime />
          </Form.Item>
          <Form.Item name="requestsPerMinute" label={t('apiClients.requestsPerMinute')} extra={t('apiClients.requestsPerMinuteHint')}>
            <InputNumber min={1} max={100000} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
