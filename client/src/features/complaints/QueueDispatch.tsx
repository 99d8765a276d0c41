// Dispatch from the queue: a quality manager (or agent) hands a complaint to a named person without opening it. The
// complaint is read when the dialog opens (its ETag goes back as If-Match, its allowedActions say whether it may be
// assigned now); the step is the same Assign the complaint page sends.
import { useState } from 'react';
import { App as AntApp, Button, Modal, Spin, Typography } from 'antd';
import { UserSwitchOutlined } from '@ant-design/icons';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n/I18nProvider';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { ActionForm } from './ActionForm';
import { useComplaint, useComplaintStep, type ComplaintSummaryDto, type StepInput } from './complaintsApi';

function DispatchDialog({ row, onClose }: { row: ComplaintSummaryDto; onClose: () => void }) {
  const { t } = useI18n();
  const { user } = useSession();
  const { message } = AntApp.useApp();
  const complaint = useComplaint(row.id);
  const step = useComplaintStep(row.id);
  const c = complaint.data?.data;
  const send = async (s: StepInput) => {
    await step.mutateAsync({ etag: complaint.data!.etag, step: s });
    message.success(t('complaint.done.Assign', { reference: row.reference }));
    onClose();
  };
  if (complaint.isLoading) return <Spin style={{ display: 'block', margin: '24px auto' }} />;
  if (!c) return <ProblemAlert error={complaint.error} />;
  if (!c.allowedActions.includes('Assign')) {
    return <Typography.Paragraph data-testid="dispatch-not-now">{t('complaint.dispatch.notNow', { status: t(`complaint.status.${c.status}`) })}</Typography.Paragraph>;
  }
  return (
    <ActionForm
      action="Assign"
      me={user ? { id: user.id, displayName: user.displayName } : { id: '', displayName: '' }}
      currentAssignee={c.assigneeId ? { id: c.assigneeId, name: c.assigneeName ?? t('complaint.assignee.unknown') } : null}
      currentDepartment={c.department ?? null}
      onSubmit={send}
      onCancel={onClose}
    />
  );
}

/** The queue row's "Dispatch" button (complaints:write and the user picker); nothing for a stopped complaint. */
export function QueueDispatch({ row }: { row: ComplaintSummaryDto }) {
  const { t } = useI18n();
  const { can } = useSession();
  const [open, setOpen] = useState(false);
  if (row.stopped || !can('complaints:write') || !can('users:lookup')) return null;
  return (
    <>
      <Button size="small" icon={<UserSwitchOutlined />} data-testid="queue-dispatch" aria-label={`${t('complaint.dispatch')} ${row.reference}`} onClick={() => setOpen(true)}>
        {t('complaint.dispatch')}
      </Button>
      <Modal open={open} title={`${t('complaint.dispatch')} · ${row.reference}`} footer={null} destroyOnHidden onCancel={() => setOpen(false)} width={560}>
        {open && <DispatchDialog row={row} onClose={() => setOpen(false)} />}
      </Modal>
    </>
  );
}
