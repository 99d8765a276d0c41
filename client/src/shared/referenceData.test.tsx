import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { SLOW, fakeApiPerTest, json, renderWithProviders, setupUser } from '../test';
import { ReferenceLabel, ReferenceSelect, referenceOptions, type ReferenceItemDto } from './referenceData';

const item = (kind: ReferenceItemDto['kind'], code: string, labelZh: string, labelEn: string, sortOrder: number, isActive = true): ReferenceItemDto =>
  ({ kind, code, labelZh, labelEn, sortOrder, isActive, updatedAt: '2026-12-01T00:00:00Z', version: 1 });
const items = [
  item('Industry', 'manufacturing', '制造业', 'Manufacturing', 10),
  item('Industry', 'energy', '能源', 'Energy', 60),
  item('Industry', 'retired', '旧行业', 'Old industry', 5, false),
  item('Region', 'east-china', '华东', 'East China', 10),
];

function Picker() {
  const [value, setValue] = useState<string | undefined>();
  return (
    <>
      <ReferenceSelect kind="Industry" aria-label="行业" value={value} onChange={(v) => setValue(typeof v === 'string' ? v : undefined)} />
      <div data-testid="picked">{value ?? ''}</div>
    </>
  );
}

describe('the managed lists in the UI', () => {
  const api = fakeApiPerTest();

  it('offers the active entries in list order, keeping an inactive value the form already has', () => {
    expect(referenceOptions(items, 'Industry', 'zh-CN').map((o) => o.label)).toEqual(['制造业', '能源']);
    expect(referenceOptions(items, 'Industry', 'en', 'retired').map((o) => o.label)).toEqual(['Old industry', 'Manufacturing', 'Energy']);
  });

  it('shows a code as its label in the user language, and an unknown code as it is', async () => {
    api.on('GET', '/api/v1/reference-data', json(200, items));
    renderWithProviders(<><ReferenceLabel kind="Region" code="east-china" /> · <ReferenceLabel kind="Region" code="legacy-1" /></>, { locale: 'zh-CN' });
    expect(await screen.findByText('华东 · legacy-1')).toBeInTheDocument();
  });

  it('finds one entry whether the user types 能源 or energy, and picks its code', async () => {
    api.on('GET', '/api/v1/reference-data', json(200, items));
    const actor = setupUser();
    renderWithProviders(<Picker />, { locale: 'zh-CN' });
    const input = screen.getByLabelText('行业');
    for (const typed of ['能源', 'ENERGY']) {
      await actor.clear(input);
      await actor.type(input, typed);
      await waitFor(() => {
        const options = [...document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')];
        expect(options.map((o) => o.textContent)).toEqual(['能源']);
      });
    }
    fireEvent.click(document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')!);
    await waitFor(() => expect(screen.getByTestId('picked').textContent).toBe('energy'));
    expect(api.sent('GET', '/api/v1/reference-data')[0]!.query.get('includeInactive')).toBe('true');
  }, SLOW);
});
