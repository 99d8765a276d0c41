// What an audience would reach, as the server counts it with the opening's own SQL: accounts, contacts, the contacts
// left out by reason (zh/en names), and the first contacts invited.
import { Descriptions, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { formatNumber } from '../../shared/format';
import type { AudiencePreviewDto, BuyingRole, SkipReason } from './surveysApi';

export function AudiencePreview({ preview }: { preview: AudiencePreviewDto }) {
  const { t, locale } = useI18n();
  const skipped = preview.skipped.reduce((sum, s) => sum + s.count, 0);
  return (
    <div data-testid="audience-preview">
      <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
        <Descriptions.Item label={t('surveys.audience.accounts')}><span data-testid="preview-accounts">{formatNumber(locale, preview.accounts)}</span></Descriptions.Item>
        <Descriptions.Item label={t('surveys.audience.contacts')}><span data-testid="preview-contacts">{formatNumber(locale, preview.contacts)}</span></Descriptions.Item>
        <Descriptions.Item label={t('surveys.audience.skipped')}>{formatNumber(locale, skipped)}</Descriptions.Item>
      </Descriptions>
      {preview.skipped.length > 0 && (
        <div style={{ marginBottom: 12 }} data-testid="preview-skipped">
          {preview.skipped.map((s) => (
            <Tag key={s.reason} data-reason={s.reason}>
              {t(`surveys.skip.reason.${s.reason as SkipReason}`)}: {formatNumber(locale, s.count)}
            </Tag>
          ))}
        </div>
      )}
      <Typography.Text type="secondary">{t('surveys.audience.sample')}</Typography.Text>
      <Table
        rowKey="contactId"
        size="small"
        pagination={false}
        dataSource={preview.sample}
        data-testid="preview-sample"
        locale={{ emptyText: t('surveys.audience.none') }}
        columns={[
          { title: t('surveys.account'), dataIndex: 'accountName' },
          { title: t('surveys.contact'), dataIndex: 'contactName' },
          { title: t('surveys.buyingRole'), dataIndex: 'buyingRole', render: (v: BuyingRole) => t(`buyingRole.${v}`) },
        ]}
      />
    </div>
  );
}
