// The plan-vs-actual chart's option, from the server's figures only: each objective's progress (actual against its
// measure) beside the progress expected by now (linear from the plan's start to the objective's due date), and in the
// tooltip its actual, target and the approved baseline's target. Nothing is computed here but the drawing.
import type { PlanObjectiveDto } from './plansApi';
import { formatMeasure } from './labels';
import { measureNumber } from './model';

export interface ChartLabels {
  actual: string;
  expected: string;
  target: string;
  baselineTarget: string;
  actualValue: string;
  targetChanged: string;
}

/** Whether the target now differs from the approved baseline's (null: no baseline yet). */
export const targetChanged = (o: Pick<PlanObjectiveDto, 'target' | 'baselineTarget'>) =>
  o.baselineTarget !== null && o.baselineTarget !== undefined && measureNumber(o.baselineTarget) !== measureNumber(o.target);

export function planVsActualOption(objectives: readonly PlanObjectiveDto[], labels: ChartLabels, locale: string) {
  // Top to bottom in the plan's order: a category axis on y lists from the bottom, hence reversed.
  const rows = [...objectives].reverse();
  const tooltip = (index: number) => {
    const o = rows[index]!;
    const lines = [
      `<b>${escapeHtml(o.title)}</b>`,
      `${escapeHtml(labels.actual)}: ${o.progress ?? '—'}${o.progress !== null ? '%' : ''}`,
      `${escapeHtml(labels.expected)}: ${o.expectedProgress ?? '—'}${o.expectedProgress !== null ? '%' : ''}`,
      `${escapeHtml(labels.actualValue)}: ${formatMeasure(locale, o.actual, o.unit, o.currency)}`,
      `${escapeHtml(labels.target)}: ${formatMeasure(locale, o.target, o.unit, o.currency)}`,
    ];
    if (o.baselineTarget !== null) lines.push(`${escapeHtml(labels.baselineTarget)}: ${formatMeasure(locale, o.baselineTarget, o.unit, o.currency)}`);
    if (targetChanged(o)) lines.push(`<i>${escapeHtml(labels.targetChanged)}</i>`);
    return lines.join('<br/>');
  };
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: (params: { dataIndex: number }[]) => tooltip(params[0]?.dataIndex ?? 0) },
    legend: { data: [labels.actual, labels.expected], top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: {
      type: 'category',
      data: rows.map((o) => (targetChanged(o) ? `${truncate(o.title)} *` : truncate(o.title))),
    },
    series: [
      { name: labels.actual, type: 'bar', data: rows.map((o) => o.progress ?? 0), itemStyle: { color: '#1456c7' }, barGap: '10%' },
      { name: labels.expected, type: 'bar', data: rows.map((o) => o.expectedProgress ?? 0), itemStyle: { color: '#d9d9d9' } },
    ],
  };
}

const truncate = (s: string) => (s.length > 24 ? `${s.slice(0, 23)}…` : s);

/** ECharts writes a tooltip formatter's answer as HTML: people's text is escaped. */
export function escapeHtml(s: string) {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
