// Which workflow buttons a complaint shows: only the next steps its status allows (the server's allowedActions).
import type { MessageKey } from '../../i18n/messages';
import type { ComplaintAction, ComplaintStatus } from './complaintsApi';

/** The steps in the order of the workflow (ISO 10002: acknowledge, assess, investigate, respond, close). */
export const ACTION_ORDER: readonly ComplaintAction[] = ['Acknowledge', 'Assign', 'AwaitCustomer', 'Resume', 'Resolve', 'Close', 'Reopen'];

/** The step that moves the complaint forward, when allowed, is the primary button. Reopen never is. */
const PRIMARY_ORDER: readonly ComplaintAction[] = ['Acknowledge', 'Resolve', 'Assign', 'Resume', 'Close'];

export interface ActionButton {
  action: ComplaintAction;
  label: MessageKey;
  primary: boolean;
  testId: string;
}

const testIds: Record<ComplaintAction, string> = {
  Acknowledge: 'action-acknowledge',
  Assign: 'action-assign',
  AwaitCustomer: 'action-await-customer',
  Resume: 'action-resume',
  Resolve: 'action-resolve',
  Close: 'action-close',
  Reopen: 'action-reopen',
};

/** The buttons for the allowed actions, in workflow order; Assign reads "Reassign" once the complaint is in progress. */
export function actionButtons(allowed: readonly ComplaintAction[], status: ComplaintStatus): ActionButton[] {
  const primary = PRIMARY_ORDER.find((a) => allowed.includes(a));
  return ACTION_ORDER.filter((a) => allowed.includes(a)).map((action): ActionButton => ({
    action,
    label: action === 'Assign' && status === 'InProgress' ? 'complaint.action.Reassign' : `complaint.action.${action}`,
    primary: action === primary,
    testId: testIds[action],
  }));
}
