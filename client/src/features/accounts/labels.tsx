import { Tag } from 'antd';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';

export const TIERS = ['Strategic', 'Key', 'Growth', 'Standard'] as const;
export const STATUSES = ['Prospect', 'Active', 'Dormant', 'Lost'] as const;
const tierColor: Record<string, string> = { Strategic: 'magenta', Key: 'gold', Growth: 'green', Standard: 'default' };
const statusColor: Record<string, string> = { Prospect: 'blue', Active: 'green', Dormant: 'orange', Lost: 'red' };
const attitudeColor: Record<string, string> = { Mentor: 'green', Supporter: 'lime', Neutral: 'default', NonSupporter: 'orange', Opponent: 'red' };

export function TierTag({ tier }: { tier: string }) {
  const t = useT();
  return <Tag color={tierColor[tier]}>{t(`tier.${tier}` as MessageKey)}</Tag>;
}

export function StatusTag({ status }: { status: string }) {
  const t = useT();
  return <Tag color={statusColor[status]}>{t(`status.${status}` as MessageKey)}</Tag>;
}

export function AttitudeTag({ attitude }: { attitude: string }) {
  const t = useT();
  return <Tag color={attitudeColor[attitude]}>{t(`attitude.${attitude}` as MessageKey)}</Tag>;
}
