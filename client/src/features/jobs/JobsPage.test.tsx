import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { SLOW, fakeApiPerTest, json, renderWithProviders, setupUser, testUser } from '../../test';
import JobsPage from './JobsPage';
import type { JobDto, JobRunDto } from './jobsApi';

const failed: JobRunDto = {
  id: 'r1', jobKey: 'tiering-run', trigger: 'Retry', attempt: 2, scheduledAt: '2026-12-01T02:00:00Z', queuedAt: '2026-12-01T02:01:00Z',
  startedAt: '2026-12-01T02:01:00Z', endedAt: '2026-12-01T02:01:02Z', outcome: 'Failed', error: 'TimeoutException: 数据库超时',
  counts: {}, node: 'api-1-638690000000000000', requestedBy: null,
};
const succeeded: JobRunDto = {
  ...failed, id: 'r2', trigger: 'CatchUp', attempt: 1, startedAt: '2026-12-01T08:00:00Z', endedAt: '2026-12-01T08:00:03.500Z', queuedAt: '2026-12-01T08:00:00Z',
  outcome: 'Succeeded', error: null, counts: { accountsTiered: 120, tiersChanged: 7 },
};
const jobs: JobDto[] = [
  { key: 'tiering-run', schedules: ['cron 0 0 2 1 * ? (UTC)'], nextFireAt: '2027-01-01T02:00:00Z', paused: false, lastRun: succeeded },
  { key: 'mail-delivery', schedules: ['every 5 s'], nextFireAt: '2026-12-03T10:00:05Z', paused: true, lastRun: null },
];
const admin = { ...testUser, role: 'Admin' as const, permissions: ['jobs:manage'] };

describe('JobsPage', () => {
  const api = fakeApiPerTest();

  it('lists the jobs in Chinese: schedule, last outcome, paused, and a job\'s history with its counts', async () => {
    api.on('GET', '/api/v1/admin/jobs', json(200, jobs));
    api.on('GET', '/api/v1/admin/jobs/tiering-run/runs', json(200, { items: [succeeded, failed], page: 1, pageSize: 20, totalCount: 2, nextCursor: null }));
    const user = setupUser();
    renderWithProviders(<JobsPage />, { locale: 'zh-CN', user: admin });

    expect(await screen.findByRole('heading', { level: 1, name: '定时任务' })).toBeInTheDocument();
    const tiering = (await screen.findByText('客户分级')).closest('tr')!;
    expect(within(tiering).getByText('cron 0 0 2 1 * ? (UTC)')).toBeInTheDocument();
    expect(within(tiering).getByText('成功')).toBeInTheDocument();
    const mail = screen.getByText('邮件发送').closest('tr')!;
    expect(within(mail).getByText('从未运行')).toBeInTheDocument();
    expect(within(mail).getByText('已暂停')).toBeInTheDocument();

    await user.click(screen.getByTestId('job-history-tiering-run'));
    expect(await screen.findByRole('heading', { level: 2, name: '客户分级的运行记录' })).toBeInTheDocument();
    expect(await screen.findByText('分级的客户: 120')).toBeInTheDocument();
    expect(screen.getByText('等级变化: 7')).toBeInTheDocument();
    expect(screen.getByText('补跑')).toBeInTheDocument();
    expect(screen.getByText('重试 · 第 2 次尝试')).toBeInTheDocument();
    expect(screen.getByText('TimeoutException: 数据库超时')).toBeInTheDocument();
    expect(screen.getByText('3.5 s')).toBeInTheDocument();
  }, SLOW);

  it('runs a job now with an Idempotency-Key and shows its history (English)', async () => {
    api.on('GET', '/api/v1/admin/jobs', json(200, jobs));
    const queued: JobRunDto = { ...failed, id: 'r3', trigger: 'Manual', attempt: 1, startedAt: null, endedAt: null, outcome: null, error: null };
    api.on('POST', '/api/v1/admin/jobs/tiering-run/runs', json(202, queued, { Location: '/api/v1/admin/jobs/tiering-run/runs/r3' }));
    api.on('GET', '/api/v1/admin/jobs/tiering-run/runs', json(200, { items: [queued], page: 1, pageSize: 20, totalCount: 1, nextCursor: null }));
    const user = setupUser();
    renderWithProviders(<JobsPage />, { locale: 'en', user: admin });

    await user.click(await screen.findByRole('button', { name: 'Run Tiering run now' }));
    await waitFor(() => expect(api.sent('POST', '/api/v1/admin/jobs/tiering-run/runs')).toHaveLength(1));
    expect(api.sent('POST', '/api/v1/admin/jobs/tiering-run/runs')[0]!.headers.get('Idempotency-Key')).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 2, name: 'Runs of Tiering run' })).toBeInTheDocument();
    expect(await screen.findByText('Queued')).toBeInTheDocument();
    expect(screen.getByText('Manual')).toBeInTheDocument();
  }, SLOW);
});
