// The initiatives and milestones on a timeline (frappe-gantt: MIT, maintained by Frappe, no dependencies), read-only:
// dates change in the editor, statuses in the initiatives table. Loaded with the plan page only.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Segmented } from 'antd';
import Gantt from 'frappe-gantt';
import './initiativesTimeline.css';
import type { PlanDto } from './plansApi';
import { timelineTasks } from './timeline';
import { useT } from '../../i18n/I18nProvider';

type Mode = 'Week' | 'Month' | 'Year';

export default function InitiativesTimeline({ plan, locale, labels }: { plan: Pick<PlanDto, 'startDate' | 'initiatives' | 'milestones'>; locale: string; labels: Record<Mode, string> }) {
  const ref = useRef<HTMLDivElement>(null);
  const timelineLabel = useT()('plan.timeline');
  const [mode, setMode] = useState<Mode>('Month');
  const tasks = useMemo(() => timelineTasks(plan), [plan]);
  const titles = useMemo(() => new Map<string, string>([...plan.initiatives.map((i) => [`i-${i.id}`, i.title] as const), ...plan.milestones.map((m, index) => [`m-${index}`, m.title] as const)]), [plan]);
  useEffect(() => {
    const host = ref.current;
    if (!host || tasks.length === 0) return undefined;
    host.replaceChildren();
    new Gantt(host, tasks, {
      view_mode: mode,
      language: locale,
      readonly: true,
      bar_height: 22,
      padding: 14,
      today_button: false,
      infinite_padding: false,
      scroll_to: plan.startDate,
      popup_on: 'click',
      // The popup as text (its default writes HTML).
      popup: (ctx) => {
        ctx.get_title().textContent = titles.get(ctx.task.id) ?? '';
        ctx.get_subtitle().textContent = ctx.task.start === ctx.task.end ? ctx.task.end : `${ctx.task.start} – ${ctx.task.end}`;
        ctx.get_details().textContent = '';
      },
    });
    // Its scrolling box, reachable by the keyboard (the arrow keys scroll it) and named.
    const scroller = host.querySelector('.gantt-container');
    scroller?.setAttribute('tabindex', '0');
    scroller?.setAttribute('role', 'region');
    scroller?.setAttribute('aria-label', timelineLabel);
    return () => host.replaceChildren();
  }, [tasks, titles, mode, locale, plan.startDate, timelineLabel]);
  return (
    <div className="plan-timeline" data-testid="plan-timeline">
      <Segmented<Mode> size="small" value={mode} onChange={setMode} options={(['Week', 'Month', 'Year'] as const).map((m) => ({ value: m, label: labels[m] }))} style={{ marginBottom: 8 }} />
      <div ref={ref} style={{ overflowX: 'auto' }} />
    </div>
  );
}

