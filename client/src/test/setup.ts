import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach } from 'vitest';
import { loadMessages } from '../i18n/messages';
import { filterStyleRuleMatching, verifiedMatches } from './styleRules';

afterEach(() => cleanup());
// Both languages' messages, loaded as main.tsx loads the user's before the first render: components render at once.
await Promise.all([loadMessages('en'), loadMessages('zh-CN')]);
// What a submit shows comes after antd's validation, which is slow in jsdom on a busy 2-core machine: every findBy
// and waitFor waits up to 10 s (they return as soon as they succeed).
configure({ asyncUtilTimeout: 10_000 });
// jsdom lacks these browser APIs that antd uses.
// Width queries are answered for the window's width (jsdom's 1024 px: antd's `lg`, the desktop layout; a test of the
// phone layout sets window.innerWidth first); any other query does not match.
function mediaMatches(query: string, width = window.innerWidth) {
  const min = /min-width:\s*(\d+(?:\.\d+)?)px/.exec(query);
  const max = /max-width:\s*(\d+(?:\.\d+)?)px/.exec(query);
  if (!min && !max) return false;
  return (!min || width >= Number(min[1])) && (!max || width <= Number(max[1]));
}
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: mediaMatches(query),
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverStub;
// Computed styles of pseudo-elements (dom-accessibility-api asks for ::before and ::after) are those of the element:
// jsdom would log that it does not implement them.
(window as unknown as { getComputedStyle: unknown }).getComputedStyle = ((orig) => (el: Element) => orig(el))(window.getComputedStyle.bind(window));
// Computed styles without matching the rules that cannot match (styleRules.ts); VERIFY_STYLE_RULES=1 checks that.
filterStyleRuleMatching(document, process.env.VERIFY_STYLE_RULES === '1');
if (process.env.VERIFY_STYLE_RULES === '1') afterAll(() => console.info(`styleRules: ${verifiedMatches()} rule matches verified`));
