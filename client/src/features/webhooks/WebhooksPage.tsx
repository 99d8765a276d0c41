import { useState } from 'react';
import { Button, Card, Collapse, Form, Input, Modal, Select, Space, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useFormErrors } from '../../shared/useFormErrors';
import { formatDateTime } from '../../shared/format';
import { SecretModal } from './SecretModal';
import { EndpointStatus } from './EndpointStatus';
import { useCreateEndpoint, useEventTypes, useWebhookEndpoints, type WebhookEndpointDto, type WebhookEndpointInput } from './webhooksApi';
import { PageTitle } from '../../shell/PageTitle';
import { usePageTitle } from '../../shell/usePageTitle';
import { ResponsiveTable } from '../../shared/ResponsiveTable';

/** The Admin's integration page: webhook endpoints (create shows the secret once) and the event catalogue. */
export default function WebhooksPage() {
  usePageTitle('webhooks.title');
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const endpoints = useWebhookEndpoints();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <Card title={<PageTitle>{t('webhooks.title')}</PageTitle>}>
      <Tabs
        items={[
          {
            key: 'endpoints',
            label: t('webhooks.title'),
            children: (
              <>
                <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }} wrap>
                  <Typography.Text type="secondary">{t('webhooks.intro')}</Typography.Text>
                  <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="webhook-new">
                    {t('webhooks.new')}
                  </Button>
                </Space>
                <ProblemAlert error={endpoints.error} />
                <ResponsiveTable<WebhookEndpointDto>
                  rowKey="id"
                  loading={endpoints.isLoading}
                  dataSource={endpoints.data ?? []}
                  locale={{ emptyText: t('webhooks.empty') }}
                  onRow={(e) => ({ onClick: () => navigate(`/webhooks/${e.id}`), style: { cursor: 'pointer' } })}
                  columns={[
                    { title: t('webhooks.url'), dataIndex: 'url', render: (url: string, e) => <Link to={`/webhooks/${e.id}`}>{url}</Link> },
                    { title: t('webhooks.eventTypes'), dataIndex: 'eventTypes', render: (types: string[]) => types.map((x) => <Tag key={x}>{x}</Tag>) },
                    { title: t('webhooks.description'), dataIndex: 'description' },
                    { title: t('webhooks.status'), key: 'status', render: (_, e) => <EndpointStatus endpoint={e} /> },
                    { title: t('webhooks.created'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(locale, v) },
                  ]}
                />
              </>
            ),
          },
          { key: 'catalogue', label: t('webhooks.catalogue'), children: <Catalogue /> },
        ]}
      />
      <CreateEndpoint open={creating} onClose={() => setCreating(false)} onCreated={(s) => { setCreating(false); setSecret(s); }} />
      <SecretModal secret={secret} onClose={() => setSecret(null)} />
    </Card>
  );
}

function CreateEndpoint({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (secret: string) => void }) {
  const t = useI18n().t;
  const [form] = Form.useForm<WebhookEndpointInput>();
  const create = useCreateEndpoint();
  const types = useEventTypes();
  const errors = useFormErrors({ form, fields: ['url', 'eventTypes', 'description'] });
  const submit = async (values: WebhookEndpointInput) => {
    errors.clear();
    try {
      const created = await create.mutateAsync({ url: values.url.trim(), eventTypes: values.eventTypes, description: values.description || null });
      form.resetFields();
      onCreated(created.secret);
    } catch (e) {
      errors.show(e);
    }
  };
  return (
    <Modal open={open} title={t('webhooks.new')} onCancel={onClose} okText={t('webhooks.create')} cancelText={t('webhooks.cancel')} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
      <ProblemAlert error={errors.problem} extra={errors.unplaced} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="url" label={t('webhooks.url')} extra={t('webhooks.urlHint')} rules={[{ required: true }]}>
          <Input placeholder="https://erp.example.cn/hooks/keyaccount" data-testid="webhook-url" />
        </Form.Item>
        <Form.Item name="eventTypes" label={t('webhooks.eventTypes')} rules={[{ required: true }]}>
          <Select mode="multiple" data-testid="webhook-event-types" loading={types.isLoading} options={(types.data ?? []).map((x) => ({ value: x.name, label: x.name }))} />
        </Form.Item>
        <Form.Item name="description" label={t('webhooks.description')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Catalogue() {
  const t = useI18n().t;
  const types = useEventTypes();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('webhooks.catalogueIntro')}</Typography.Paragraph>
      <ProblemAlert error={types.error} />
      <Collapse
        data-testid="webhook-catalogue"
        items={(types.data ?? []).map((x) => ({
          key: `${x.name}@${x.version}`,
          label: (
            <Space>
              <Typography.Text code>{x.name}</Typography.Text>
              <Tag>{`${t('webhooks.version')} ${x.version}`}</Tag>
              <Typography.Text type="secondary">{x.description}</Typography.Text>
            </Space>
          ),
          children: <pre style={{ maxHeight: 360, overflow: 'auto', fontSize: 12, margin: 0 }}>{JSON.stringify(x.schema, null, 2)}</pre>,
        }))}
      />
    </>
  );
}
