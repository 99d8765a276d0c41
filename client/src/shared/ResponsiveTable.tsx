// A list that fits the screen: antd's Table on a wide screen, a column of cards on a narrow one (below antd's `md`,
// 768 px), both from the same props and column definitions. A card's heading is the first column; every other column
// with a title is a term and its value; a column without a title (row actions) closes the card. Paging works the same:
// a server-paged list (pagination with `total`) asks for the next page through `onChange`, keeping the sort it had;
// a list of rows in memory pages in memory, ten to a page as antd's table does.
import { useState, type Key, type ReactNode } from 'react';
import { Card, Empty, Grid, Pagination, Spin, Table, type TableProps } from 'antd';
import type { ColumnGroupType, ColumnType, SorterResult, TablePaginationConfig } from 'antd/es/table/interface';
import { useT } from '../i18n/I18nProvider';

type Column<T> = ColumnType<T>;

/** The leaf columns, in order (a group's children in its place); hidden ones left out. */
export function leafColumns<T>(columns: TableProps<T>['columns'] = []): Column<T>[] {
  return columns.flatMap((c) => ('children' in c && c.children ? leafColumns((c as ColumnGroupType<T>).children) : c.hidden ? [] : [c as Column<T>]));
}

/** The value a column shows of a row: its dataIndex (a key or a path), as antd reads it. */
export function cellValue<T>(row: T, dataIndex: Column<T>['dataIndex']): unknown {
  if (dataIndex === undefined || dataIndex === null) return undefined;
  const path = Array.isArray(dataIndex) ? dataIndex : [dataIndex];
  let value: unknown = row;
  for (const key of path) value = value == null ? undefined : (value as Record<string | number, unknown>)[key as string | number];
  return value;
}

/** What a column renders for a row: its `render`, or the value itself. */
export function cellContent<T>(column: Column<T>, row: T, index: number): ReactNode {
  const value = cellValue(row, column.dataIndex);
  if (column.render) {
    const rendered = column.render(value, row, index) as ReactNode | { children?: ReactNode };
    if (rendered && typeof rendered === 'object' && !Array.isArray(rendered) && 'children' in rendered && !('$$typeof' in rendered)) return rendered.children;
    return rendered as ReactNode;
  }
  return value === null || value === undefined ? '' : (value as ReactNode);
}

const titleOf = <T,>(column: Column<T>): ReactNode => (typeof column.title === 'function' ? column.title({}) : column.title);

const rowKeyOf = <T,>(row: T, index: number, rowKey: TableProps<T>['rowKey']): Key => {
  if (typeof rowKey === 'function') return rowKey(row, index);
  const key = rowKey ?? 'key';
  return ((row as Record<string, unknown>)[key as string] as Key | undefined) ?? index;
};

/** The rows as cards (the narrow-screen form of a table); exported for its test. */
export function CardList<T extends object>(props: TableProps<T>) {
  const t = useT();
  const { dataSource = [], columns, rowKey, loading, pagination, onChange, onRow, locale } = props;
  const leaves = leafColumns(columns);
  const [heading, ...rest] = leaves;
  const described = rest.filter((c) => titleOf(c) !== undefined && titleOf(c) !== null && titleOf(c) !== '');
  const trailing = rest.filter((c) => !described.includes(c));
  const [localPage, setLocalPage] = useState({ current: 1, pageSize: 10 });

  const paged = pagination !== false;
  const config: TablePaginationConfig = (pagination || {}) as TablePaginationConfig;
  const serverPaged = paged && config.total !== undefined && config.total !== dataSource.length;
  const current = config.current ?? localPage.current;
  const pageSize = config.pageSize ?? localPage.pageSize;
  const rows = !paged || serverPaged ? dataSource : dataSource.slice((current - 1) * pageSize, current * pageSize);
  const total = serverPaged ? config.total! : dataSource.length;

  const changePage = (page: number, size: number) => {
    setLocalPage({ current: page, pageSize: size });
    config.onChange?.(page, size);
    // The sort stays what the columns say it is.
    const sorted = leaves.find((c) => c.sortOrder);
    const sorter: SorterResult<T> = sorted ? { column: sorted, columnKey: sorted.key, field: sorted.dataIndex as Key, order: sorted.sortOrder } : {};
    onChange?.({ ...config, current: page, pageSize: size }, {}, sorter, { action: 'paginate', currentDataSource: [...dataSource] });
  };

  const spinning = typeof loading === 'object' ? loading.spinning : loading;
  return (
    <Spin spinning={!!spinning}>
      {rows.length === 0 ? (
        // Empty, the list keeps its test id (as the table does on a wide screen).
        <div data-testid={(props as { 'data-testid'?: string })['data-testid']}>{(locale?.emptyText as ReactNode) ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}</div>
      ) : (
        <ul className="ka-card-list" data-testid={(props as { 'data-testid'?: string })['data-testid']}>
          {rows.map((row, i) => {
            const index = !paged || serverPaged ? i : (current - 1) * pageSize + i;
            const rowProps = onRow?.(row, index) ?? {};
            return (
              <li key={rowKeyOf(row, index, rowKey)}>
                <Card size="small" title={heading ? cellContent(heading, row, index) : undefined} onClick={rowProps.onClick as never} style={rowProps.onClick ? { cursor: 'pointer' } : undefined} data-row-key={String(rowKeyOf(row, index, rowKey))}>
                  <dl>
                    {described.map((c, ci) => (
                      <div key={String(c.key ?? c.dataIndex ?? ci)} style={{ display: 'contents' }}>
                        <dt>{titleOf(c)}</dt>
                        <dd>{cellContent(c, row, index)}</dd>
                      </div>
                    ))}
                  </dl>
                  {trailing.length > 0 && (
                    <div style={{ marginTop: 8, display: 'flex', flexWrap: 'wrap', gap: 8 }}>
                      {trailing.map((c, ci) => (
                        <div key={String(c.key ?? c.dataIndex ?? ci)}>{cellContent(c, row, index)}</div>
                      ))}
                    </div>
                  )}
                </Card>
              </li>
            );
          })}
        </ul>
      )}
      {paged && total > pageSize && (
        <Pagination
          simple
          style={{ marginTop: 12, justifyContent: 'center' }}
          current={current}
          pageSize={pageSize}
          total={total}
          onChange={changePage}
          showTotal={config.showTotal}
          aria-label={t('common.pagination')}
        />
      )}
      {paged && total <= pageSize && config.showTotal && <div style={{ marginTop: 12, textAlign: 'center' }}>{config.showTotal(total, [1, total])}</div>}
    </Spin>
  );
}

/**
 * antd's Table on a wide screen, cards on a narrow one (see the file's head). Takes Table's props; a list page uses it
 * where it would use Table.
 */
export function ResponsiveTable<T extends object>(props: TableProps<T>) {
  const screens = Grid.useBreakpoint();
  // Before the first measure (and in tests without matchMedia) the screen counts as wide.
  const narrow = screens.md === false;
  return narrow ? <CardList<T> {...props} /> : <Table<T> {...props} />;
}
