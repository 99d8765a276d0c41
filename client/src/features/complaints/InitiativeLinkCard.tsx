// The complaint's corrective action as part of a development-plan initiative (DESIGN §1.3, §1.5): which initiative it
// is linked to (with a link to its plan), and — for whoever may change the complaint and read plans — a picker among
// the initiatives of the account's current plans (in force or in draft), unlink, and the server's answer placed on the
// control (an initiative of another account: a 400 on initiativeId). A 412 is the page's StaleVersionAlert's to say.
import { App as AntApp, Button, Card, Empty, Form, Select, Space, Typography } from 'antd';
import { DisconnectOutlined, LinkOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../auth/session';
import { ProblemAlert } from '../../shared/ProblemAlert';
import type { StaleVersion } from '../../shared/StaleVersion';
import { useFormErrors } from '../../shared/useFormErrors';
import { InitiativeStatusTag } from '../plans/labels';
import { usePlan, usePlanDocuments, usePlans, type PlanStatus } from '../plans/plansApi';
import { useLinkInitiative, type ComplaintDto } from './complaintsApi';

/** The plans whose initiatives a corrective action may join: in force, or being drafted and approved. */
export const LINKABLE_PLAN_STATUSES: PlanStatus[] = ['Active', 'Approved', 'Submitted', 'Draft'];

const FIELDS = ['initiativeId'] as const;

export function InitiativeLinkCard({ complaint: c, etag, stale }: { complaint: ComplaintDto; etag: string; stale: StaleVersion }) {
  const { t } = useI18n();
  const { can } = useSession();
  const readsPlans = can('plans:read');
  const mayLink = can('complaints:write') && readsPlans;
  const linked = c.initiativeId ?? null;
  if (!linked && !mayLink) return null;
  return (
    <Card
      title={<span id={`initiative-link-${c.id}`}>{t('complaint.initiative.title')}</span>}
      role="region"
      aria-labelledby={`initiative-link-${c.id}`}
      data-testid="initiative-link"
      size="small"
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {linked && <LinkedInitiative complaint={c} readsPlans={readsPlans} />}
        {mayLink ? (
          <LinkForm complaint={c} etag={etag} stale={stale} />
        ) : (
          linked && can('complaints:write') && <UnlinkButton complaint={c} etag={etag} stale={stale} />
        )}
      </Space>
    </Card>
  );
}

/** The initiative linked now: its title and status from its plan (any version, read by id), and a link to that plan. */
function LinkedInitiative({ complaint: c, readsPlans }: { complaint: ComplaintDto; readsPlans: boolean }) {
  const { t } = useI18n();
  const plan = usePlan(c.planId ?? '', readsPlans && !!c.planId);
  const doc = plan.data?.data;
  const initiative = doc?.initiatives.find((i) => i.id === c.initiativeId);
  return (
    <div data-testid="initiative-linked">
      <Typography.Text type="secondary">{t('complaint.initiative.linked')} </Typography.Text>
      {initiative ? (
        <Space size={4} wrap>
          <Typography.Text strong data-testid="initiative-linked-title">{initiative.title}</Typography.Text>
          <InitiativeStatusTag status={initiative.status} />
        </Space>
      ) : (
        <Typography.Text strong>{plan.isLoading && readsPlans ? '…' : t('complaint.initiative.linkedUnnamed')}</Typography.Text>
      )}
      {readsPlans && c.planId && (
        <div>
          <Link to={`/plans/${c.planId}`} data-testid="initiative-plan-link">
            {doc ? t('complaint.initiative.openPlanNamed', { title: doc.title, version: doc.planVersion }) : t('complaint.initiative.openPlan')}
          </Link>
        </div>
      )}
    </div>
  );
}

/** Picks an initiative of the account's current plans and links it; unlinks the one linked. */
function LinkForm({ complaint: c, etag, stale }: { complaint: ComplaintDto; etag: string; stale: StaleVersion }) {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ initiativeId?: string }>();
  const errors = useFormErrors({ form, fields: FIELDS });
  const link = useLinkInitiative(c.id);
  const plans = usePlans({ accountId: c.accountId, status: LINKABLE_PLAN_STATUSES, sort: 'updatedAt', direction: 'desc', page: 1, pageSize: 20 });
  const ids = (plans.data?.items ?? []).map((p) => p.id);
  const documents = usePlanDocuments(ids);
  const loading = plans.isLoading || documents.some((d) => d.isLoading);
  const options = documents
    .map((d) => d.data?.data)
    .filter((p) => p !== undefined)
    .filter((p) => p.initiatives.length > 0)
    .map((p) => ({
      label: (
        <span>
          {`${p.title} · ${t('plan.version', { version: p.planVersion })} · `}
          {t(`plan.status.${p.status}`)}
        </span>
      ),
      title: p.title,
      options: p.initiatives.map((i) => ({ value: i.id, label: i.title, disabled: i.id === c.initiativeId })),
    }));
  const noPlan = !plans.isLoading && ids.length === 0;

  const send = async (initiativeId: string | null) => {
    errors.clear();
    try {
      await link.mutateAsync({ etag, initiativeId });
      stale.dismiss();
      form.resetFields();
      message.success(t(initiativeId ? 'complaint.initiative.done.linked' : 'complaint.initiative.done.unlinked', { reference: c.reference }));
    } catch (e) {
      if (stale.caught(e)) {
        errors.clear();
        return;
      }
      errors.show(e);
    }
  };

  if (noPlan) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={<span data-testid="initiative-no-plan">{t('complaint.initiative.noPlan', { account: c.accountName ?? '' })}</span>}
      >
        {can('plans:write') && (
          <Link to={`/plans/new?accountId=${c.accountId}`} data-testid="initiative-create-plan">
            <Button icon={<PlusOutlined />}>{t('complaint.initiative.createPlan')}</Button>
          </Link>
        )}
        {c.initiativeId && <UnlinkAction pending={link.isPending} onUnlink={() => send(null)} />}
      </Empty>
    );
  }

  return (
    <Form form={form} layout="vertical" onFinish={(v) => send(v.initiativeId ?? null)} requiredMark={false}>
      <ProblemAlert error={errors.problem} extra={errors.unplaced} />
      <Form.Item
        name="initiativeId"
        label={t(c.initiativeId ? 'complaint.initiative.change' : 'complaint.initiative.pick')}
        rules={[{ required: true, message: t('complaint.initiative.required') }]}
        style={{ marginBottom: 8 }}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={loading}
          placeholder={t('complaint.initiative.placeholder')}
          options={options}
          notFoundContent={loading ? undefined : t('complaint.initiative.noInitiatives')}
          data-testid="initiative-select"
          onChange={() => errors.clear()}
        />
      </Form.Item>
      <Space wrap>
        <Button type="primary" htmlType="submit" icon={<LinkOutlined />} loading={link.isPending} data-testid="initiative-link-submit">
          {t('complaint.initiative.link')}
        </Button>
        {c.initiativeId && <UnlinkAction pending={link.isPending} onUnlink={() => send(null)} />}
      </Space>
    </Form>
  );
}

function UnlinkAction({ pending, onUnlink }: { pending: boolean; onUnlink: () => void }) {
  const { t } = useI18n();
  return (
    <Button icon={<DisconnectOutlined />} loading={pending} onClick={onUnlink} data-testid="initiative-unlink">
      {t('complaint.initiative.unlink')}
    </Button>
  );
}

/** Unlink only, for a role that changes complaints but does not read plans. */
function UnlinkButton({ complaint: c, etag, stale }: { complaint: ComplaintDto; etag: string; stale: StaleVersion }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const link = useLinkInitiative(c.id);
  const unlink = async () => {
    try {
      await link.mutateAsync({ etag, initiativeId: null });
      stale.dismiss();
      message.success(t('complaint.initiative.done.unlinked', { reference: c.reference }));
    } catch (e) {
      stale.caught(e);
    }
  };
  return (
    <>
      <ProblemAlert error={link.error && !stale.stale ? link.error : null} />
      <UnlinkAction pending={link.isPending} onUnlink={unlink} />
    </>
  );
}
