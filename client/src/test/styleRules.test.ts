import { describe, expect, it } from 'vitest';
import { mayMatch } from './styleRules';

const element = (className: string) => {
  const el = document.createElement('button');
  el.className = className;
  return el;
};

describe('styleRules: which rules may match an element', () => {
  it('skips a rule whose subject names a class the element lacks, in any alternative of the list', () => {
    expect(mayMatch(':where(.css-x).ant-btn-primary:not(:disabled)', element('ant-btn ant-btn-default'))).toBe(false);
    expect(mayMatch('.ant-modal .ant-btn, .ant-popover > .ant-btn-link', element('ant-btn-primary'))).toBe(false);
    expect(mayMatch('.ant-card .ant-btn-primary', element('ant-btn ant-btn-primary'))).toBe(true);
    expect(mayMatch('.a .b, .c', element('c'))).toBe(true);
  });

  it('leaves to the selector engine what it cannot tell: no class, classes only inside brackets or parentheses, escapes, non-ASCII names', () => {
    const plain = element('');
    for (const selector of ['button', '*', ':not(.ant-btn)', '[class~="x"]', 'a:where(.css-x)', '.\\31 0', '.名字', '.ant-btn, button', '.a >']) {
      expect(mayMatch(selector, plain), selector).toBe(true);
    }
  });

  it('takes the subject after the last combinator, whatever the spacing', () => {
    expect(mayMatch('.x>.y', element('x'))).toBe(false);
    expect(mayMatch('.x~.y', element('y'))).toBe(true);
    expect(mayMatch('.x + .y::before', element('y'))).toBe(true);
    expect(mayMatch('.x [data-a="b .c"]', element('x'))).toBe(true);
  });

  it('sees a class change of the element', () => {
    const el = element('ant-btn');
    expect(mayMatch('.ant-btn-primary', el)).toBe(false);
    el.classList.add('ant-btn-primary');
    expect(mayMatch('.ant-btn-primary', el)).toBe(true);
  });
});
