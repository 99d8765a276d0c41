import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

export type RevenueImportResult = Schemas['RevenueImportResult'];

/** Sends a CSV file as it is (text/csv): the server validates every row and writes all of them or none. */
export function useImportRevenueCsv() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) =>
      unwrap(
        api.POST('/api/v1/revenue/import', {
          body: csv as never,
          headers: { 'Content-Type': 'text/csv; charset=utf-8' },
          bodySerializer: (body: unknown) => body as string,
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['accounts'] }),
  });
}

/** One failing field of one row, from a 400's `errors` (keys like `line 7.revenue`, or `rows[3].month` for JSON). */
export interface RowError {
  line: number | null;
  field: string;
  key: string;
}

/** The 400's field errors by line, in line order; an error not about a line (the file as a whole) has line null. */
export function rowErrors(errors: Record<string, unknown[]>): RowError[] {
  return Object.keys(errors)
    .map((key) => {
      const m = /^line (\d+)(?:\.(.+))?$/.exec(key);
      return m ? { line: Number(m[1]), field: m[2] ?? '', key } : { line: null, field: key, key };
    })
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || a.field.localeCompare(b.field));
}
