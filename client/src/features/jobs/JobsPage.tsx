import { useState } from 'react';
import { App, Button, Card, Space, Tag, Tooltip, Typography } from 'antd';
import { CaretRightOutlined, HistoryOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/I18nProvider';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { formatDateTime } from '../../shared/format';
import { PageTitle } from '../../shell/PageTitle';
import { usePageTitle } from '../../shell/usePageTitle';
import { useJobRuns, useJobs, useStartJobRun, type JobDto, type JobRunDto } from './jobsApi';

const OUTCOME_COLOR: Record<string, string> = { Succeeded: 'green', Failed: 'red', Interrupted: 'orange' };

/** The Admin's page over the scheduled jobs: schedule, next run, last outcome, "run now", and each job's history. */
export default function JobsPage() {
  const { t, has, locale } = useI18n();
  usePageTitle('jobs.title');
  const { message } = App.useApp();
  const jobs = useJobs();
  const start = useStartJobRun();
  const [selected, setSelected] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const runs = useJobRuns(selected, page);

  const name = (key: string) => {
    const k = `jobs.name.${key}`;
    return has(k) ? t(k) : key;
  };
  const runNow = (key: string) =>
    start.mutate(key, {
      onSuccess: () => {
        void message.success(t('jobs.started', { job: name(key) }));
        setSelected(key);
        setPage(1);
      },
    });

  return (
    <Card title={<PageTitle style={{ margin: 0 }}>{t('jobs.title')}</PageTitle>}>
      <Typography.Paragraph type="secondary">{t('jobs.intro')}</Typography.Paragraph>
      <ProblemAlert error={jobs.error ?? start.error ?? runs.error} />
      <ResponsiveTable<JobDto>
        rowKey="key"
        size="middle"
        loading={jobs.isLoading}
        dataSource={jobs.data ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          {
            title: t('jobs.job'),
            dataIndex: 'key',
            render: (key: string) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>{name(key)}</Typography.Text>
                <Typography.Text type="secondary" code>{key}</Typography.Text>
              </Space>
            ),
          },
          { title: t('jobs.schedule'), dataIndex: 'schedules', render: (s: string[]) => (s.length ? s.map((x) => <div key={x}><Typography.Text code>{x}</Typography.Text></div>) : '—') },
          { title: t('jobs.nextFire'), dataIndex: 'nextFireAt', render: (v: string | null) => formatDateTime(locale, v) || '—' },
          {
            title: t('jobs.lastRun'),
            dataIndex: 'lastRun',
            render: (r: JobRunDto | null, job) => (
              <Space wrap>
                {r ? <RunState run={r} /> : <Typography.Text type="secondary">{t('jobs.never')}</Typography.Text>}
                {r && <Typography.Text type="secondary">{formatDateTime(locale, r.startedAt ?? r.queuedAt)}</Typography.Text>}
                {job.paused && <Tag color="orange">{t('jobs.paused')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('jobs.actions'),
            key: 'actions',
            render: (_, job) => (
              <Space>
                <Button
                  size="small"
                  type="primary"
                  icon={<CaretRightOutlined />}
                  loading={start.isPending && start.variables === job.key}
                  onClick={() => runNow(job.key)}
                  data-testid={`job-run-${job.key}`}
                  aria-label={t('jobs.runNowOf', { job: name(job.key) })}
                >
                  {t('jobs.runNow')}
                </Button>
                <Button
                  size="small"
                  icon={<HistoryOutlined />}
                  onClick={() => {
                    setSelected(job.key);
                    setPage(1);
                  }}
                  data-testid={`job-history-${job.key}`}
                  aria-label={t('jobs.historyOf', { job: name(job.key) })}
                >
                  {t('jobs.history')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {selected && (
        <section aria-labelledby="job-runs-title" style={{ marginTop: 24 }}>
          <Typography.Title level={2} id="job-runs-title" style={{ fontSize: 18 }}>
            {t('jobs.runsOf', { job: name(selected) })}
          </Typography.Title>
          <ResponsiveTable<JobRunDto>
            rowKey="id"
            size="small"
            loading={runs.isLoading}
            dataSource={runs.data?.items ?? []}
            scroll={{ x: true }}
            pagination={{ current: page, pageSize: 20, total: runs.data?.totalCount ?? 0, showSizeChanger: false, onChange: setPage }}
            locale={{ emptyText: t('jobs.noRuns') }}
            columns={[
              { title: t('jobs.started'), key: 'startedAt', render: (_, r) => formatDateTime(locale, r.startedAt ?? r.queuedAt) },
              { title: t('jobs.trigger'), dataIndex: 'trigger', render: (v: string, r) => `${t(`jobs.trigger.${v}` as 'jobs.trigger.Scheduled')}${r.attempt > 1 ? ` · ${t('jobs.attempt', { n: r.attempt })}` : ''}` },
              { title: t('jobs.outcome'), key: 'outcome', render: (_, r) => <RunState run={r} /> },
              { title: t('jobs.duration'), key: 'duration', render: (_, r) => duration(r) },
              {
                title: t('jobs.counts'),
                dataIndex: 'counts',
                render: (counts: Record<string, number>) =>
                  Object.keys(counts).length
                    ? Object.entries(counts).map(([k, v]) => {
                        const label = `jobs.count.${k}`;
                        return <div key={k}>{`${has(label) ? t(label) : k}: ${v}`}</div>;
                      })
                    : '—',
              },
              { title: t('jobs.error'), dataIndex: 'error', render: (e: string | null) => (e ? <Typography.Text type="danger">{e}</Typography.Text> : '—') },
              { title: t('jobs.node'), dataIndex: 'node', render: (n: string | null) => (n ? <Tooltip title={n}><Typography.Text type="secondary">{n.length > 24 ? `${n.slice(0, 24)}…` : n}</Typography.Text></Tooltip> : '—') },
            ]}
          />
        </section>
      )}
    </Card>
  );
}

function RunState({ run }: { run: JobRunDto }) {
  const { t } = useI18n();
  if (run.outcome) return <Tag color={OUTCOME_COLOR[run.outcome]}>{t(`jobs.outcome.${run.outcome}`)}</Tag>;
  return <Tag color="blue">{run.startedAt ? t('jobs.running') : t('jobs.queued')}</Tag>;
}

function duration(run: JobRunDto) {
  if (!run.startedAt || !run.endedAt) return '—';
  const ms = Date.parse(run.endedAt) - Date.parse(run.startedAt);
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
