import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { Schemas } from '../../api/client';

echarts.use([LineChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

/** Cumulative revenue share (y) by share of accounts ranked by revenue (x), with the 20 % line. */
/** A click on the curve opens `onOpen` (the accounts it ranks). */
export default function ParetoChart({ points, labels, onOpen }: { points: Schemas['ParetoPointDto'][]; labels: { accounts: string; revenue: string }; onOpen?: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return undefined;
    const chart = echarts.init(ref.current);
    chart.setOption({
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
      grid: { left: 56, right: 24, top: 16, bottom: 48 },
      xAxis: { type: 'value', min: 0, max: 100, name: labels.accounts, nameLocation: 'middle', nameGap: 30, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'value', min: 0, max: 100, name: labels.revenue, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'line',
          name: labels.revenue,
          showSymbol: false,
          areaStyle: { opacity: 0.12 },
          data: [[0, 0], ...points.map((p) => [Number(p.accountShare), Number(p.revenueShare)])],
          itemStyle: { color: '#1456c7' },
          markLine: { symbol: 'none', lineStyle: { type: 'dashed', color: '#d48806' }, data: [{ xAxis: 20 }] },
        },
      ],
    });
    if (onOpen) chart.on('click', () => onOpen());
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [points, labels.accounts, labels.revenue, onOpen]);
  return <div ref={ref} style={{ height: 300 }} data-testid="pareto-chart" />;
}
