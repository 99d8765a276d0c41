import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { Schemas } from '../../api/client';
import { formatMoney, formatMonth } from '../../shared/format';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

/** Monthly revenue as bars; loaded only on the account page (charts stay out of the login bundle). */
export default function RevenueChart({ months, locale, labels }: { months: Schemas['RevenueMonthDto'][]; locale: string; labels: { revenue: string } }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return undefined;
    const chart = echarts.init(ref.current);
    chart.setOption({
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatMoney(locale, v, months[0]?.currency ?? 'CNY') },
      grid: { left: 80, right: 16, top: 16, bottom: 32 },
      xAxis: { type: 'category', data: months.map((m) => formatMonth(locale, m.month)) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => new Intl.NumberFormat(locale, { notation: 'compact' }).format(v) } },
      series: [{ name: labels.revenue, type: 'bar', data: months.map((m) => Number(m.revenue)), itemStyle: { color: '#1456c7' } }],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [months, locale, labels.revenue]);
  return <div ref={ref} style={{ height: 280 }} data-testid="revenue-chart" />;
}
