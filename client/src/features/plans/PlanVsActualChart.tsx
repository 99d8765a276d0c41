import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { PlanObjectiveDto } from './plansApi';
import { planVsActualOption, type ChartLabels } from './planChart';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

/** Plan vs actual per objective (loaded with the plan page only: charts stay out of the login bundle). */
export default function PlanVsActualChart({ objectives, labels, locale }: { objectives: PlanObjectiveDto[]; labels: ChartLabels; locale: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return undefined;
    const chart = echarts.init(ref.current);
    chart.setOption(planVsActualOption(objectives, labels, locale));
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [objectives, labels, locale]);
  return <div ref={ref} style={{ height: Math.max(160, 60 + objectives.length * 48) }} data-testid="plan-vs-actual-chart" />;
}
