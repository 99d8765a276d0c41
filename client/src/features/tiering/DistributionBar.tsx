import { Tooltip } from 'antd';
import type { Tier } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { formatNumber } from '../../shared/format';
import { TIERS, TIER_HEX } from '../../shared/tiers';

/** Accounts per tier as one stacked bar, Strategic first. */
export function DistributionBar({ counts, height = 14, label }: { counts: Record<Tier, number>; height?: number; label?: string }) {
  const { t, locale } = useI18n();
  const total = TIERS.reduce((s, tier) => s + counts[tier], 0);
  return (
    <div role="img" aria-label={label ?? TIERS.map((tier) => `${t(`tier.${tier}`)} ${counts[tier]}`).join(', ')} style={{ display: 'flex', height, borderRadius: 3, overflow: 'hidden', background: '#f0f0f0', minWidth: 120 }}>
      {total > 0 &&
        TIERS.map((tier) =>
          counts[tier] > 0 ? (
            <Tooltip key={tier} title={`${t(`tier.${tier}`)}: ${formatNumber(locale, counts[tier])} (${Math.round((counts[tier] / total) * 100)}%)`}>
              <div style={{ width: `${(counts[tier] / total) * 100}%`, background: TIER_HEX[tier] }} />
            </Tooltip>
          ) : null,
        )}
    </div>
  );
}
