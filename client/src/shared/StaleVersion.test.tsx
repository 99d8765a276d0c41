import { describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import { ApiProblem } from './problem';
import { StaleVersionAlert, useStaleVersion, type StaleVersion } from './StaleVersion';
import { renderWithProviders, setupUser } from '../test';

const stale412 = ApiProblem.from(412, { code: 'stale-version', status: 412 });

/** A page with a record that `read` reads again; `state` is the hook's latest state. */
function page(read: () => Promise<unknown>, atOnce: boolean) {
  const seen: { state?: StaleVersion } = {};
  function Page() {
    const state = useStaleVersion(read, { atOnce });
    seen.state = state;
    return (
      <>
        <StaleVersionAlert state={state} title="Someone else changed this" testId="stale" />
        <div data-testid="version">{state.version}</div>
      </>
    );
  }
  renderWithProviders(<Page />);
  return seen;
}

describe('the stale-version alert', () => {
  it('shows nothing until a change is refused with 412, and does not take other errors', () => {
    const seen = page(vi.fn(), false);
    expect(screen.queryByTestId('stale')).toBeNull();
    act(() => expect(seen.state!.caught(ApiProblem.from(409, { code: 'conflict' }))).toBe(false));
    act(() => expect(seen.state!.caught(new TypeError('Failed to fetch'))).toBe(false));
    expect(screen.queryByTestId('stale')).toBeNull();
  });

  it('waits for the user to reload when a reload would throw away their edits; the form starts again from the new version', async () => {
    const user = setupUser();
    const read = vi.fn().mockResolvedValue(undefined);
    const seen = page(read, false);
    act(() => expect(seen.state!.caught(stale412)).toBe(true));
    expect(screen.getByTestId('stale')).toHaveTextContent('Someone else changed this');
    expect(read).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(screen.queryByTestId('stale')).toBeNull());
    expect(read).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('version')).toHaveTextContent('1');
  });

  it('reads the record again at once when nothing typed is lost, and can be closed', async () => {
    const user = setupUser();
    const read = vi.fn().mockResolvedValue(undefined);
    const seen = page(read, true);
    act(() => expect(seen.state!.caught(stale412)).toBe(true));
    expect(read).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: 'Reload' })).toBeNull();
    await user.click(screen.getByRole('button', { name: /close/i }));
    await waitFor(() => expect(screen.queryByTestId('stale')).toBeNull());
  });
});
