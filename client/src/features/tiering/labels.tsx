import { Tag } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, LockOutlined, MinusOutlined, StarOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/I18nProvider';
import type { Criterion, TierHistoryEntryDto, TierPolicyDto } from './tieringApi';

type PolicyStatus = TierPolicyDto['status'];
type Reason = TierHistoryEntryDto['reason'];

const statusColor: Record<PolicyStatus, string> = { Draft: 'blue', Published: 'green', Retired: 'default' };
const reasonColor: Record<Reason, string> = { Initial: 'blue', Promoted: 'green', Demoted: 'orange', Unchanged: 'default', Override: 'purple' };
const reasonIcon: Record<Reason, React.ReactNode> = {
  Initial: <StarOutlined />,
  Promoted: <ArrowUpOutlined />,
  Demoted: <ArrowDownOutlined />,
  Unchanged: <MinusOutlined />,
  Override: <LockOutlined />,
};

export function PolicyStatusTag({ status }: { status: PolicyStatus }) {
  const t = useT();
  return <Tag color={statusColor[status]}>{t(`policyStatus.${status}`)}</Tag>;
}

export function ReasonTag({ reason }: { reason: Reason }) {
  const t = useT();
  return (
    <Tag color={reasonColor[reason]} icon={reasonIcon[reason]}>
      {t(`tierReason.${reason}`)}
    </Tag>
  );
}

export function useCriterionLabel() {
  const t = useT();
  return (criterion: Criterion) => t(`criterion.${criterion}`);
}
