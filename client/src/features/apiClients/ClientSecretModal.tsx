import { Alert, Descriptions, Modal, Typography } from 'antd';
import { useT } from '../../i18n/I18nProvider';

/** A client's credentials after a create or a rotation: the secret is shown this once, with copy buttons and a warning. */
export function ClientSecretModal({ credentials, onClose }: { credentials: { clientId: string; clientSecret: string } | null; onClose: () => void }) {
  const t = useT();
  // Nothing is kept once closed: the secret leaves the page with the dialog.
  if (credentials === null) return null;
  return (
    <Modal open title={t('apiClients.secretTitle')} onOk={onClose} onCancel={onClose} okText={t('apiClients.secretDone')} cancelButtonProps={{ style: { display: 'none' } }} mask={{ closable: false }}>
      <Alert type="warning" showIcon message={t('apiClients.secretOnce')} style={{ marginBottom: 12 }} />
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('apiClients.clientId')}>
          <Typography.Text copyable code data-testid="api-client-id">{credentials.clientId}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('apiClients.secret')}>
          <Typography.Paragraph copyable={{ text: credentials.clientSecret }} code data-testid="api-client-secret" style={{ wordBreak: 'break-all', margin: 0 }}>
            {credentials.clientSecret}
          </Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>
    </Modal>
  );
}
