import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, DatePicker, Input, InputNumber, Space, Spin, Switch, Table, Tag, TimePicker, Typography } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../i18n/I18nProvider';
import type { Schemas, Tier } from '../../api/client';
import { useSession } from '../../auth/session';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { StaleVersionAlert, useStaleVersion } from '../../shared/StaleVersion';
import { useFormErrors } from '../../shared/useFormErrors';
import { formatDateTime } from '../../shared/format';
import { TierTag } from '../../shared/TierTag';
import { AuditHistorySection } from '../audit';
import { dayErrors, formatHours, toDayRows, toInput, type DayHours } from './slaPolicyModel';
import { useSaveSlaPolicy, useSlaPolicy } from './insightsApi';
import { PageTitle } from '../../shell/PageTitle';
import { usePageTitle } from '../../shell/usePageTitle';

const SEVERITIES = ['Critical', 'High', 'Medium', 'Low'] as const;

/** The complaint SLA policy: severity scales of the tier programme's targets, the business calendar, the resulting matrix. */
export default function SlaPolicyPage() {
  usePageTitle('sla.title');
  const { t, locale } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const policy = useSlaPolicy();
  const save = useSaveSlaPolicy();
  // No field of the API's request is a field here: every error is said above the policy, with its field's name.
  const apiErrors = useFormErrors({ fields: [] });
  // Someone saved a version meanwhile: it is read at once, and the editor starts from it (the effect below).
  const stale = useStaleVersion(() => policy.refetch(), { atOnce: true });
  const editable = can('complaints:manage');
  const [severities, setSeverities] = useState<Schemas['SeverityScaleDto'][]>([]);
  const [alwaysOpen, setAlwaysOpen] = useState(true);
  const [timeZone, setTimeZone] = useState('Asia/Shanghai');
  const [rows, setRows] = useState<DayHours[]>(toDayRows([]));
  const [holidays, setHolidays] = useState<string[]>([]);

  const data = policy.data?.data;
  useEffect(() => {
    if (!data) return;
    setSeverities(data.severities);
    setAlwaysOpen(data.calendar.alwaysOpen);
    setTimeZone(data.calendar.alwaysOpen ? 'Asia/Shanghai' : data.calendar.timeZone);
    // Switching a 24×7 policy to business hours starts from Monday–Friday 09:00–18:00.
    setRows(data.calendar.alwaysOpen ? toDayRows([]).map((r) => ({ ...r, open: !['Saturday', 'Sunday'].includes(r.day) })) : toDayRows(data.calendar.hours));
    setHolidays(data.calendar.holidays);
  }, [data]);

  if (policy.isLoading) return <Spin style={{ display: 'block', margin: '20vh auto' }} />;
  if (!data) return <ProblemAlert error={policy.error} />;
  const errors = alwaysOpen ? {} : dayErrors(rows);
  const invalid = Object.keys(errors).length > 0 || (!alwaysOpen && !rows.some((r) => r.open));
  const setScale = (severity: string, field: 'firstResponsePercent' | 'resolutionPercent', value: number | null) =>
    setSeverities((s) => s.map((x) => (x.severity === severity ? { ...x, [field]: value ?? 0 } : x)));

  const submit = async () => {
    apiErrors.clear();
    stale.dismiss();
    try {
      await save.mutateAsync({ body: toInput(severities, alwaysOpen, timeZone, rows, holidays), etag: policy.data!.etag });
      message.success(t('sla.saved'));
    } catch (e) {
      stale.caught(e);
      apiErrors.show(e);
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <PageTitle style={{ marginTop: 0 }}>{t('sla.title')}</PageTitle>
        <Typography.Paragraph type="secondary">
          {t('sla.intro')} {data.createdAt ? t('sla.version', { number: data.number, date: formatDateTime(locale, data.createdAt) }) : t('sla.defaults')}
        </Typography.Paragraph>
        <StaleVersionAlert state={stale} title={t('sla.stale')} style={{ marginBottom: 16 }} />
        <ProblemAlert error={apiErrors.problem} extra={apiErrors.unplaced} />
        <Typography.Title level={5}>{t('sla.severities')}</Typography.Title>
        <Table<Schemas['SeverityScaleDto']>
          size="small"
          rowKey="severity"
          pagination={false}
          dataSource={SEVERITIES.map((s) => severities.find((x) => x.severity === s)).filter((x): x is Schemas['SeverityScaleDto'] => !!x)}
          data-testid="severity-scales"
          columns={[
            { title: t('sla.severity'), dataIndex: 'severity', render: (s: Schemas['Severity']) => <Tag>{t(`complaint.severity.${s}`)}</Tag> },
            {
              title: t('sla.firstResponsePercent'),
              dataIndex: 'firstResponsePercent',
              render: (v: number, r) => <InputNumber min={5} max={500} value={v} disabled={!editable} addonAfter="%" onChange={(n) => setScale(r.severity, 'firstResponsePercent', n)} aria-label={`${r.severity} first response`} />,
            },
            {
              title: t('sla.resolutionPercent'),
              dataIndex: 'resolutionPercent',
              render: (v: number, r) => <InputNumber min={5} max={500} value={v} disabled={!editable} addonAfter="%" onChange={(n) => setScale(r.severity, 'resolutionPercent', n)} aria-label={`${r.severity} resolution`} />,
            },
          ]}
        />
        <Typography.Title level={5} style={{ marginTop: 24 }}>{t('sla.calendar')}</Typography.Title>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space>
            <Switch checked={alwaysOpen} onChange={setAlwaysOpen} disabled={!editable} aria-label={t('sla.alwaysOpen')} />
            <span>{t('sla.alwaysOpen')}</span>
          </Space>
          {!alwaysOpen && (
            <>
              <Space>
                <span>{t('sla.timeZone')}</span>
                <Input value={timeZone} onChange={(e) => setTimeZone(e.target.value)} style={{ width: 240 }} disabled={!editable} placeholder="Asia/Shanghai" />
              </Space>
              {rows.map((r) => (
                <Space key={r.day} align="center">
                  <Checkbox checked={r.open} disabled={!editable} onChange={(e) => setRows((all) => all.map((x) => (x.day === r.day ? { ...x, open: e.target.checked } : x)))} style={{ width: 140 }}>
                    {t(`sla.day.${r.day}`)}
                  </Checkbox>
                  {r.open && (
                    <TimePicker.RangePicker
                      format="HH:mm"
                      minuteStep={15}
                      disabled={!editable}
                      value={[dayjs(`2000-01-01T${r.start}`), dayjs(`2000-01-01T${r.end}`)]}
                      order={false}
                      onChange={(v) => v?.[0] && v[1] && setRows((all) => all.map((x) => (x.day === r.day ? { ...x, start: v[0]!.format('HH:mm'), end: v[1]!.format('HH:mm') } : x)))}
                      status={errors[r.day] ? 'error' : undefined}
                    />
                  )}
                  {errors[r.day] && <Typography.Text type="danger">{t('sla.endBeforeStart')}</Typography.Text>}
                </Space>
              ))}
              <Space align="start">
                <span>{t('sla.holidays')}</span>
                <DatePicker multiple disabled={!editable} value={holidays.map((h) => dayjs(h))} onChange={(v) => setHolidays((v ?? []).map((d) => d.format('YYYY-MM-DD')))} style={{ minWidth: 320 }} />
              </Space>
            </>
          )}
        </Space>
        {editable && (
          <div style={{ marginTop: 24 }}>
            <Button type="primary" onClick={submit} loading={save.isPending} disabled={invalid}>{t('sla.save')}</Button>
            <Typography.Text type="secondary" style={{ marginLeft: 12 }}>{t('sla.appliesToNew')}</Typography.Text>
          </div>
        )}
      </Card>
      <Card title={t('sla.matrix')} extra={<Typography.Text type="secondary">{t('sla.matrixHint')}</Typography.Text>}>
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('sla.programmeHint')} />
        <Table
          size="small"
          pagination={false}
          rowKey="tier"
          data-testid="sla-matrix"
          dataSource={[...new Set(data.matrix.map((c) => c.tier))].map((tier) => ({ tier, cells: data.matrix.filter((c) => c.tier === tier) }))}
          columns={[
            { title: t('account.tier'), dataIndex: 'tier', render: (tier: Tier) => <TierTag tier={tier} /> },
            ...SEVERITIES.map((s) => ({
              title: t(`complaint.severity.${s}`),
              key: s,
              render: (_: unknown, row: { cells: Schemas['SlaTargetCellDto'][] }) => {
                const c = row.cells.find((x) => x.severity === s);
                return c ? `${formatHours(c.firstResponseHours, locale)} / ${formatHours(c.resolutionHours, locale)}` : '—';
              },
            })),
          ]}
        />
      </Card>
      {/* Each save is a new version: the history lists them all. */}
      <AuditHistorySection entityType="slaPolicy" />
    </Space>
  );
}
