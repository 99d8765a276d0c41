import { Tag } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, LockOutlined, MinusOutlined, StarOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';

const statusColor: Record<string, string> = { Draft: 'blue', Published: 'green', Retired: 'default' };
const reasonColor: Record<string, string> = { Initial: 'blue', Promoted: 'green', Demoted: 'orange', Unchanged: 'default', Override: 'purple' };
const reasonIcon: Record<string, React.ReactNode> = {
  Initial: <StarOutlined />,
  Promoted: <ArrowUpOutlined />,
  Demoted: <ArrowDownOutlined />,
  Unchanged: <MinusOutlined />,
  Override: <LockOutlined />,
};

export function PolicyStatusTag({ status }: { status: string }) {
  const t = useT();
  return <Tag color={statusColor[status]}>{t(`policyStatus.${status}` as MessageKey)}</Tag>;
}

export function ReasonTag({ reason }: { reason: string }) {
  const t = useT();
  return (
    <Tag color={reasonColor[reason]} icon={reasonIcon[reason]}>
      {t(`tierReason.${reason}` as MessageKey)}
    </Tag>
  );
}

export function useCriterionLabel() {
  const t = useT();
  return (criterion: string) => t(`criterion.${criterion}` as MessageKey);
}
