// 回访: the follow-ups opened by detractors and low ratings, with the server's due time and SLA state, and closing one
// with a required note (If-Match of the follow-up as read just before).
import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { App, Button, Checkbox, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../auth/session';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useFormErrors } from '../../shared/useFormErrors';
import { isStaleVersion } from '../../shared/StaleVersion';
import { formatDateTime } from '../../shared/format';
import { urlFilter, useUrlFilters } from '../../shared/useUrlFilters';
import { FOLLOW_UP_STATUSES, SLA_STATES } from './model';
import { FollowUpSlaTag } from './labels';
import { useCloseFollowUp, useFollowUps, type FollowUpStatus, type SlaState, type SurveyFollowUpDto } from './surveysApi';
import { ResponsiveTable } from '../../shared/ResponsiveTable';

const FILTERS = { fstatus: urlFilter.oneOf(FOLLOW_UP_STATUSES), sla: urlFilter.oneOf(SLA_STATES), mine: urlFilter.flag(), fpage: urlFilter.int(1) };

/** The follow-ups list; with `accountId`, those of one account (the account's Satisfaction tab), without filters. */
export function FollowUpsList({ accountId }: { accountId?: string }) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const { filters, setFilter, setFilters } = useUrlFilters(FILTERS);
  const status = accountId ? undefined : (filters.fstatus ?? 'Open');
  const { data, error, isFetching } = useFollowUps({
    status,
    slaState: accountId ? undefined : filters.sla,
    mine: accountId ? undefined : filters.mine || undefined,
    accountId,
    page: accountId ? 1 : filters.fpage,
    pageSize: 20,
  });
  const [closing, setClosing] = useState<SurveyFollowUpDto | null>(null);
  return (
    <>
      {!accountId && (
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            aria-label={t('surveys.followUp.status')}
            data-testid="followup-filter-status"
            style={{ width: 140 }}
            value={status}
            options={FOLLOW_UP_STATUSES.map((s) => ({ value: s, label: t(`surveys.followUp.status.${s}`) }))}
            onChange={(v: FollowUpStatus) => setFilters({ fstatus: v, fpage: undefined })}
          />
          <Select
            allowClear
            placeholder={t('surveys.followUp.sla')}
            aria-label={t('surveys.followUp.sla')}
            style={{ width: 140 }}
            value={filters.sla}
            options={SLA_STATES.map((s) => ({ value: s, label: t(`complaint.sla.state.${s}`) }))}
            onChange={(v: SlaState | undefined) => setFilters({ sla: v, fpage: undefined })}
          />
          <Checkbox checked={filters.mine} onChange={(e) => setFilters({ mine: e.target.checked, fpage: undefined })}>{t('surveys.followUp.mine')}</Checkbox>
        </Space>
      )}
      <ProblemAlert error={error} />
      <ResponsiveTable<SurveyFollowUpDto>
        rowKey="id"
        size="middle"
        loading={isFetching && !data}
        dataSource={data?.items ?? []}
        data-testid="followups-table"
        locale={{ emptyText: t('surveys.followUp.empty') }}
        scroll={{ x: 1000 }}
        pagination={accountId ? false : { current: filters.fpage, pageSize: 20, total: data?.totalCount ?? 0, onChange: (page) => setFilter('fpage', page) }}
        columns={[
          ...(accountId ? [] : [{ title: t('surveys.account'), dataIndex: 'accountName', render: (v: string, r: SurveyFollowUpDto) => <Link to={`/accounts/${r.accountId}?tab=satisfaction`}>{v}</Link> }]),
          { title: t('surveys.contact'), dataIndex: 'contactName', width: 120 },
          { title: t('surveys.nps.answer'), dataIndex: 'npsAnswer', width: 80, align: 'right', render: (v: number | null) => (v === null ? '—' : v) },
          { title: t('surveys.followUp.reason'), dataIndex: 'reason', width: 120, render: (v: SurveyFollowUpDto['reason']) => <Tag>{t(`surveys.followUp.reason.${v}`)}</Tag> },
          { title: t('surveys.followUp.sla'), key: 'sla', width: 120, render: (_, r) => <FollowUpSlaTag state={r.slaState} status={r.status} /> },
          { title: t('surveys.followUp.due'), dataIndex: 'dueAt', width: 170, render: (v: string | null, r) => (r.status === 'Closed' ? formatDateTime(locale, r.closedAt) : formatDateTime(locale, v)) },
          { title: t('surveys.followUp.owner'), dataIndex: 'ownerName', width: 110, render: (v: string | null) => v ?? t('common.none') },
          {
            title: t('surveys.followUp.note'),
            dataIndex: 'note',
            render: (v: string | null, r) =>
              r.status === 'Closed' ? (
                <Typography.Text>{v}</Typography.Text>
              ) : can('surveys:followups') ? (
                <Button size="small" data-testid="followup-close" onClick={() => setClosing(r)}>{t('surveys.followUp.close')}</Button>
              ) : null,
          },
        ]}
      />
      {closing && <CloseFollowUpDialog followUp={closing} onDone={() => setClosing(null)} />}
    </>
  );
}

function CloseFollowUpDialog({ followUp, onDone }: { followUp: SurveyFollowUpDto; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const close = useCloseFollowUp();
  const errors = useFormErrors({ form, fields: ['note'] });
  const [stale, setStale] = useState(false);
  const submit = async ({ note }: { note: string }) => {
    errors.clear();
    setStale(false);
    try {
      await close.mutateAsync({ id: followUp.id, note: note.trim() });
      void message.success(t('surveys.followUp.closed', { account: followUp.accountName }));
      onDone();
    } catch (e) {
      if (isStaleVersion(e)) setStale(true);
      errors.show(e);
    }
  };
  return (
    <Modal
      open
      title={t('surveys.followUp.closeTitle', { account: followUp.accountName, contact: followUp.contactName })}
      okText={t('surveys.followUp.close')}
      okButtonProps={{ loading: close.isPending, 'data-testid': 'followup-close-submit' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onDone}
      destroyOnHidden
    >
      {stale && <Typography.Paragraph type="warning" data-testid="followup-stale">{t('surveys.followUp.stale')}</Typography.Paragraph>}
      <ProblemAlert error={errors.problem} extra={errors.unplaced} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="note"
          label={t('surveys.followUp.note')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 2000, message: t('validation.max', { max: 2000 }) }]}
        >
          <Input.TextArea rows={4} data-testid="followup-note" placeholder={t('surveys.followUp.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

