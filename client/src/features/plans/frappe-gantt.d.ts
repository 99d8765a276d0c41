// The part of frappe-gantt (MIT, no types of its own) that the initiatives timeline uses.
declare module 'frappe-gantt' {
  export interface GanttTask {
    id: string;
    name: string;
    start: string;
    end: string;
    progress?: number;
    custom_class?: string;
  }
  export interface GanttPopupContext {
    task: GanttTask;
    get_title(): HTMLElement;
    get_subtitle(): HTMLElement;
    get_details(): HTMLElement;
  }
  export interface GanttOptions {
    view_mode?: 'Day' | 'Week' | 'Month' | 'Year';
    language?: string;
    readonly?: boolean;
    bar_height?: number;
    padding?: number;
    today_button?: boolean;
    view_mode_select?: boolean;
    scroll_to?: string | null;
    infinite_padding?: boolean;
    popup_on?: 'click' | 'hover';
    popup?: (ctx: GanttPopupContext) => void | false | string;
    on_click?: (task: GanttTask) => void;
  }
  export default class Gantt {
    constructor(wrapper: HTMLElement | string, tasks: GanttTask[], options?: GanttOptions);
    change_view_mode(mode?: GanttOptions['view_mode'], maintainPosition?: boolean): void;
    refresh(tasks: GanttTask[]): void;
  }
}
