import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { SLOW, fakeApiPerTest, json, renderWithProviders, setupUser } from '../../test';
import RevenueImportPage from './RevenueImportPage';
import { rowErrors } from './revenueApi';

const csv = 'registrationNumber,month,revenue,grossProfit,orderCount,currency\n91310000MA1FL1234X,2026-09,1180000.00,295000.00,38,CNY\n91310000MA1FL1234X,2026-13,12.345,1,1,CNY\n';

async function choose(content = csv) {
  const input = (await screen.findByTestId('revenue-file')).querySelector('input[type=file]') ?? document.querySelector('input[type=file]')!;
  fireEvent.change(input, { target: { files: [new File([content], '十月收入.csv', { type: 'text/csv' })] } });
}

describe('rowErrors', () => {
  it('orders a CSV 400 by line and keeps errors about the whole file first', () => {
    expect(rowErrors({ 'line 12.month': [], 'line 3.revenue': [], 'line 3.currency': [], rows: [] }).map((r) => [r.line, r.field])).toEqual([
      [null, 'rows'],
      [3, 'currency'],
      [3, 'revenue'],
      [12, 'month'],
    ]);
  });
});

describe('RevenueImportPage', () => {
  const api = fakeApiPerTest();

  it('sends the file as text/csv and lists each failing row in Chinese; nothing is said to be imported', async () => {
    api.on('POST', '/api/v1/revenue/import', json(400, {
      type: 'https://keyaccount.dev/problems/validation', title: 'Invalid', status: 400, code: 'validation',
      errors: {
        'line 3.month': [{ code: 'invalid-format', message: 'Use yyyy-MM.', args: { format: 'yyyy-MM' } }],
        'line 3.revenue': [{ code: 'precision-exceeded', message: 'At most 2 decimals.', args: { scale: 2, integerDigits: 16 } }],
      },
    }));
    const user = setupUser();
    renderWithProviders(<RevenueImportPage />, { locale: 'zh-CN' });
    await choose();
    expect(await screen.findByText('十月收入.csv：2 行数据')).toBeInTheDocument();
    await user.click(screen.getByTestId('revenue-import'));
    const table = await screen.findByTestId('revenue-errors');
    expect(within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(['3', '3']);
    expect(screen.getByText('未写入任何数据：文件中有 2 处问题。')).toBeInTheDocument();
    const [sent] = api.sent('POST', '/api/v1/revenue/import');
    expect(sent!.headers.get('Content-Type')).toContain('text/csv');
    expect(sent!.body).toBe(csv);
    expect(screen.queryByTestId('revenue-result')).toBeNull();
  }, SLOW);

  it('says what an accepted file wrote', async () => {
    api.on('POST', '/api/v1/revenue/import', json(200, { received: 2, inserted: 1, updated: 1 }));
    const user = setupUser();
    renderWithProviders(<RevenueImportPage />, { locale: 'en' });
    await choose();
    await waitFor(() => expect(screen.getByTestId('revenue-import')).toBeEnabled());
    await user.click(screen.getByTestId('revenue-import'));
    expect(await screen.findByTestId('revenue-result')).toHaveTextContent('2 rows imported: 1 new months, 1 replaced.');
  }, SLOW);
});
