import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { ApiProblem } from '../../shared/problem';
import { SLOW, renderWithProviders, retype, setupUser } from '../../test';
import { PolicyEditor, type PolicyEditorProps } from './PolicyEditor';
import { ScoreBreakdown } from './ScoreBreakdown';
import { policyFixture, simulationFixture } from './fixtures';

function renderEditor(props: Partial<PolicyEditorProps> = {}, locale: 'en' | 'zh-CN' = 'en') {
  const onSave = vi.fn().mockResolvedValue(undefined);
  const onSimulate = vi.fn().mockResolvedValue(simulationFixture());
  const onPublish = vi.fn().mockResolvedValue(undefined);
  renderWithProviders(<PolicyEditor policy={policyFixture()} readOnly={false} onSave={onSave} onSimulate={onSimulate} onPublish={onPublish} {...props} />, { locale });
  return { onSave, onSimulate, onPublish };
}

// getByRole's visibility checks are slow over antd's styles in jsdom: the action buttons have test ids.
const simulate = () => screen.getByTestId('simulate');
const save = () => screen.getByTestId('save-policy');
const publish = () => screen.getByTestId('publish-policy');

describe('PolicyEditor: weights', () => {
  it('shows the live sum as it is typed and blocks Save, Simulate and Publish until it is 100', async () => {
    const user = setupUser();
    const { onSave } = renderEditor();
    const sum = screen.getByTestId('weight-sum');
    expect(sum).toHaveTextContent('Sum: 100 / 100');
    expect(save()).toHaveTextContent('Save draft');
    expect(simulate()).toBeEnabled();
    expect(publish()).toBeEnabled();

    await retype(user, 'Strategic fit', '');
    expect(sum).toHaveTextContent('Sum: 85 / 100');
    await user.type(screen.getByLabelText('Strategic fit'), '1');
    expect(sum).toHaveTextContent('Sum: 86 / 100');
    await user.type(screen.getByLabelText('Strategic fit'), '0');
    expect(sum).toHaveTextContent('Sum: 95 / 100');
    expect(sum).toHaveStyle({ color: 'rgb(207, 19, 34)' });
    expect(screen.getByText('5 missing')).toBeInTheDocument();
    expect(save()).toBeDisabled();
    expect(simulate()).toBeDisabled();
    expect(publish()).toBeDisabled();

    await retype(user, 'Strategic fit', '25');
    expect(sum).toHaveTextContent('Sum: 110 / 100');
    expect(screen.getByText('10 too many')).toBeInTheDocument();
    expect(save()).toBeDisabled();

    await retype(user, 'Revenue (last 12 months)', '20');
    expect(sum).toHaveTextContent('Sum: 100 / 100');
    expect(sum).toHaveStyle({ color: 'rgb(35, 120, 4)' });
    expect(save()).toBeEnabled();
    // Unsaved changes: publishing needs a save first.
    expect(publish()).toBeDisabled();

    await user.click(save());
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    const sent = onSave.mock.calls[0]![0];
    expect(sent.criteria).toContainEqual({ criterion: 'StrategicFit', weight: 25 });
    expect(sent.criteria).toContainEqual({ criterion: 'TrailingRevenue', weight: 20 });
  }, SLOW);

  it('shows the sum in Chinese too', () => {
    renderEditor({}, 'zh-CN');
    expect(screen.getByTestId('weight-sum')).toHaveTextContent('合计：100 / 100');
  });
});

describe('PolicyEditor: cut-offs', () => {
  it('shows an inline error on the cut-off that is out of order, and blocks saving', async () => {
    const user = setupUser();
    renderEditor();
    await retype(user, 'Key from', '85');
    const key = screen.getByTestId('field-cutoff-key');
    await waitFor(() => expect(key).toHaveTextContent('Must be below Strategic (80)'));
    expect(save()).toBeDisabled();
    expect(simulate()).toBeDisabled();

    await retype(user, 'Growth from', '90');
    const growth = screen.getByTestId('field-cutoff-growth');
    await waitFor(() => expect(growth).toHaveTextContent('Must be below Key (85)'));

    await retype(user, 'Key from', '70');
    await retype(user, 'Growth from', '50');
    await waitFor(() => expect(key).not.toHaveTextContent('Must be below'));
    expect(growth).not.toHaveTextContent('Must be below');
    expect(save()).toBeEnabled();
  }, SLOW);
});

describe('PolicyEditor: the API', () => {
  it('places the API’s field errors next to the section they name', async () => {
    const user = setupUser();
    const onSave = vi.fn().mockRejectedValue(
      ApiProblem.from(409, {
        code: 'programme-incomplete',
        title: 'Business rule violated',
        status: 409,
        detail: 'The service programme has one row per tier.',
        errors: { programme: [{ code: 'programme-incomplete', message: 'The service programme has one row per tier.' }] },
      }),
    );
    renderEditor({ onSave });
    await retype(user, 'Hysteresis margin', '6');
    await user.click(save());
    // The rule's message by its code (not the server's English), above the form and at the section.
    const rule = 'The service programme needs one row per tier, a first response of at least an hour, a resolution no sooner than the first response, a cadence of at least a day and 0–12 surveys a year.';
    await waitFor(() => expect(screen.getByRole('alert', { hidden: true })).toHaveTextContent(rule));
    expect(screen.getAllByText(rule).length).toBeGreaterThanOrEqual(2);
  }, SLOW);

  it('simulates the unsaved terms and lists who would move', async () => {
    const user = setupUser();
    const { onSimulate } = renderEditor();
    await retype(user, 'Strategic cap', '12');
    await user.click(simulate());
    await waitFor(() => expect(onSimulate).toHaveBeenCalledTimes(1));
    expect(onSimulate.mock.calls[0]![0].strategicCap).toBe(12);
    const moves = await screen.findByTestId('sim-moves');
    expect(within(moves).getByText('华东精密制造有限公司').closest('a')).toHaveAttribute('href', '/accounts/a1');
    expect(screen.getByTestId('sim-changed')).toHaveTextContent('3');

    // Changing the terms afterwards marks the result as outdated.
    await retype(user, 'Strategic cap', '15');
    expect(await screen.findByText(/The terms changed since this simulation/)).toBeInTheDocument();
  }, SLOW);

  it('flags a tier whose change is over the limit, as the server computed it', async () => {
    const user = setupUser();
    renderEditor();
    await user.click(simulate());
    const warning = await screen.findByTestId('sim-shift-warning');
    expect(warning).toHaveTextContent('More than 20 % of a tier would change: Strategic 2 → 3, Growth 3 → 2, Standard 0 → 1');
  }, SLOW);

  it('asks to confirm a publish the server refused for its tier shift, then publishes anyway', async () => {
    const user = setupUser();
    const refusal = new ApiProblem(409, { code: 'tier-shift-over-limit', args: { tiers: 'Strategic 60 → 1', limit: 20 } });
    const onPublish = vi.fn().mockRejectedValueOnce(refusal).mockResolvedValueOnce(undefined);
    renderEditor({ onPublish });
    await user.click(publish());
    await user.click(await screen.findByRole('button', { name: 'Publish' }));
    const refused = await screen.findByTestId('publish-shift-refused');
    expect(refused).toHaveTextContent('Strategic 60 → 1');
    expect(onPublish).toHaveBeenNthCalledWith(1, false);
    await user.click(screen.getByTestId('publish-anyway'));
    await waitFor(() => expect(onPublish).toHaveBeenNthCalledWith(2, true));
    await waitFor(() => expect(screen.queryByTestId('publish-shift-refused')).toBeNull());
  }, SLOW);

  it('shows a published version read-only', () => {
    renderEditor({ policy: policyFixture({ status: 'Published', publishedAt: '2026-11-01T08:00:00Z' }), readOnly: true });
    expect(screen.getByLabelText('Strategic fit')).toBeDisabled();
    expect(screen.getByLabelText('Key from')).toBeDisabled();
    expect(screen.queryByTestId('save-policy')).toBeNull();
    expect(screen.getByText(/A published version is frozen/)).toBeInTheDocument();
  });
});

describe('ScoreBreakdown', () => {
  it('shows each criterion’s value, weight and points, largest first, adding up to the score', () => {
    renderWithProviders(
      <ScoreBreakdown
        score={30.57}
        breakdown={[
          { criterion: 'StrategicFit', normalised: 75, weight: 15, contribution: 11.25 },
          { criterion: 'TrailingRevenue', normalised: 39.3939, weight: 30, contribution: 11.8182 },
          { criterion: 'Satisfaction', normalised: 50, weight: 15, contribution: 7.5 },
        ]}
      />,
    );
    const all = screen.getAllByRole('row', { hidden: true });
    const rows = all.slice(1, -1);
    expect(rows.map((r) => within(r).getAllByRole('cell', { hidden: true })[0]!.textContent)).toEqual(['Revenue (last 12 months)', 'Strategic fit', 'Satisfaction (NPS)']);
    expect(rows[1]).toHaveTextContent('15%');
    expect(rows[1]).toHaveTextContent('+11.25');
    expect(all.at(-1)).toHaveTextContent('30.57');
  });
});
