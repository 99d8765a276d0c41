import { Tag } from 'antd';
import type { AccountStatus, ContactDto } from '../../api/client';
import { useT } from '../../i18n/I18nProvider';

export const STATUSES: readonly AccountStatus[] = ['Prospect', 'Active', 'Dormant', 'Lost'];
const statusColor: Record<AccountStatus, string> = { Prospect: 'blue', Active: 'green', Dormant: 'orange', Lost: 'red' };
const attitudeColor: Record<ContactDto['attitude'], string> = { Mentor: 'green', Supporter: 'lime', Neutral: 'default', NonSupporter: 'orange', Opponent: 'red' };

export function StatusTag({ status }: { status: AccountStatus }) {
  const t = useT();
  return <Tag color={statusColor[status]}>{t(`status.${status}`)}</Tag>;
}

export function AttitudeTag({ attitude }: { attitude: ContactDto['attitude'] }) {
  const t = useT();
  return <Tag color={attitudeColor[attitude]}>{t(`attitude.${attitude}`)}</Tag>;
}
