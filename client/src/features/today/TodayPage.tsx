// 我的一天 / My day: the account manager's landing page. Each section is what the server found due or overdue for the
// user (its status is the server's, against today in Beijing), each item links to its page and carries its action:
// a next step is marked done here, a reminder dismissed, a complaint, plan or follow-up opened on its own page.
import { App as AntApp, Button, Card, Col, Empty, Row, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { CheckOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n/I18nProvider';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { formatDate, formatDateTime } from '../../shared/format';
import { TierTag } from '../../shared/TierTag';
import { ReminderWhat } from '../accounts/RemindersPage';
import { ComplaintStatusTag, SeverityTag } from '../complaints/labels';
import { BADGE_COLOR } from '../complaints/sla';
import { useCompleteNextStep, useDismissReminder, useMyDay, type DueStatus } from './todayApi';
import { PageTitle } from '../../shell/PageTitle';
import { usePageTitle } from '../../shell/usePageTitle';

const STATUS_COLOR: Record<DueStatus, string> = { Overdue: 'red', DueToday: 'orange', DueThisWeek: 'blue', Later: 'default' };

export function DueTag({ status }: { status: DueStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="due-status" data-status={status}>
      {t(`today.status.${status}`)}
    </Tag>
  );
}

function Section({ title, count, testId, children }: { title: string; count?: number; testId: string; children: React.ReactNode }) {
  return (
    <Card
      size="small"
      data-testid={testId}
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {title}
          {count ? <Tag style={{ marginInlineStart: 8 }}>{count}</Tag> : null}
        </Typography.Title>
      }
      style={{ height: '100%' }}
    >
      {children}
    </Card>
  );
}

function Nothing({ text }: { text: string }) {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<Typography.Text type="secondary">{text}</Typography.Text>} />;
}

/** A plain list of work items (cards on a phone, rows on a desktop): what the day's sections show. */
const SHOWN = 8;

/** The first items (most urgent first, as the server sorted them), and the rest on demand: a section stays one glance long. */
function ItemList<T>({ loading, dataSource, empty, renderItem }: { loading?: boolean; dataSource: readonly T[]; empty: React.ReactNode; renderItem: (item: T) => React.ReactNode }) {
  const { t } = useI18n();
  const [all, setAll] = useState(false);
  if (loading) return <Spin style={{ display: 'block', margin: '16px auto' }} />;
  if (dataSource.length === 0) return <>{empty}</>;
  const shown = all ? dataSource : dataSource.slice(0, SHOWN);
  return (
    <>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>{shown.map(renderItem)}</ul>
      {dataSource.length > SHOWN && (
        <Button type="link" style={{ paddingInline: 0 }} aria-expanded={all} onClick={() => setAll(!all)} data-testid="show-all">
          {all ? t('today.showFewer') : t('today.showAll', { count: dataSource.length })}
        </Button>
      )}
    </>
  );
}

function Item({ actions, children, ...rest }: { actions?: React.ReactNode[]; children: React.ReactNode; [data: `data-${string}`]: string }) {
  return (
    <li {...rest} style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 8, padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
      <div style={{ flex: '1 1 220px', minWidth: 0 }}>{children}</div>
      {actions && actions.length > 0 && <Space size={8}>{actions}</Space>}
    </li>
  );
}

function ItemMeta({ title, description }: { title: React.ReactNode; description: React.ReactNode }) {
  return (
    <>
      <div style={{ fontWeight: 500, marginBottom: 4 }}>{title}</div>
      <div style={{ color: 'rgba(0, 0, 0, 0.65)' }}>{description}</div>
    </>
  );
}

export default function TodayPage() {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const { message } = AntApp.useApp();
  usePageTitle('today.title');
  const day = useMyDay();
  const complete = useCompleteNextStep();
  const dismiss = useDismissReminder();
  const d = day.data;
  const own = !d || d.ownerId === user?.id;

  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }} data-testid="today-page">
      <div>
        <PageTitle style={{ marginBottom: 4 }}>{t('today.title')}</PageTitle>
        {d && <Typography.Text type="secondary">{t('today.subtitle', { date: formatDate(locale, d.today), horizon: formatDate(locale, d.horizon) })}</Typography.Text>}
      </div>
      <ProblemAlert error={day.error ?? complete.error ?? dismiss.error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Section title={t('today.nextSteps')} count={d?.nextSteps.length} testId="today-next-steps">
            <ItemList
              loading={day.isLoading}
              dataSource={d?.nextSteps ?? []}
              empty={<Nothing text={t('today.nextSteps.empty')} />}
              renderItem={(s) => (
                <Item key={s.interactionId}
                  data-testid="next-step"
                  data-interaction={s.interactionId}
                  actions={[
                    <Button
                      key="done"
                      size="small"
                      type="primary"
                      ghost
                      icon={<CheckOutlined />}
                      loading={complete.isPending && complete.variables?.interactionId === s.interactionId}
                      aria-label={`${t('today.done')}: ${s.nextStep}`}
                      data-testid="next-step-done"
                      onClick={() =>
                        complete.mutate({ accountId: s.accountId, interactionId: s.interactionId }, { onSuccess: () => void message.success(t('today.done.success')) })
                      }
                    >
                      {t('today.done')}
                    </Button>,
                  ]}
                >
                  <ItemMeta
                    title={<span style={{ overflowWrap: 'anywhere' }}>{s.nextStep}</span>}
                    description={
                      <Space size={4} wrap>
                        <DueTag status={s.status} />
                        <span>{t('today.due', { date: formatDate(locale, s.dueDate) })}</span>
                        <Link to={`/accounts/${s.accountId}`}>{s.accountName}</Link>
                      </Space>
                    }
                  />
                </Item>
              )}
            />
          </Section>
        </Col>
        <Col xs={24} xl={12}>
          <Section title={t('today.overdue')} count={d?.overdueContactsTotal} testId="today-overdue">
            <ItemList
              loading={day.isLoading}
              dataSource={d?.overdueContacts ?? []}
              empty={<Nothing text={t('today.overdue.empty')} />}
              renderItem={(o) => (
                <Item key={o.accountId}
                  actions={[
                    <Link key="log" to={`/accounts/${o.accountId}`}>
                      {t('today.logInteraction')}
                    </Link>,
                  ]}
                >
                  <ItemMeta
                    title={
                      <Space size={4} wrap>
                        <Link to={`/accounts/${o.accountId}`}>{o.name}</Link>
                        <TierTag tier={o.tier} />
                      </Space>
                    }
                    description={
                      <span>
                        {t('today.overdue.line', { days: o.daysOverdue, tier: t(`tier.${o.tier}`), cadence: o.contactCadenceDays })}
                        {o.lastInteractionAt ? ` · ${formatDate(locale, o.lastInteractionAt)}` : ` · ${t('today.overdue.never')}`}
                      </span>
                    }
                  />
                </Item>
              )}
            />
            {d && d.overdueContactsTotal > d.overdueContacts.length && <Link to="/portfolio">{t('today.overdue.more', { count: d.overdueContactsTotal })}</Link>}
          </Section>
        </Col>
        {d?.complaints && (
          <Col xs={24} xl={12}>
            <Section title={t('today.complaints')} count={d.complaints.length} testId="today-complaints">
              <ItemList
                dataSource={d.complaints}
                empty={<Nothing text={t('today.complaints.empty')} />}
                renderItem={(c) => (
                  <Item key={c.id}
                    actions={[
                      <Link key="open" to={`/complaints/${c.id}`}>
                        {t('today.open')}
                      </Link>,
                    ]}
                  >
                    <ItemMeta
                      title={
                        <span style={{ overflowWrap: 'anywhere' }}>
                          <Link to={`/complaints/${c.id}`}>{c.reference}</Link> {c.subject}
                        </span>
                      }
                      description={
                        <Space size={4} wrap>
                          <SeverityTag severity={c.severity} />
                          <ComplaintStatusTag status={c.status} />
                          <Tag color={BADGE_COLOR[c.slaState]} data-testid="complaint-sla" data-state={c.slaState}>
                            {t('today.sla')} · {t(`complaint.sla.state.${c.slaState}`)}
                          </Tag>
                          {c.dueAt && <span>{formatDateTime(locale, c.dueAt)}</span>}
                          <Link to={`/accounts/${c.accountId}`}>{c.accountName}</Link>
                        </Space>
                      }
                    />
                  </Item>
                )}
              />
            </Section>
          </Col>
        )}
        {d?.initiatives && (
          <Col xs={24} xl={12}>
            <Section title={t('today.initiatives')} count={d.initiatives.length} testId="today-initiatives">
              <ItemList
                dataSource={d.initiatives}
                empty={<Nothing text={t('today.initiatives.empty')} />}
                renderItem={(i) => (
                  <Item key={i.initiativeId}
                    actions={[
                      <Link key="open" to={`/plans/${i.planId}`}>
                        {t('today.open')}
                      </Link>,
                    ]}
                  >
                    <ItemMeta
                      title={<span style={{ overflowWrap: 'anywhere' }}>{i.title}</span>}
                      description={
                        <Space size={4} wrap>
                          <DueTag status={i.status} />
                          <span>{t('today.due', { date: formatDate(locale, i.dueDate) })}</span>
                          <Link to={`/plans/${i.planId}`}>{i.planTitle}</Link>
                          <Link to={`/accounts/${i.accountId}`}>{i.accountName}</Link>
                        </Space>
                      }
                    />
                  </Item>
                )}
              />
            </Section>
          </Col>
        )}
        {d?.followUps && (
          <Col xs={24} xl={12}>
            <Section title={t('today.followUps')} count={d.followUps.length} testId="today-followups">
              <ItemList
                dataSource={d.followUps}
                empty={<Nothing text={t('today.followUps.empty')} />}
                renderItem={(f) => (
                  <Item key={f.id}
                    actions={[
                      <Link key="open" to="/surveys?tab=followups">
                        {t('today.open')}
                      </Link>,
                    ]}
                  >
                    <ItemMeta
                      title={<Link to={`/accounts/${f.accountId}`}>{f.accountName}</Link>}
                      description={
                        <Space size={4} wrap>
                          <Tag color={BADGE_COLOR[f.slaState]}>{t(`complaint.sla.state.${f.slaState}`)}</Tag>
                          <span>
                            {f.npsAnswer != null
                              ? t('today.followUps.line', { contact: f.contactName, nps: f.npsAnswer, date: formatDateTime(locale, f.dueAt) })
                              : t('today.followUps.lineNoNps', { contact: f.contactName, date: formatDateTime(locale, f.dueAt) })}
                          </span>
                        </Space>
                      }
                    />
                  </Item>
                )}
              />
            </Section>
          </Col>
        )}
        <Col xs={24} xl={12}>
          <Section title={t('today.reminders')} count={d?.reminders.length} testId="today-reminders">
            <ItemList
              loading={day.isLoading}
              dataSource={d?.reminders ?? []}
              empty={<Nothing text={t('today.reminders.empty')} />}
              renderItem={({ reminder: r, status }) => (
                <Item key={r.id}
                  actions={
                    own
                      ? [
                          <Button key="dismiss" size="small" loading={dismiss.isPending && dismiss.variables === r.id} onClick={() => dismiss.mutate(r.id)}>
                            {t('today.dismiss')}
                          </Button>,
                        ]
                      : []
                  }
                >
                  <ItemMeta
                    title={
                      <Space size={4} wrap>
                        <Tag>{t(`reminder.${r.kind}`)}</Tag>
                        <Link to={`/accounts/${r.accountId}`}>{r.accountName}</Link>
                      </Space>
                    }
                    description={
                      <Space size={4} wrap>
                        <DueTag status={status} />
                        <span>{formatDate(locale, r.dueDate)}</span>
                        <ReminderWhat reminder={r} />
                      </Space>
                    }
                  />
                </Item>
              )}
            />
          </Section>
        </Col>
      </Row>
    </Space>
  );
}
