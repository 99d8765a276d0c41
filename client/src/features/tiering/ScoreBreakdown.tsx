import { Tooltip, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { formatNumber } from '../../shared/format';
import { useCriterionLabel } from './labels';
import { breakdownRows, roundScore } from './policyModel';
import type { CriterionScoreDto } from './tieringApi';
import './ScoreBreakdown.css';

/**
 * "Why this tier": per criterion, the account's normalised value (0–100, a bar), the policy's weight, and the points
 * it adds to the score (value × weight / 100). The points add up to the score.
 */
export function ScoreBreakdown({ breakdown, score }: { breakdown: readonly CriterionScoreDto[]; score: number }) {
  const { t, locale } = useI18n();
  const label = useCriterionLabel();
  const { rows } = breakdownRows(breakdown);
  const n = (v: number, digits = 1) => formatNumber(locale, roundScore(v, digits));
  return (
    <div data-testid="score-breakdown" className="ka-breakdown" role="table" aria-label={t('tiering.breakdown.title')}>
      <div role="row" className="ka-breakdown-row" style={{ fontSize: 12, color: '#595959', paddingBottom: 4, borderBottom: '1px solid #f0f0f0' }}>
        <span role="columnheader">{t('tiering.breakdown.criterion')}</span>
        <span role="columnheader">{t('tiering.breakdown.value')}</span>
        <span role="columnheader" style={{ textAlign: 'right' }}>{t('tiering.breakdown.weight')}</span>
        <span role="columnheader" style={{ textAlign: 'right' }}>{t('tiering.breakdown.points')}</span>
      </div>
      {rows.map((r) => (
        <div role="row" key={r.criterion} className="ka-breakdown-row" style={{ padding: '6px 0', borderBottom: '1px solid #fafafa', opacity: r.weight === 0 ? 0.45 : 1 }}>
          <span role="cell">{label(r.criterion)}</span>
          <Tooltip title={t('tiering.breakdown.valueHint', { value: n(r.normalised) })}>
            <span role="cell" style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
              <span style={{ flex: 1, height: 8, background: '#f0f0f0', borderRadius: 4, overflow: 'hidden' }}>
                <span style={{ display: 'block', width: `${Math.max(0, Math.min(100, r.normalised))}%`, height: '100%', background: '#1456c7' }} />
              </span>
              <span style={{ width: 36, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>{n(r.normalised, 0)}</span>
            </span>
          </Tooltip>
          <span role="cell" style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>{r.weight}%</span>
          <span role="cell" style={{ textAlign: 'right', fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>{r.contribution > 0 ? `+${n(r.contribution, 2)}` : n(r.contribution, 2)}</span>
        </div>
      ))}
      <div role="row" className="ka-breakdown-row" style={{ paddingTop: 8 }}>
        <span role="cell" style={{ gridColumn: '1 / 4' }}>
          <Typography.Text type="secondary">{t('tiering.breakdown.total')}</Typography.Text>
        </span>
        <span role="cell" style={{ textAlign: 'right', fontWeight: 700, fontSize: 16 }}>{n(score, 2)}</span>
      </div>
    </div>
  );
}
