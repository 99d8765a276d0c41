import { useState } from 'react';
import { App as AntApp, Button, Card, Col, Descriptions, Empty, Input, Modal, Row, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { ArrowRightOutlined, CommentOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { useSession } from '../../auth/session';
import { ApiProblem } from '../../shared/problem';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { StaleVersionAlert, useStaleVersion } from '../../shared/StaleVersion';
import { formatDateTime } from '../../shared/format';
import { ErrorPage } from '../../shell/ErrorPages';
import { TierTag } from '../../shared/TierTag';
import { useContacts } from '../accounts/accountsApi';
import { ActionForm } from './ActionForm';
import { InitiativeLinkCard } from './InitiativeLinkCard';
import { actionButtons } from './actions';
import { entryText } from './model';
import { clockState } from './sla';
import { ComplaintStatusTag, EscalationTag, SeverityTag, SlaBadge, useNow } from './labels';
import { useAddComment, useComplaint, useComplaintStep, type ComplaintAction, type ComplaintDto, type SlaClockDto, type StepInput, type TimelineKind } from './complaintsApi';
import { PageTitle } from '../../shell/PageTitle';
import { usePageTitle } from '../../shell/usePageTitle';

const kindColor: Record<TimelineKind, string> = {
  Filed: 'blue',
  Acknowledged: 'cyan',
  Assigned: 'blue',
  AwaitingCustomer: 'purple',
  Resumed: 'blue',
  Resolved: 'green',
  Closed: 'gray',
  Reopened: 'orange',
  Comment: 'gray',
  AtRisk: 'orange',
  Escalated: 'red',
  InitiativeLinked: 'geekblue',
};

/** The complaint: header with its SLA clocks, the customer's words, the next allowed steps, and the timeline. */
export default function ComplaintPage() {
  const { id = '' } = useParams();
  const complaint = useComplaint(id);
  if (complaint.isLoading) return <Spin style={{ display: 'block', margin: '20vh auto' }} />;
  if (complaint.error instanceof ApiProblem && complaint.error.status === 404) return <ErrorPage status={404} />;
  if (!complaint.data) return <ProblemAlert error={complaint.error} />;
  return <ComplaintView complaint={complaint.data.data} etag={complaint.data.etag} reload={() => complaint.refetch()} loadError={complaint.error} />;
}

function ComplaintView({ complaint: c, etag, reload, loadError }: { complaint: ComplaintDto; etag: string; reload: () => Promise<unknown>; loadError: unknown }) {
  const { t, locale } = useI18n();
  usePageTitle('complaints.title', c.reference);
  const { user, can } = useSession();
  const { message } = AntApp.useApp();
  const now = useNow();
  const step = useComplaintStep(c.id);
  const [open, setOpen] = useState<ComplaintAction | null>(null);
  // Someone else took a step meanwhile: the complaint is read again at once (the step's dialog closes, nothing typed is kept).
  const stale = useStaleVersion(reload, { atOnce: true });
  const me = user ? { id: user.id, displayName: user.displayName } : { id: '', displayName: '' };
  const buttons = can('complaints:write') ? actionButtons(c.allowedActions, c.status) : [];

  const send = async (s: StepInput) => {
    try {
      await step.mutateAsync({ etag, step: s });
      setOpen(null);
      stale.dismiss();
      message.success(t(`complaint.done.${s.action}`, { reference: c.reference }));
    } catch (e) {
      if (stale.caught(e)) {
        // Show the complaint as it is now; the user decides again.
        setOpen(null);
        return;
      }
      // A step the status no longer allows (409): the form shows the server's reason; the buttons refresh.
      if (e instanceof ApiProblem && e.status === 409) void reload();
      throw e;
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <ProblemAlert error={loadError} />
      <StaleVersionAlert state={stale} title={t('complaint.stale.title')} description={t('complaint.stale.body')} testId="complaint-stale" />
      <Card>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 16, flexWrap: 'wrap' }}>
          <div style={{ minWidth: 0, flex: 1 }}>
            <Typography.Text type="secondary" data-testid="complaint-reference" copyable>{c.reference}</Typography.Text>
            <PageTitle style={{ margin: '4px 0 8px' }} data-testid="complaint-subject">{c.subject}</PageTitle>
            <Space wrap size={[0, 8]}>
              <ComplaintStatusTag status={c.status} testId="complaint-status" />
              <SeverityTag severity={c.severity} />
              <TierTag tier={c.tier} />
              <Tag>{t(`complaint.category.${c.category}`)}</Tag>
            </Space>
          </div>
          {buttons.length > 0 && (
            <Space wrap data-testid="complaint-actions">
              {buttons.map((b) => (
                <Button key={b.action} type={b.primary ? 'primary' : 'default'} data-testid={b.testId} onClick={() => setOpen(b.action)}>
                  {t(b.label)}
                </Button>
              ))}
            </Space>
          )}
        </div>
        <Descriptions style={{ marginTop: 16 }} column={{ xs: 1, sm: 2, lg: 3 }} size="small">
          <Descriptions.Item label={t('complaint.account')}>
            <Link to={`/accounts/${c.accountId}`}>{c.accountName ?? t('common.none')}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('complaint.contact')}>{c.contactId ? <ContactName accountId={c.accountId} contactId={c.contactId} /> : t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('complaint.channel')}>{t(`complaint.channel.${c.channel}`)}</Descriptions.Item>
          <Descriptions.Item label={t('complaint.receivedAt')}>{formatDateTime(locale, c.receivedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('complaint.department')}>{c.department ? t(`complaint.department.${c.department}`) : t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('complaint.assignee')}>
            <span data-testid="complaint-assignee">{c.assigneeId ? (c.assigneeName ?? t('complaint.assignee.unknown')) : t('complaint.unassigned')}</span>
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <SlaCard title={t('complaint.sla.firstResponse')} clock={c.firstResponseClock} doneAt={c.firstRespondedAt} targetHours={c.firstResponseTargetHours} doneLabel="complaint.sla.respondedAt" now={now} testId="sla-first-response" />
        </Col>
        <Col xs={24} md={12}>
          <SlaCard title={t('complaint.sla.resolution')} clock={c.resolutionClock} doneAt={c.resolvedAt} targetHours={c.resolutionTargetHours} doneLabel="complaint.sla.resolvedAt" now={now} testId="sla-resolution" />
        </Col>
      </Row>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={c.resolution ? 12 : 24}>
          <Card title={t('complaint.customerSays')} style={{ height: '100%' }}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="complaint-description">{c.description}</Typography.Paragraph>
            <Typography.Text type="secondary">{t('complaint.requestedRemedy')}</Typography.Text>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 4 }} data-testid="complaint-remedy">
              {c.requestedRemedy || <Typography.Text type="secondary">{t('complaint.noRemedy')}</Typography.Text>}
            </Typography.Paragraph>
          </Card>
        </Col>
        {c.resolution && (
          <Col xs={24} lg={12}>
            <Card title={t('complaint.resolutionTitle')} style={{ height: '100%' }} data-testid="complaint-resolution">
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('complaint.resolution')}><span style={{ whiteSpace: 'pre-wrap' }}>{c.resolution}</span></Descriptions.Item>
                <Descriptions.Item label={t('complaint.rootCause')}>{c.rootCause ? <Tag color="volcano">{t(`complaint.rootCause.${c.rootCause}`)}</Tag> : t('common.none')}</Descriptions.Item>
                <Descriptions.Item label={t('complaint.correctiveAction')}><span style={{ whiteSpace: 'pre-wrap' }}>{c.correctiveAction}</span></Descriptions.Item>
                {c.resolvedAt && <Descriptions.Item label={t('complaint.sla.resolvedAt')}>{formatDateTime(locale, c.resolvedAt)}</Descriptions.Item>}
              </Descriptions>
            </Card>
          </Col>
        )}
      </Row>

      <InitiativeLinkCard complaint={c} etag={etag} stale={stale} />

      <ComplaintTimeline complaint={c} canComment={can('complaints:write')} />

      <Modal
        open={open !== null}
        title={open ? t(actionButtons([open], c.status)[0]!.label) : undefined}
        footer={null}
        destroyOnHidden
        onCancel={() => setOpen(null)}
        width={560}
      >
        {open && (
          <ActionForm
            action={open}
            me={me}
            currentAssignee={c.assigneeId ? { id: c.assigneeId, name: c.assigneeName ?? t('complaint.assignee.unknown') } : null}
            currentDepartment={c.department ?? null}
            onSubmit={send}
            onCancel={() => setOpen(null)}
          />
        )}
      </Modal>
    </Space>
  );
}

function ContactName({ accountId, contactId }: { accountId: string; contactId: string }) {
  const contacts = useContacts(accountId);
  const contact = contacts.data?.items.find((x) => x.id === contactId);
  if (!contact) return <>{contacts.isLoading ? '…' : '—'}</>;
  return <>{contact.title ? `${contact.name} · ${contact.title}` : contact.name}</>;
}

/** One SLA clock as the server keeps it: the live badge, the target, when it is (or was) due, when it was met, breach and escalation. */
function SlaCard({ title, clock, doneAt, targetHours, doneLabel, now, testId }: { title: string; clock: SlaClockDto; doneAt: string | null | undefined; targetHours: number; doneLabel: MessageKey; now: number; testId: string }) {
  const { t, locale } = useI18n();
  const state = clockState(clock, doneAt);
  return (
    <Card
      size="small"
      title={title}
      data-testid={testId}
      extra={
        <Space size={0}>
          <SlaBadge state={state} dueAt={doneAt ? null : clock.dueAt} now={now} />
          <EscalationTag level={clock.escalationLevel} />
        </Space>
      }
    >
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('complaint.sla.target')}>{t('complaint.sla.hours', { hours: Math.round(targetHours * 10) / 10 })}</Descriptions.Item>
        {doneAt ? (
          <Descriptions.Item label={t(doneLabel)}>{formatDateTime(locale, doneAt)}</Descriptions.Item>
        ) : (
          <Descriptions.Item label={t('complaint.sla.due')}>{clock.dueAt ? formatDateTime(locale, clock.dueAt) : t(state === 'Paused' || state === 'Breached' ? 'complaint.sla.paused' : 'common.none')}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('complaint.sla.breached')}>
          {clock.breached ? (
            <Tag color="red" icon={<ExclamationCircleOutlined />} data-testid="breached-flag">{t('complaint.sla.breachedYes')}</Tag>
          ) : (
            <Typography.Text type="secondary">{t('complaint.sla.breachedNo')}</Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** Who did what and when, oldest first, with a box to comment (a closed complaint takes no comments). */
function ComplaintTimeline({ complaint: c, canComment }: { complaint: ComplaintDto; canComment: boolean }) {
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const comment = useAddComment(c.id);
  const [text, setText] = useState('');
  const closed = c.status === 'Closed';

  const add = async () => {
    try {
      await comment.mutateAsync(text.trim());
      setText('');
      message.success(t('complaint.comment.added'));
    } catch {
      // Shown below the box.
    }
  };

  return (
    <Card title={t('complaint.timeline')} data-testid="complaint-timeline">
      {c.timeline.length === 0 && <Empty />}
      <Timeline
        items={c.timeline.map((e) => {
          const { text: body, rootCause, correctiveAction } = entryText(e, t);
          const { fromStatus, toStatus } = e.args;
          return {
            key: e.sequence,
            color: kindColor[e.kind],
            icon: e.kind === 'Comment' ? <CommentOutlined /> : e.kind === 'Escalated' || e.kind === 'AtRisk' ? <ExclamationCircleOutlined /> : undefined,
            content: (
              <div data-testid={`timeline-${e.kind}`}>
                <Space size={8} wrap>
                  <Typography.Text strong>{t(`complaint.timeline.kind.${e.kind}`)}</Typography.Text>
                  <Typography.Text type="secondary">{e.byName ?? (e.by ? t('complaint.timeline.someone') : t('complaint.timeline.system'))}</Typography.Text>
                  <Typography.Text type="secondary">{formatDateTime(locale, e.at)}</Typography.Text>
                  {fromStatus && toStatus && fromStatus !== toStatus && (
                    <span>
                      <ComplaintStatusTag status={fromStatus} />
                      <ArrowRightOutlined style={{ color: '#999', marginInlineEnd: 8 }} />
                      <ComplaintStatusTag status={toStatus} />
                    </span>
                  )}
                </Space>
                <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>
                  {rootCause && <Tag color="volcano">{t(`complaint.rootCause.${rootCause}`)}</Tag>}
                  {body}
                  {correctiveAction && (
                    <div>
                      <Typography.Text type="secondary">{t('complaint.correctiveAction')}: </Typography.Text>
                      {correctiveAction}
                    </div>
                  )}
                </div>
              </div>
            ),
          };
        })}
      />
      {canComment && (
        <div data-testid="comment-box">
          <Input.TextArea
            rows={3}
            value={text}
            disabled={closed}
            maxLength={8000}
            placeholder={t(closed ? 'complaint.comment.closed' : 'complaint.comment.placeholder')}
            aria-label={t('complaint.comment.label')}
            onChange={(e) => setText(e.target.value)}
          />
          {closed && <Typography.Text type="secondary" data-testid="comment-closed-hint">{t('complaint.comment.closedHint')}</Typography.Text>}
          <ProblemAlert error={comment.error} />
          <div style={{ marginTop: 8, display: 'flex', justifyContent: 'flex-end' }}>
            <Button icon={<CommentOutlined />} disabled={closed || !text.trim()} loading={comment.isPending} onClick={add} data-testid="comment-submit">
              {t('complaint.comment.add')}
            </Button>
          </div>
        </div>
      )}
    </Card>
  );
}
