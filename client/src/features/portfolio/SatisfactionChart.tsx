import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { Schemas } from '../../api/client';

echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

/** NPS (−100…100) and CSAT (%) per month; a click on a point opens `onOpen` (the survey results). */
export default function SatisfactionChart({
  months,
  labels,
  monthLabel,
  onOpen,
}: {
  months: Schemas['SatisfactionMonthDto'][];
  labels: { nps: string; csat: string };
  monthLabel: (month: string) => string;
  onOpen: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return undefined;
    const chart = echarts.init(ref.current);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 48, right: 24, top: 16, bottom: 56 },
      xAxis: { type: 'category', data: months.map((m) => monthLabel(m.month)) },
      yAxis: { type: 'value', min: -100, max: 100 },
      series: [
        { type: 'line', name: labels.nps, connectNulls: true, data: months.map((m) => m.nps ?? null), itemStyle: { color: '#1456c7' }, cursor: 'pointer' },
        { type: 'line', name: labels.csat, connectNulls: true, data: months.map((m) => m.csat ?? null), itemStyle: { color: '#237804' }, cursor: 'pointer' },
      ],
    });
    chart.on('click', () => onOpen());
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [months, labels.nps, labels.csat, monthLabel, onOpen]);
  return <div ref={ref} style={{ height: 260, cursor: 'pointer' }} data-testid="satisfaction-chart" />;
}
