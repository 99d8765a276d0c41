import { Alert, Card, Empty, List, Progress, Space, Tag, Typography } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/I18nProvider';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { bandColor, warningText } from './health';
import { useAccountHealth } from './portfolioApi';

export function HealthBandTag({ band, score }: { band: 'Green' | 'Amber' | 'Red'; score?: number }) {
  const { t } = useI18n();
  return (
    <Tag color={bandColor[band]} data-testid="health-band">
      {t(`health.band.${band}`)}
      {score !== undefined ? ` · ${score}` : ''}
    </Tag>
  );
}

/** The account's health: score and band, each signal with its weight, and the warnings that drag it down. */
export function HealthPanel({ accountId }: { accountId: string }) {
  const { t } = useI18n();
  const health = useAccountHealth(accountId);
  if (health.error) return <ProblemAlert error={health.error} />;
  const h = health.data;
  return (
    <Card title={t('health.title')} loading={health.isLoading} data-testid="health-panel" extra={h && <HealthBandTag band={h.band} score={h.score} />}>
      {h && (
        <Space direction="vertical" style={{ width: '100%' }} size={12}>
          {/* status "normal": a full score is not antd's "success" (whose light green text fails the contrast minimum); the band colours the bars. */}
          <Space align="center" size={24} wrap>
            <Progress aria-label={t('health.title')} type="dashboard" percent={h.score} status="normal" size={110} strokeColor={bandColor[h.band]} format={(p) => <span style={{ fontSize: 26 }}>{p}</span>} />
            <div style={{ flex: 1, minWidth: 0, maxWidth: 420, width: '100%' }}>
              {h.components.map((c) => (
                <div key={c.component} style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
                  <Typography.Text style={{ width: 150 }}>
                    {t(`health.component.${c.component}`)} <Typography.Text type="secondary">×{c.weight}%</Typography.Text>
                  </Typography.Text>
                  {c.score === null || c.score === undefined ? (
                    <Typography.Text type="secondary" style={{ flex: 1 }}>{t('health.noData')}</Typography.Text>
                  ) : (
                    <Progress aria-label={t(`health.component.${c.component}`)} style={{ flex: 1, margin: 0 }} percent={c.score} status="normal" size="small" strokeColor={c.score < 60 ? '#cf1322' : '#1456c7'} format={(p) => p} />
                  )}
                </div>
              ))}
            </div>
          </Space>
          {h.warnings.length === 0 ? (
            <Alert type="success" showIcon message={t('health.noWarnings')} />
          ) : (
            <List
              size="small"
              dataSource={h.warnings}
              renderItem={(w) => (
                <List.Item>
                  <Space>
                    <WarningOutlined style={{ color: '#d48806' }} />
                    <span data-testid="health-warning">{warningText(t, w)}</span>
                  </Space>
                </List.Item>
              )}
            />
          )}
        </Space>
      )}
      {!h && !health.isLoading && <Empty />}
    </Card>
  );
}
