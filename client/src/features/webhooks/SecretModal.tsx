import { Alert, Modal, Typography } from 'antd';
import { useT } from '../../i18n/I18nProvider';

/** A signing secret, shown once (after a create or a rotation), with a copy button. */
export function SecretModal({ secret, onClose }: { secret: string | null; onClose: () => void }) {
  const t = useT();
  return (
    <Modal open={secret !== null} title={t('webhooks.secretTitle')} onOk={onClose} onCancel={onClose} okText={t('webhooks.secretDone')} cancelButtonProps={{ style: { display: 'none' } }} mask={{ closable: false }}>
      <Alert type="warning" showIcon message={t('webhooks.secretOnce')} style={{ marginBottom: 12 }} />
      <Typography.Paragraph copyable={{ text: secret ?? '' }} code data-testid="webhook-secret" style={{ wordBreak: 'break-all' }}>
        {secret}
      </Typography.Paragraph>
    </Modal>
  );
}
