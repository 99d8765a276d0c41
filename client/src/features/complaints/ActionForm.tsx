import { useState } from 'react';
import { Alert, Button, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n/I18nProvider';
import { useUserLookup } from '../users/usersApi';
import type { MessageKey } from '../../i18n/messages';
import { ApiProblem } from '../../shared/problem';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useProblemText } from '../../shared/problemText';
import { useFormErrors } from '../../shared/useFormErrors';
import { DEPARTMENTS, ROOT_CAUSES } from './model';
import type { ComplaintAction, Department, RootCause, StepInput } from './complaintsApi';

export interface ActionFormProps {
  action: ComplaintAction;
  /** The signed-in user, who can take the complaint on. */
  me: { id: string; displayName: string };
  /** Who has it now, when someone does (a reassignment may keep them and change the department). */
  currentAssignee?: { id: string; name: string } | null;
  currentDepartment?: Department | null;
  /** Sends the step; throws the API's problem, which the form shows (field errors at the fields). */
  onSubmit: (step: StepInput) => Promise<void>;
  onCancel: () => void;
}

interface Values {
  response?: string;
  note?: string;
  reason?: string;
  department?: Department;
  assignee?: 'me' | 'current' | 'other';
  /** With `assignee: 'other'`: the person picked by name. */
  otherAssignee?: string;
  resolution?: string;
  rootCause?: RootCause;
  correctiveAction?: string;
}

const FIELDS = ['response', 'note', 'reason', 'department', 'resolution', 'rootCause', 'correctiveAction'];

/** The values of the form as the step's body. */
export function toStep(action: ComplaintAction, v: Values, me: string, current?: string | null): StepInput {
  const text = (s?: string) => s?.trim() ?? '';
  const note = (s?: string) => s?.trim() || null;
  switch (action) {
    case 'Acknowledge':
      return { action, body: { response: text(v.response) } };
    case 'Assign':
      return {
        action,
        body: { department: v.department!, assigneeId: v.assignee === 'other' && v.otherAssignee ? v.otherAssignee : v.assignee === 'current' && current ? current : me },
      };
    case 'AwaitCustomer':
      return { action, body: { note: text(v.note) } };
    case 'Resume':
    case 'Close':
      return { action, body: { note: note(v.note) } };
    case 'Resolve':
      return { action, body: { resolution: text(v.resolution), rootCause: v.rootCause ?? null, correctiveAction: text(v.correctiveAction) } };
    case 'Reopen':
      return { action, body: { reason: text(v.reason) } };
  }
}

/** The small form of one workflow step: only the fields that step takes, required ones marked. */
export function ActionForm({ action, me, currentAssignee, currentDepartment, onSubmit, onCancel }: ActionFormProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  // The form's `assignee` choice is the API's `assigneeId`.
  const errors = useFormErrors({ form, fields: FIELDS, rename: { assigneeId: 'assignee' } });
  const assignee = Form.useWatch('assignee', form);
  // Assigning to a named colleague needs the user picker (users:lookup); the server still checks that they may work
  // on this account's complaints.
  const { can } = useSession();
  const canPick = action === 'Assign' && can('users:lookup');
  const [search, setSearch] = useState('');
  const people = useUserLookup({ q: search || undefined }, canPick && assignee === 'other');
  const problemText = useProblemText();
  const other = currentAssignee && currentAssignee.id !== me.id ? currentAssignee : null;

  const submit = async (values: Values) => {
    setBusy(true);
    errors.clear();
    try {
      await onSubmit(toStep(action, values, me.id, other?.id));
    } catch (e) {
      // 400: invalid fields; 409: a rule, placed on its field when it names one (a required text).
      errors.show(e);
    } finally {
      setBusy(false);
    }
  };

  const required = (key: MessageKey) => [{ required: true, whitespace: true, message: t(key) }];
  const max = (n: number) => ({ max: n, message: t('validation.max', { max: n }) });
  // A step the status no longer allows: said apart, above the form (the page reloads the complaint and its buttons).
  const conflict = errors.problem instanceof ApiProblem && errors.problem.code === 'complaint-transition-not-allowed';
  const submitLabel: MessageKey =
    action === 'Assign'
      ? assignee === 'other'
        ? 'complaint.assign.toOther'
        : assignee === 'current' && other
          ? 'complaint.assign.changeDepartment'
          : 'complaint.assign.toMe'
      : `complaint.submit.${action}`;

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      data-testid={`form-${action}`}
      initialValues={{ department: currentDepartment ?? undefined, assignee: 'me' }}
    >
      <Typography.Paragraph type="secondary">{t(`complaint.help.${action}`)}</Typography.Paragraph>
      {conflict ? (
        <Alert type="error" showIcon role="alert" title={t('complaint.step.conflict')} description={problemText.message(errors.problem)} style={{ marginBottom: 16 }} />
      ) : (
        <ProblemAlert error={errors.problem} extra={errors.unplaced} />
      )}
      {action === 'Acknowledge' && (
        <Form.Item name="response" label={t('complaint.field.response')} rules={[...required('complaint.required.response'), max(8000)]}>
          <Input.TextArea rows={4} placeholder={t('complaint.placeholder.response')} />
        </Form.Item>
      )}
      {action === 'Assign' && (
        <>
          <Form.Item name="department" label={t('complaint.department')} rules={[{ required: true, message: t('complaint.required.department') }]}>
            <Select
              data-testid="assign-department"
              placeholder={t('complaint.placeholder.department')}
              options={DEPARTMENTS.map((d) => ({ value: d, label: t(`complaint.department.${d}`) }))}
            />
          </Form.Item>
          <Form.Item name="assignee" label={t('complaint.assignee')}>
            <Radio.Group
              options={[
                { value: 'me', label: t('complaint.assign.me', { name: me.displayName }) },
                ...(other ? [{ value: 'current', label: t('complaint.assign.keep', { name: other.name }) }] : []),
                ...(canPick ? [{ value: 'other', label: t('complaint.assign.other') }] : []),
              ]}
            />
          </Form.Item>
          {canPick && assignee === 'other' && (
            <Form.Item name="otherAssignee" label={t('complaint.assign.pick')} rules={[{ required: true, message: t('complaint.assign.pick') }]}>
              <Select
                showSearch
                data-testid="assign-other"
                aria-label={t('complaint.assign.pick')}
                filterOption={false}
                onSearch={setSearch}
                loading={people.isFetching}
                options={(people.data ?? []).filter((u) => u.id !== me.id).map((u) => ({
                  value: u.id,
                  label: u.department ? `${u.displayName} · ${t(`role.${u.role}`)} · ${t(`complaint.department.${u.department}`)}` : `${u.displayName} · ${t(`role.${u.role}`)}`,
                }))}
              />
            </Form.Item>
          )}
        </>
      )}
      {(action === 'AwaitCustomer' || action === 'Resume' || action === 'Close') && (
        <Form.Item
          name="note"
          label={t(`complaint.field.note.${action}`)}
          rules={action === 'AwaitCustomer' ? [...required('complaint.required.note'), max(8000)] : [max(8000)]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      )}
      {action === 'Resolve' && (
        <>
          <Form.Item name="resolution" label={t('complaint.resolution')} rules={[...required('complaint.required.resolution'), max(4000)]}>
            <Input.TextArea rows={3} placeholder={t('complaint.placeholder.resolution')} />
          </Form.Item>
          <Form.Item name="rootCause" label={t('complaint.rootCause')} rules={[{ required: true, message: t('complaint.required.rootCause') }]}>
            <Select
              data-testid="resolve-root-cause"
              placeholder={t('complaint.placeholder.rootCause')}
              options={ROOT_CAUSES.map((c) => ({ value: c, label: t(`complaint.rootCause.${c}`) }))}
            />
          </Form.Item>
          <Form.Item name="correctiveAction" label={t('complaint.correctiveAction')} rules={[...required('complaint.required.correctiveAction'), max(4000)]}>
            <Input.TextArea rows={3} placeholder={t('complaint.placeholder.correctiveAction')} />
          </Form.Item>
        </>
      )}
      {action === 'Reopen' && (
        <Form.Item name="reason" label={t('complaint.field.reason')} rules={[...required('complaint.required.reason'), max(8000)]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      )}
      <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="step-submit">
          {t(submitLabel)}
        </Button>
      </Space>
    </Form>
  );
}
