import { App as AntApp, Alert, Button, Card, Col, DatePicker, Empty, Form, Input, Popconfirm, Row, Select, Space, Table, Typography } from 'antd';
import { ArrowRightOutlined, LockOutlined, UnlockOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { Tier } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../auth/session';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { StaleVersionAlert, useStaleVersion } from '../../shared/StaleVersion';
import { useFormErrors } from '../../shared/useFormErrors';
import { formatDate, formatDateTime, formatNumber } from '../../shared/format';
import { TIERS } from '../../shared/tiers';
import { TierTag } from '../../shared/TierTag';
import { useAccount } from '../accounts/accountsApi';
import { ReasonTag } from './labels';
import { roundScore } from './policyModel';
import { ScoreBreakdown } from './ScoreBreakdown';
import { ExportButton } from '../../shared/ExportButton';
import { exportTierHistory, useClearTierOverride, useSetTierOverride, useTierHistory, type TierHistoryEntryDto } from './tieringApi';

/**
 * The account's tier on its 360 page: the tier, the latest score and why (the breakdown per criterion), the tier
 * history, a Director's pin, and — with tiering:manage — pinning or unpinning the tier.
 */
export function AccountTierPanel({ accountId }: { accountId: string }) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const account = useAccount(accountId);
  const history = useTierHistory(accountId);
  const entries = history.data ?? [];
  const latest = entries[0];
  const a = account.data?.data;
  if (!a) return null;
  // The API answers null when there is no pin (the contract does not mark the field nullable yet).
  const pin = a.tierOverride ?? null;
  // Runs score active accounts only.
  const notScored = t(a.status === 'Active' ? 'tiering.panel.notScored' : 'tiering.panel.notActive');

  return (
    <Card title={t('tiering.panel.title')} data-testid="account-tier-panel" id="tier">
      <ProblemAlert error={history.error} />
      <Row gutter={[32, 16]}>
        <Col xs={24} lg={8}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <div>
              <Typography.Text type="secondary">{t('tiering.panel.tier')}</Typography.Text>
              <div style={{ marginTop: 4 }}>
                <TierTag tier={a.tier} size="large" />
              </div>
            </div>
            {latest ? (
              <>
                <div>
                  <Typography.Text type="secondary">{t('tiering.panel.score')}</Typography.Text>
                  <div data-testid="tier-score" style={{ fontSize: 28, fontWeight: 600, lineHeight: 1.2 }}>
                    {formatNumber(locale, roundScore(latest.score))}
                    <span style={{ fontSize: 14, color: '#595959', fontWeight: 400 }}> / 100</span>
                  </div>
                </div>
                <Typography.Text type="secondary">
                  {t('tiering.panel.scoredOn', { date: formatDate(locale, latest.runDate), number: latest.policyNumber })}
                </Typography.Text>
                <div>
                  <ReasonTag reason={latest.reason} />
                  {latest.previousTier && latest.previousTier !== latest.newTier && (
                    <span>
                      <TierTag tier={latest.previousTier} />
                      <ArrowRightOutlined style={{ color: '#999', marginRight: 8 }} />
                      <TierTag tier={latest.newTier} />
                    </span>
                  )}
                </div>
              </>
            ) : (
              !history.isLoading && <Typography.Text type="secondary">{notScored}</Typography.Text>
            )}
            {pin && (
              <Alert
                type="info"
                icon={<LockOutlined />}
                showIcon
                data-testid="tier-pin"
                title={t('tiering.pin.current', { tier: t(`tier.${pin.tier}`), date: formatDate(locale, pin.expiresOn) })}
                description={
                  <>
                    <div>{pin.reason}</div>
                    {pin.tier !== a.tier && <div>{t('tiering.pin.nextRun')}</div>}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('tiering.pin.setAt', { date: formatDateTime(locale, pin.setAt) })}</Typography.Text>
                  </>
                }
              />
            )}
          </Space>
        </Col>
        <Col xs={24} lg={16}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>{t('tiering.breakdown.title')}</Typography.Title>
          {latest ? (
            <>
              <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>{t('tiering.breakdown.help')}</Typography.Paragraph>
              <ScoreBreakdown breakdown={latest.breakdown} score={latest.score} />
            </>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={notScored} />
          )}
        </Col>
      </Row>

      <Space style={{ marginTop: 24, marginBottom: 8, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>{t('tiering.history.title')}</Typography.Title>
        {can('tiering:read') && entries.length > 0 && (
          <ExportButton name="tier-history" fetchFile={(format) => exportTierHistory({ accountId, format, lang: locale })} />
        )}
      </Space>
      <div data-testid="tier-history">
        <Table<TierHistoryEntryDto>
          rowKey="runId"
          size="small"
          loading={history.isLoading}
          dataSource={entries}
          pagination={{ pageSize: 6, hideOnSinglePage: true }}
          locale={{ emptyText: t('tiering.history.empty') }}
          columns={[
            { title: t('tiering.runs.date'), dataIndex: 'runDate', render: (v: string) => formatDate(locale, v) },
            { title: t('tiering.runs.policy'), dataIndex: 'policyNumber', render: (n: number) => t('tiering.policy.version', { number: n }) },
            { title: t('tiering.score'), dataIndex: 'score', align: 'right', render: (v: number) => formatNumber(locale, roundScore(v)) },
            {
              title: t('tiering.history.change'),
              key: 'change',
              render: (_, e) => (
                <span style={{ whiteSpace: 'nowrap' }}>
                  {e.previousTier ? <TierTag tier={e.previousTier} /> : <Typography.Text type="secondary" style={{ marginRight: 8 }}>{t('common.none')}</Typography.Text>}
                  <ArrowRightOutlined style={{ color: '#999', marginRight: 8 }} />
                  <TierTag tier={e.newTier} />
                </span>
              ),
            },
            { title: t('tiering.reason'), dataIndex: 'reason', render: (v: TierHistoryEntryDto['reason']) => <ReasonTag reason={v} /> },
          ]}
        />
      </div>

      {can('tiering:manage') && <PinTier accountId={accountId} etag={account.data!.etag} pinned={Boolean(pin)} onStale={() => account.refetch()} />}
    </Card>
  );
}

interface PinValues {
  tier: Tier;
  reason: string;
  expiresOn: Dayjs;
}

/** A Director pins the tier (reason and a future expiry required) or removes the pin; both send the account's ETag. */
function PinTier({ accountId, etag, pinned, onStale }: { accountId: string; etag: string; pinned: boolean; onStale: () => Promise<unknown> }) {
  const t = useI18n().t;
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<PinValues>();
  const setPin = useSetTierOverride(accountId);
  const clearPin = useClearTierOverride(accountId);
  const errors = useFormErrors({ form, fields: ['tier', 'reason', 'expiresOn'] });
  // The pin form keeps what was typed; only the account (its version) is read again, at once.
  const stale = useStaleVersion(onStale, { atOnce: true });

  const start = () => {
    errors.clear();
    stale.dismiss();
  };
  const handle = (e: unknown) => {
    stale.caught(e);
    errors.show(e);
  };

  const submit = async (values: PinValues) => {
    start();
    try {
      await setPin.mutateAsync({ etag, body: { tier: values.tier, reason: values.reason.trim(), expiresOn: values.expiresOn.format('YYYY-MM-DD') } });
      message.success(t('tiering.pin.done'));
      form.resetFields();
    } catch (e) {
      handle(e);
    }
  };

  const remove = async () => {
    start();
    try {
      await clearPin.mutateAsync({ etag });
      message.success(t('tiering.pin.removed'));
    } catch (e) {
      handle(e);
    }
  };

  return (
    <div style={{ marginTop: 24, paddingTop: 16, borderTop: '1px solid #f0f0f0' }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        <LockOutlined /> {t('tiering.pin.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>{t('tiering.pin.help')}</Typography.Paragraph>
      <ProblemAlert error={errors.problem} extra={errors.unplaced} />
      <StaleVersionAlert state={stale} title={t('tiering.pin.stale')} style={{ marginBottom: 16 }} />
      <Form<PinValues> form={form} layout="vertical" onFinish={submit} data-testid="pin-form" requiredMark={false}>
        <Row gutter={12} align="bottom">
          <Col xs={24} md={5}>
            <Form.Item name="tier" label={t('tiering.pin.tier')} rules={[{ required: true, message: t('validation.required') }]}>
              <Select aria-label={t('tiering.pin.tier')} placeholder={t('tiering.pin.tierPlaceholder')} data-testid="pin-tier" options={TIERS.map((v) => ({ value: v, label: t(`tier.${v}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item
              name="reason"
              label={t('tiering.pin.reason')}
              rules={[{ required: true, whitespace: true, message: t('tiering.pin.reasonRequired') }, { max: 500, message: t('validation.max', { max: 500 }) }]}
            >
              <Input aria-label={t('tiering.pin.reason')} placeholder={t('tiering.pin.reasonPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={5}>
            <Form.Item
              name="expiresOn"
              label={t('tiering.pin.expiresOn')}
              rules={[
                { required: true, message: t('validation.required') },
                { validator: (_, v?: Dayjs) => (!v || v.isAfter(dayjs(), 'day') ? Promise.resolve() : Promise.reject(new Error(t('tiering.pin.future')))) },
              ]}
            >
              <DatePicker aria-label={t('tiering.pin.expiresOn')} style={{ width: '100%' }} disabledDate={(d) => !d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={5}>
            <Form.Item>
              <Space>
                <Button type="primary" htmlType="submit" icon={<LockOutlined />} loading={setPin.isPending}>
                  {t('tiering.pin.submit')}
                </Button>
                {pinned && (
                  <Popconfirm title={t('tiering.pin.removeConfirm')} okText={t('tiering.pin.remove')} cancelText={t('common.cancel')} onConfirm={remove}>
                    <Button icon={<UnlockOutlined />} loading={clearPin.isPending}>
                      {t('tiering.pin.remove')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </div>
  );
}
