import type { Schemas } from '../../api/client';
import type { MessageKey } from '../../i18n/messages';

export type HealthWarning = Schemas['HealthWarningDto'];
export type HealthBand = Schemas['HealthBand'];

// Dark enough for text: a band's tag writes its name in this colour on a light tint of it (4.5:1 or more).
export const bandColor: Record<HealthBand, string> = { Green: '#237804', Amber: '#ad4e00', Red: '#cf1322' };

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** A warning in the UI's language from its stable code and figures; the server's English message otherwise. */
export function warningText(t: Translate, w: HealthWarning): string {
  const f = (name: string) => Number(w.figures?.[name] ?? 0);
  switch (w.code) {
    case 'OverdueForContact':
      return t('health.warning.OverdueForContact', { days: f('daysSinceContact'), cadence: f('cadenceDays') });
    case 'NeverContacted':
      return t('health.warning.NeverContacted', { days: f('daysSinceContact'), cadence: f('cadenceDays') });
    case 'LowSatisfaction':
      return t('health.warning.LowSatisfaction', { nps: f('nps') });
    case 'ServiceProblems':
      return t('health.warning.ServiceProblems', { open: f('openComplaints'), breaches: f('slaBreaches') });
    case 'RevenueDecline':
      return t('health.warning.RevenueDecline', { percent: Math.abs(f('changePercent')) });
    default:
      return w.message;
  }
}

/** Where the top 20 % of accounts sit on the Pareto curve, for the "80/20" callout. */
export function paretoAt(points: { accountShare: number; revenueShare: number }[], accountShare: number): number {
  const eligible = points.filter((p) => p.accountShare <= accountShare);
  return eligible.at(-1)?.revenueShare ?? 0;
}
