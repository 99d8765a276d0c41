// The workflow buttons of a plan (the steps the server allows now), each with its small dialog (a confirmation, a
// comment or a reason), sent with the plan's ETag as If-Match. A 412 goes to the page's stale-version alert; a step
// the status no longer allows (409) is said in the dialog and the plan is read again.
import { useState } from 'react';
import { Alert, App as AntApp, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../auth/session';
import { ApiProblem } from '../../shared/problem';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useProblemText } from '../../shared/problemText';
import type { StaleVersion } from '../../shared/StaleVersion';
import { useFormErrors } from '../../shared/useFormErrors';
import { ACTION_INPUT, planButtons, type PlanButtonAction } from './model';
import { usePlanTransition, useRevisePlan, type PlanDto, type TransitionInput } from './plansApi';

/** The server's limit on a step's comment or reason (2,000 characters). */
const COMMENT_MAX = 2000;

export interface PlanActionsProps {
  plan: PlanDto;
  etag: string;
  stale: StaleVersion;
  reload: () => Promise<unknown>;
}

export function PlanActions({ plan, etag, stale, reload }: PlanActionsProps) {
  const { t } = useI18n();
  const { can } = useSession();
  const [open, setOpen] = useState<PlanButtonAction | null>(null);
  const buttons = planButtons(plan.allowedActions, can);
  // A revision of this version exists (the server says so): it is where changes are made, so the page links to it.
  const revision = plan.revisionId && plan.status !== 'Superseded' && (
    <Link to={`/plans/${plan.revisionId}`} data-testid="plan-revision-link">{t('plan.revisionInProgress')}</Link>
  );
  if (buttons.length === 0) return revision || null;
  return (
    <>
      {revision}
      <Space wrap data-testid="plan-actions">
        {buttons.map((b) => (
          <Button key={b.action} type={b.primary ? 'primary' : 'default'} danger={b.danger} data-testid={b.testId} onClick={() => setOpen(b.action)}>
            {t(b.label)}
          </Button>
        ))}
      </Space>
      <Modal open={open !== null} title={open ? t(`plan.action.${open}`) : undefined} footer={null} destroyOnHidden onCancel={() => setOpen(null)} width={520}>
        {open && <StepForm action={open} plan={plan} etag={etag} stale={stale} reload={reload} onDone={() => setOpen(null)} />}
      </Modal>
    </>
  );
}

interface StepValues {
  comment?: string;
  reason?: string;
}

function StepForm({ action, plan, etag, stale, reload, onDone }: { action: PlanButtonAction; plan: PlanDto; etag: string; stale: StaleVersion; reload: () => Promise<unknown>; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<StepValues>();
  const transition = usePlanTransition(plan.id);
  const revise = useRevisePlan(plan.id);
  const errors = useFormErrors({ form, fields: ['comment', 'reason'] });
  const problemText = useProblemText();
  const [busy, setBusy] = useState(false);
  const input = ACTION_INPUT[action];

  const submit = async (v: StepValues) => {
    setBusy(true);
    errors.clear();
    try {
      if (action === 'revise') {
        const created = await revise.mutateAsync();
        message.success(t('plan.done.revise'));
        onDone();
        navigate(`/plans/${created.id}?edit=1`);
        return;
      }
      const comment = (v.comment ?? '').trim();
      const step: TransitionInput =
        action === 'reject'
          ? { action, body: { comment } }
          : action === 'approve'
            ? { action, body: comment ? { comment } : undefined }
            : action === 'cancel'
              ? { action, body: { reason: (v.reason ?? '').trim() } }
              : { action };
      await transition.mutateAsync({ etag, step });
      stale.dismiss();
      message.success(t(`plan.done.${action}`));
      onDone();
    } catch (e) {
      if (stale.caught(e)) {
        onDone();
        return;
      }
      if (e instanceof ApiProblem && e.status === 409) void reload();
      errors.show(e);
    } finally {
      setBusy(false);
    }
  };

  const conflict = errors.problem instanceof ApiProblem && errors.problem.code === 'plan-transition-not-allowed';
  return (
    <Form<StepValues> form={form} layout="vertical" onFinish={submit} data-testid={`plan-step-form-${action}`}>
      <Typography.Paragraph type="secondary">{t(`plan.confirm.${action}`)}</Typography.Paragraph>
      {conflict ? (
        <Alert type="error" showIcon role="alert" title={t('plan.step.conflict')} description={problemText.message(errors.problem)} style={{ marginBottom: 16 }} />
      ) : (
        <ProblemAlert error={errors.problem} extra={errors.unplaced} />
      )}
      {input === 'requiredComment' && (
        <Form.Item name="comment" label={t('plan.field.comment')} rules={[{ required: true, whitespace: true, message: t('plan.required.comment') }, { max: COMMENT_MAX, message: t('validation.max', { max: COMMENT_MAX }) }]}>
          <Input.TextArea rows={4} data-testid="plan-step-comment" />
        </Form.Item>
      )}
      {input === 'optionalComment' && (
        <Form.Item name="comment" label={t('plan.field.commentOptional')} rules={[{ max: COMMENT_MAX, message: t('validation.max', { max: COMMENT_MAX }) }]}>
          <Input.TextArea rows={3} data-testid="plan-step-comment" />
        </Form.Item>
      )}
      {input === 'reason' && (
        <Form.Item name="reason" label={t('plan.field.reason')} rules={[{ required: true, whitespace: true, message: t('plan.required.reason') }, { max: COMMENT_MAX, message: t('validation.max', { max: COMMENT_MAX }) }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      )}
      <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" danger={action === 'cancel' || action === 'reject'} htmlType="submit" loading={busy} data-testid="plan-step-submit">
          {t(`plan.action.${action}`)}
        </Button>
      </div>
    </Form>
  );
}
