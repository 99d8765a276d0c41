import { useEffect } from 'react';

const SCROLLERS = '.ant-table-content, .ant-table-container, .ant-table-body, .ka-scroll';

/**
 * A table wider than its box scrolls inside it (shell.css; `.ka-scroll` for a table of a page's own): the keyboard must reach that box to scroll it (WCAG 2.1.1;
 * axe's scrollable-region-focusable). Watches the element with id `rootId` and puts every table scroller that
 * overflows in the Tab order, and takes it out again once it fits.
 */
export function useScrollableRegions(rootId: string) {
  useEffect(() => {
    const root = document.getElementById(rootId);
    if (!root) return undefined;
    let frame = 0;
    const mark = () => {
      frame = 0;
      root.querySelectorAll<HTMLElement>(SCROLLERS).forEach((el) => {
        const scrolls = el.scrollWidth > el.clientWidth + 1;
        if (scrolls && !el.hasAttribute('tabindex')) {
          el.tabIndex = 0;
          el.dataset.kaScroller = '';
        } else if (!scrolls && 'kaScroller' in el.dataset) {
          el.removeAttribute('tabindex');
          delete el.dataset.kaScroller;
        }
      });
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(mark);
    };
    const observer = new MutationObserver(schedule);
    observer.observe(root, { childList: true, subtree: true });
    window.addEventListener('resize', schedule);
    schedule();
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [rootId]);
}
