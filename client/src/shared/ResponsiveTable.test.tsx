import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderWithProviders, setupUser } from '../test';
import { ResponsiveTable, cellValue } from './ResponsiveTable';

interface Row {
  id: string;
  name: string;
  owner: { name: string };
  tier: string;
}

const rows: Row[] = Array.from({ length: 12 }, (_, i) => ({ id: `a${i}`, name: `客户 ${i + 1}`, owner: { name: `经理 ${i % 3}` }, tier: i % 2 ? 'Key' : 'Strategic' }));

const columns = [
  { title: 'Name', dataIndex: 'name', sorter: true, sortOrder: 'descend' as const, render: (v: string) => <a href={`#${v}`}>{v}</a> },
  { title: 'Owner', dataIndex: ['owner', 'name'] },
  { title: 'Tier', dataIndex: 'tier', render: (v: string) => <span data-testid="tier">{v.toUpperCase()}</span> },
  { key: 'actions', render: (_: unknown, r: Row) => <button type="button">Open {r.id}</button> },
];

const width = window.innerWidth;
afterEach(() => {
  window.innerWidth = width;
});

describe('ResponsiveTable', () => {
  it('is antd’s table on a wide screen', () => {
    renderWithProviders(<ResponsiveTable<Row> rowKey="id" dataSource={rows} columns={columns} pagination={false} />);
    expect(screen.getByRole('table')).toBeInTheDocument();
    expect(screen.getAllByRole('row')).toHaveLength(13);
  });

  it('is a list of cards on a phone, from the same columns: heading, terms and values, actions last', () => {
    window.innerWidth = 390;
    renderWithProviders(<ResponsiveTable<Row> rowKey="id" dataSource={rows.slice(0, 2)} columns={columns} pagination={false} />);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    const cards = screen.getAllByRole('listitem');
    expect(cards).toHaveLength(2);
    const first = within(cards[0]!);
    expect(first.getByRole('link', { name: '客户 1' })).toBeInTheDocument();
    expect(first.getByText('Owner')).toBeInTheDocument();
    expect(first.getByText('经理 0')).toBeInTheDocument();
    expect(first.getByTestId('tier')).toHaveTextContent('STRATEGIC');
    expect(first.getByRole('button', { name: 'Open a0' })).toBeInTheDocument();
  });

  it('pages rows in memory ten at a time on a phone', async () => {
    window.innerWidth = 390;
    const user = setupUser();
    renderWithProviders(<ResponsiveTable<Row> rowKey="id" dataSource={rows} columns={columns} />);
    expect(screen.getAllByRole('listitem').filter((li) => li.closest('.ka-card-list'))).toHaveLength(10);
    await user.click(screen.getByTitle('Next Page'));
    expect(screen.getAllByRole('listitem').filter((li) => li.closest('.ka-card-list'))).toHaveLength(2);
    expect(screen.getByRole('link', { name: '客户 12' })).toBeInTheDocument();
  });

  it('asks a server-paged list for the next page, keeping the sort', async () => {
    window.innerWidth = 390;
    const user = setupUser();
    const onChange = vi.fn();
    renderWithProviders(
      <ResponsiveTable<Row> rowKey="id" dataSource={rows.slice(0, 5)} columns={columns} onChange={onChange} pagination={{ current: 1, pageSize: 5, total: 40 }} />,
    );
    await user.click(screen.getByTitle('Next Page'));
    expect(onChange).toHaveBeenCalledTimes(1);
    const [pagination, , sorter] = onChange.mock.calls[0]!;
    expect(pagination).toMatchObject({ current: 2, pageSize: 5 });
    expect(sorter).toMatchObject({ field: 'name', order: 'descend' });
  });

  it('shows the empty state when there are no rows', () => {
    window.innerWidth = 390;
    renderWithProviders(<ResponsiveTable<Row> rowKey="id" dataSource={[]} columns={columns} locale={{ emptyText: 'Nothing yet' }} />);
    expect(screen.getByText('Nothing yet')).toBeInTheDocument();
  });

  it('reads a value by a key or a path', () => {
    expect(cellValue(rows[0]!, ['owner', 'name'])).toBe('经理 0');
    expect(cellValue(rows[0]!, 'tier')).toBe('Strategic');
    expect(cellValue(rows[0]!, undefined)).toBeUndefined();
  });
});
