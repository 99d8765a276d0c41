// The initiatives and milestones as timeline bars. An initiative has a due date but no start of its own: its bar runs
// from the plan's start to its due date. A milestone is a one-day bar on its due date. Colours come from the server's
// status and overdue flag (never from comparing dates here). Titles are people's text and frappe-gantt writes a bar's
// label as HTML: they are escaped.
import type { GanttTask } from 'frappe-gantt';
import type { PlanDto } from './plansApi';
import { escapeHtml } from './planChart';

export function timelineTasks(plan: Pick<PlanDto, 'startDate' | 'initiatives' | 'milestones'>): GanttTask[] {
  const initiatives = [...plan.initiatives]
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
    .map(
      (i): GanttTask => ({
        id: `i-${i.id}`,
        name: escapeHtml(i.title),
        start: i.dueDate < plan.startDate ? i.dueDate : plan.startDate,
        end: i.dueDate,
        progress: 0,
        custom_class: i.overdue ? 'ka-overdue' : `ka-${i.status}`,
      }),
    );
  const milestones = plan.milestones.map(
    (m, index): GanttTask => ({
      id: `m-${index}`,
      name: `◆ ${escapeHtml(m.title)}`,
      start: m.dueDate,
      end: m.dueDate,
      progress: 0,
      custom_class: m.reachedOn ? 'ka-milestone-reached' : 'ka-milestone',
    }),
  );
  return [...initiatives, ...milestones];
}
