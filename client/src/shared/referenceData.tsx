// The managed lists (industry, region, segment): accounts store codes, people read labels in their language.
// One query for the three lists (a few hundred rows at most), shared by every select and every label on the page.
import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useMemo } from 'react';
import { api, unwrap, type Schemas } from '../api/client';
import { useI18n, type Locale } from '../i18n/I18nProvider';

export type ReferenceItemDto = Schemas['ReferenceItemDto'];
export type ReferenceKind = Schemas['ReferenceKind'];
export const REFERENCE_KINDS: readonly ReferenceKind[] = ['Industry', 'Region', 'Segment'];

export const referenceDataKey = ['reference-data'] as const;

/** Every entry, inactive ones included (an account may still carry one: its label must show). */
export function useReferenceItems(enabled = true) {
  return useQuery({
    queryKey: referenceDataKey,
    queryFn: () => unwrap(api.GET('/api/v1/reference-data', { params: { query: { includeInactive: true } } })),
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** The label of an entry in `locale`; the code itself when the list does not know it (or has not loaded yet). */
export function referenceLabel(items: readonly ReferenceItemDto[] | undefined, kind: ReferenceKind, code: string | null | undefined, locale: Locale): string {
  if (!code) return '—';
  const item = items?.find((i) => i.kind === kind && i.code === code);
  if (!item) return code;
  return locale === 'zh-CN' ? item.labelZh : item.labelEn;
}

/** The options of a select: the active entries of `kind` in list order, labelled in `locale` (plus `keep`, an inactive value the form already has). */
export function referenceOptions(items: readonly ReferenceItemDto[] | undefined, kind: ReferenceKind, locale: Locale, keep?: string | readonly string[] | null) {
  const kept = new Set(keep === null || keep === undefined ? [] : typeof keep === 'string' ? [keep] : keep);
  return (items ?? [])
    .filter((i) => i.kind === kind && (i.isActive || kept.has(i.code)))
    .sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code))
    .map((i) => ({ value: i.code, label: locale === 'zh-CN' ? i.labelZh : i.labelEn, searchText: `${i.labelZh} ${i.labelEn} ${i.code}`.toLowerCase() }));
}

/** Labels of the lists in the UI's language: `label('Industry', 'energy')` → 能源 / Energy. */
export function useReferenceLabels() {
  const { locale } = useI18n();
  const { data } = useReferenceItems();
  return useMemo(() => ({ label: (kind: ReferenceKind, code: string | null | undefined) => referenceLabel(data, kind, code, locale) }), [data, locale]);
}

export function ReferenceLabel({ kind, code }: { kind: ReferenceKind; code: string | null | undefined }) {
  return <>{useReferenceLabels().label(kind, code)}</>;
}

type ReferenceSelectProps = Omit<SelectProps<string | string[]>, 'options' | 'showSearch' | 'filterOption'> & { kind: ReferenceKind };

/**
 * A select over one list, searchable in both languages (typing 能源 or energy finds the same entry). Its value is the
 * code (the codes, with `mode="multiple"`). An inactive entry the form already holds stays selectable so that saving other fields keeps it.
 */
export function ReferenceSelect({ kind, value, ...props }: ReferenceSelectProps) {
  const { locale } = useI18n();
  const { data, isLoading } = useReferenceItems();
  const options = useMemo(() => referenceOptions(data, kind, locale, value), [data, kind, locale, value]);
  return (
    <Select<string | string[]>
      {...props}
      value={value}
      loading={isLoading}
      options={options}
      showSearch
      filterOption={(input, option) => (option as { searchText?: string } | undefined)?.searchText?.includes(input.trim().toLowerCase()) ?? false}
    />
  );
}
