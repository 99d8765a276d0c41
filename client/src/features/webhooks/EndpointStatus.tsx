import { Space, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../shared/format';
import type { WebhookEndpointDto } from './webhooksApi';

/** Enabled or disabled (and why), and since when deliveries fail: the server's state, as it says it. */
export function EndpointStatus({ endpoint: e }: { endpoint: WebhookEndpointDto }) {
  const { t, locale } = useI18n();
  return (
    <Space orientation="vertical" size={0} data-testid="webhook-status">
      {e.enabled ? <Tag color="green">{t('webhooks.enabled')}</Tag> : <Tag color="red">{e.disabledReason ? t(`webhooks.disabledReason.${e.disabledReason}`) : t('webhooks.disabled')}</Tag>}
      {e.failingSince && <Typography.Text type="warning">{t('webhooks.failingSince', { time: formatDateTime(locale, e.failingSince) })}</Typography.Text>}
    </Space>
  );
}
