// The plan version's history (记录): who decided what, when (in the reader's locale) and why. Each line is the server's
// data — a kind with its arguments — worded here in the reader's language; nothing is derived.
import { useState } from 'react';
import { Card, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { formatDateTime } from '../../shared/format';
import { usePlanHistory, type PlanHistoryEntryDto } from './plansApi';

const PAGE_SIZE = 20;

export function PlanHistory({ planId }: { planId: string }) {
  const { t, locale } = useI18n();
  const [page, setPage] = useState(1);
  const history = usePlanHistory(planId, page, PAGE_SIZE);
  const items = history.data?.items ?? [];

  return (
    <Card title={t('plan.history')} size="small" data-testid="plan-history">
      <ProblemAlert error={history.error} />
      <List<PlanHistoryEntryDto>
        loading={history.isLoading}
        dataSource={items}
        locale={{ emptyText: t('plan.history.empty') }}
        pagination={
          (history.data?.totalCount ?? 0) > PAGE_SIZE
            ? { current: page, pageSize: PAGE_SIZE, total: history.data?.totalCount ?? 0, onChange: setPage, size: 'small', showSizeChanger: false }
            : false
        }
        renderItem={(e) => (
          <List.Item data-testid="plan-history-entry" data-kind={e.kind} data-action={e.action ?? undefined}>
            <List.Item.Meta
              title={
                <span>
                  <Typography.Text strong>{e.byName ?? t('plan.history.by.none')}</Typography.Text> <HistoryWhat entry={e} />
                </span>
              }
              description={
                <>
                  <time dateTime={e.at}>{formatDateTime(locale, e.at)}</time>
                  {e.comment && (
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0', color: 'inherit' }} data-testid="plan-history-comment">
                      {e.comment}
                    </Typography.Paragraph>
                  )}
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

/** What happened, in the reader's language, from the line's kind and arguments. */
function HistoryWhat({ entry: e }: { entry: PlanHistoryEntryDto }) {
  const { t } = useI18n();
  switch (e.kind) {
    case 'StatusChanged':
      return (
        <>
          {e.action ? t(`plan.history.${e.action}`) : null}
          {e.fromStatus && e.toStatus && (
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              {t('plan.history.statuses', { from: t(`plan.status.${e.fromStatus}`), to: t(`plan.status.${e.toStatus}`) })}
            </Typography.Text>
          )}
        </>
      );
    case 'Revised':
    case 'Superseded':
      return (
        <>
          {t(`plan.history.${e.kind}`, { version: e.relatedPlanVersion ?? '' })}
          {e.relatedPlanId && (
            <Link to={`/plans/${e.relatedPlanId}`} style={{ marginInlineStart: 8 }}>
              {t('plan.history.open', { version: e.relatedPlanVersion ?? '' })}
            </Link>
          )}
        </>
      );
    case 'InitiativeStatusChanged':
      return (
        <>
          {t('plan.history.InitiativeStatusChanged', {
            title: e.initiativeTitle ?? '',
            from: e.initiativeFrom ? t(`plan.initiative.status.${e.initiativeFrom}`) : '—',
            to: e.initiativeTo ? t(`plan.initiative.status.${e.initiativeTo}`) : '—',
          })}
        </>
      );
  }
}
