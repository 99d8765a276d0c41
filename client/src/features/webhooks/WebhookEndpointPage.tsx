import { useState } from 'react';
import { App, Button, Card, DatePicker, Descriptions, Popconfirm, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { StaleVersionAlert, useStaleVersion } from '../../shared/StaleVersion';
import { formatDateTime } from '../../shared/format';
import { EndpointStatus } from './EndpointStatus';
import { SecretModal } from './SecretModal';
import { AuditHistorySection } from '../audit';
import {
  useDeleteEndpoint,
  useDeliveries,
  useRecover,
  useReplay,
  useRotateSecret,
  useSendTest,
  useUpdateEndpoint,
  useWebhookEndpoint,
  type WebhookDeliveryDto,
  type WebhookDeliveryStatus,
} from './webhooksApi';
import { PageTitle } from '../../shell/PageTitle';
import { usePageTitle } from '../../shell/usePageTitle';

const STATUS_COLOR: Record<WebhookDeliveryStatus, string> = { Pending: 'gold', Succeeded: 'green', Dead: 'red' };

/** One endpoint: its state and actions (switch, rotate, test, recover, delete) and its delivery log with replay. */
export default function WebhookEndpointPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const endpoint = useWebhookEndpoint(id);
  usePageTitle('webhooks.title', endpoint.data?.data.url);
  const stale = useStaleVersion(() => endpoint.refetch(), { atOnce: true });
  const update = useUpdateEndpoint(id);
  const remove = useDeleteEndpoint(id);
  const rotate = useRotateSecret(id);
  const test = useSendTest(id);
  const recover = useRecover(id);
  const replay = useReplay(id);
  const [secret, setSecret] = useState<string | null>(null);
  const [since, setSince] = useState<Dayjs>(() => dayjs().subtract(1, 'day'));
  const [status, setStatus] = useState<WebhookDeliveryStatus | undefined>();
  const [page, setPage] = useState(1);
  const deliveries = useDeliveries(id, { status, page, pageSize: 20 });
  const [error, setError] = useState<unknown>(null);

  if (endpoint.isLoading) return <Spin style={{ display: 'block', margin: '20vh auto' }} />;
  const data = endpoint.data?.data;
  const etag = endpoint.data?.etag ?? '';
  if (!data) return <ProblemAlert error={endpoint.error} />;

  const run = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
    } catch (e) {
      if (!stale.caught(e)) setError(e);
    }
  };

  return (
    <Card
      title={
        <Space>
          <Link to="/webhooks"><ArrowLeftOutlined /> {t('webhooks.back')}</Link>
          <PageTitle style={{ margin: 0 }}>{data.url}</PageTitle>
        </Space>
      }
    >
      <StaleVersionAlert state={stale} title={t('webhooks.changed')} />
      <ProblemAlert error={error} />
      <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('webhooks.status')}><EndpointStatus endpoint={data} /></Descriptions.Item>
        <Descriptions.Item label={t('webhooks.eventTypes')}>{data.eventTypes.map((x) => <Tag key={x}>{x}</Tag>)}</Descriptions.Item>
        {data.description && <Descriptions.Item label={t('webhooks.description')}>{data.description}</Descriptions.Item>}
        {data.previousSecretExpiresAt && dayjs(data.previousSecretExpiresAt).isAfter(dayjs()) && (
          <Descriptions.Item label={t('webhooks.secretTitle')}>{t('webhooks.rotatedUntil', { time: formatDateTime(locale, data.previousSecretExpiresAt) })}</Descriptions.Item>
        )}
      </Descriptions>
      <Space wrap style={{ marginBottom: 24 }}>
        <Button
          data-testid="webhook-toggle"
          loading={update.isPending}
          onClick={() => run(() => update.mutateAsync({ etag, body: { url: data.url, eventTypes: data.eventTypes, description: data.description, enabled: !data.enabled } }))}
        >
          {data.enabled ? t('webhooks.switchOff') : t('webhooks.switchOn')}
        </Button>
        <Button data-testid="webhook-test" loading={test.isPending} onClick={() => run(async () => { await test.mutateAsync(); message.success(t('webhooks.testSent')); })}>
          {t('webhooks.test')}
        </Button>
        <Popconfirm title={t('webhooks.rotateConfirm')} onConfirm={() => run(async () => setSecret((await rotate.mutateAsync(etag)).secret))}>
          <Button data-testid="webhook-rotate" loading={rotate.isPending}>{t('webhooks.rotate')}</Button>
        </Popconfirm>
        <Space.Compact>
          <DatePicker showTime value={since} onChange={(v) => v && setSince(v)} maxDate={dayjs()} minDate={dayjs().subtract(30, 'day')} aria-label={t('webhooks.recoverSince')} />
          <Button
            data-testid="webhook-recover"
            loading={recover.isPending}
            onClick={() => run(async () => message.success(t('webhooks.recovered', { count: (await recover.mutateAsync(since.toISOString())).replayed })))}
          >
            {t('webhooks.recover')}
          </Button>
        </Space.Compact>
        <Popconfirm title={t('webhooks.deleteConfirm')} onConfirm={() => run(async () => { await remove.mutateAsync(etag); navigate('/webhooks'); })}>
          <Button danger data-testid="webhook-delete" loading={remove.isPending}>{t('webhooks.delete')}</Button>
        </Popconfirm>
      </Space>

      <Space style={{ marginBottom: 12 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>{t('webhooks.deliveries')}</Typography.Title>
        <Select<WebhookDeliveryStatus | 'all'>
          style={{ width: 160 }}
          value={status ?? 'all'}
          data-testid="webhook-delivery-status"
          onChange={(v) => { setStatus(v === 'all' ? undefined : v); setPage(1); }}
          options={[{ value: 'all', label: t('webhooks.allStatuses') }, ...(['Pending', 'Succeeded', 'Dead'] as const).map((s) => ({ value: s, label: t(`webhooks.deliveryStatus.${s}`) }))]}
        />
      </Space>
      <ProblemAlert error={deliveries.error} />
      <Table<WebhookDeliveryDto>
        rowKey="id"
        size="small"
        loading={deliveries.isLoading}
        dataSource={deliveries.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: deliveries.data?.totalCount ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('webhooks.created'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(locale, v) },
          { title: t('webhooks.event'), dataIndex: 'eventType', render: (v: string, d) => <Space orientation="vertical" size={0}><Typography.Text code>{v}</Typography.Text><Typography.Text type="secondary" style={{ fontSize: 12 }}>{d.messageId}</Typography.Text></Space> },
          { title: t('webhooks.status'), dataIndex: 'status', render: (s: WebhookDeliveryStatus) => <Tag color={STATUS_COLOR[s]}>{t(`webhooks.deliveryStatus.${s}`)}</Tag> },
          { title: t('webhooks.attempts'), dataIndex: 'attempts' },
          { title: t('webhooks.lastStatus'), key: 'last', render: (_, d) => (d.lastAttemptAt ? (d.lastStatusCode ?? t('webhooks.noAnswer')) : '—') },
          { title: t('webhooks.duration'), dataIndex: 'lastDurationMs', render: (v: number | null) => (v == null ? '—' : `${v} ms`) },
          { title: t('webhooks.nextAttempt'), dataIndex: 'nextAttemptAt', render: (v: string | null) => (v ? formatDateTime(locale, v) : '—') },
          {
            key: 'replay',
            render: (_, d) =>
              d.status !== 'Pending' && (
                <Button size="small" onClick={() => run(async () => { await replay.mutateAsync(d.id); message.success(t('webhooks.replayed')); })}>
                  {t('webhooks.replay')}
                </Button>
              ),
          },
        ]}
      />
      <div style={{ marginTop: 24 }}>
        <AuditHistorySection entityType="webhookEndpoint" entityId={id} />
      </div>
      <SecretModal secret={secret} onClose={() => setSecret(null)} />
    </Card>
  );
}
