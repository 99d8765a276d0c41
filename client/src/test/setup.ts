import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { loadMessages } from '../i18n/messages';

afterEach(() => cleanup());
// Both languages' messages, loaded as main.tsx loads the user's before the first render: components render at once.
await Promise.all([loadMessages('en'), loadMessages('zh-CN')]);
// What a submit shows comes after antd's validation, which is slow in jsdom on a busy 2-core machine: every findBy
// and waitFor waits up to 10 s (they return as soon as they succeed).
configure({ asyncUtilTimeout: 10_000 });
// jsdom lacks these browser APIs that antd uses.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
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
(window as unknown as { getComputedStyle: unknown }).getComputedStyle = ((orig) => (el: Element) => orig(el))(window.getComputedStyle.bind(window));
