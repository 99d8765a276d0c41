// How component tests act like a user on antd's widgets, written once.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/** antd's forms, tables and the policy editor re-render slowly in jsdom on a busy 2-core machine: the timeout of a test that types. */
export const SLOW = 60_000;

/**
 * A user without typing delays. antd's overlays (select dropdowns, popconfirms) animate with pointer-events: none, so
 * the pointer-events check is off: a click lands as it would once the animation ends.
 */
export const setupUser = () => userEvent.setup({ delay: null, pointerEventsCheck: 0 });
export type TestUser = ReturnType<typeof setupUser>;

/**
 * Opens the select labelled `label` and picks `option`: the option whose text is `option`, or else the first that
 * starts with it (an option may show more than its name, e.g. an account's tier and registration number).
 */
export async function chooseOption(user: TestUser, label: string, option: string) {
  // The select may appear a render later (a choice that reveals it): wait for it.
  await user.click(await screen.findByLabelText(label, undefined, { timeout: 5000 }));
  const item = await waitFor(() => {
    const options = [...document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')];
    const found = options.find((o) => o.textContent === option) ?? options.find((o) => o.textContent?.startsWith(option));
    if (!found) throw new Error(`no option ${option}`);
    return found;
  });
  // antd selects the option on mouse down/click of its inner element; a plain click is enough and avoids the animation.
  fireEvent.click(item);
}

/** Empties the input labelled `label` and types `value` (nothing for an empty value). */
export async function retype(user: TestUser, label: string, value: string) {
  const input = screen.getByLabelText(label);
  await user.clear(input);
  if (value) await user.type(input, value);
}

/** Clicks the primary button of the open popconfirm (its "OK", whatever its label). */
export async function confirmPopconfirm(user: TestUser) {
  const ok = await waitFor(() => {
    const button = document.querySelector<HTMLButtonElement>('.ant-popconfirm:not(.ant-popover-hidden) .ant-popconfirm-buttons .ant-btn-primary');
    if (!button) throw new Error('no confirmation yet');
    return button;
  });
  await user.click(ok);
}
