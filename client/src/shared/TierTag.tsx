// A tier is drawn the same way everywhere: its name in the UI's language in the tier's colour (src/shared/tiers.ts) —
// a tag in lists and headers, a large badge at the head of the account's tier panel.
import { Tag } from 'antd';
import type { Tier } from '../api/client';
import { useT } from '../i18n/I18nProvider';
import { TIER_HEX, TIER_TAG_COLOR } from './tiers';

export function TierTag({ tier, size = 'default' }: { tier: Tier; size?: 'default' | 'large' }) {
  const t = useT();
  const name = t(`tier.${tier}`);
  if (size === 'large') {
    return (
      <span data-testid="tier-badge" style={{ display: 'inline-block', padding: '4px 14px', borderRadius: 16, background: TIER_HEX[tier], color: '#fff', fontWeight: 600, fontSize: 16 }}>
        {name}
      </span>
    );
  }
  return <Tag color={TIER_TAG_COLOR[tier]}>{name}</Tag>;
}
