import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { Schemas } from '../../api/client';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

/** Root-cause Pareto: complaints per root cause (bars) and the cumulative share (line). */
export default function RootCauseChart({ causes, label, labels }: { causes: Schemas['RootCauseShareDto'][]; label: (cause: Schemas['RootCause']) => string; labels: { complaints: string; cumulative: string } }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return undefined;
    const chart = echarts.init(ref.current);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 48, right: 48, top: 16, bottom: 56 },
      xAxis: { type: 'category', data: causes.map((c) => label(c.rootCause)), axisLabel: { interval: 0, rotate: causes.length > 5 ? 30 : 0 } },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      ],
      series: [
        { name: labels.complaints, type: 'bar', data: causes.map((c) => c.complaints), itemStyle: { color: '#1456c7' } },
        { name: labels.cumulative, type: 'line', yAxisIndex: 1, data: causes.map((c) => c.cumulativeShare), itemStyle: { color: '#d48806' } },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [causes, label, labels.complaints, labels.cumulative]);
  return <div ref={ref} style={{ height: 300 }} data-testid="root-cause-chart" />;
}
