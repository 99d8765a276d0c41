import { Tag } from 'antd';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';

export const STATUSES = ['Prospect', 'Active', 'Dormant', 'Lost'] as const;
const statusColor: Record<string, string> = { Prospect: 'blue', Active: 'green', Dormant: 'orange', Lost: 'red' };
const attitudeColor: Record<string, string> = { Mentor: 'green', Supporter: 'lime', Neutral: 'default', NonSupporter: 'orange', Opponent: 'red' };

export function StatusTag({ status }: { status: string }) {
  const t = useT();
  return <Tag color={statusColor[status]}>{t(`status.${status}` as MessageKey)}</Tag>;
}

export function AttitudeTag({ attitude }: { attitude: string }) {
  const t = useT();
  return <Tag color={attitudeColor[attitude]}>{t(`attitude.${attitude}` as MessageKey)}</Tag>;
}
