// Picks an active user by name (the user lookup, users:lookup): a plan's owner, an initiative's owner, the list's owner
// filter. Names already known (the plan's) show before the lookup answers.
import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../auth/session';
import { useUserLookup } from '../users/usersApi';

export interface UserPickerProps {
  value?: string | null;
  onChange?: (id: string | undefined) => void;
  id?: string;
  /** Names of users the page knows already, by id (so a chosen user shows by name at once). */
  known?: Record<string, string>;
  placeholder?: string;
  ariaLabel?: string;
  allowClear?: boolean;
  testId?: string;
  style?: React.CSSProperties;
}

export function UserPicker({ value, onChange, id, known = {}, placeholder, ariaLabel, allowClear, testId, style }: UserPickerProps) {
  const { t } = useI18n();
  const { can, user } = useSession();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const lookup = useUserLookup({ q: search || undefined }, can('users:lookup'));
  const names = new Map<string, string>(Object.entries(known));
  if (user) names.set(user.id, user.displayName);
  for (const u of lookup.data ?? []) names.set(u.id, u.displayName);
  const options = [...names].map(([id, name]) => ({ value: id, label: name }));
  return (
    <Select
      id={id}
      value={value ?? undefined}
      data-testid={testId}
      aria-label={ariaLabel}
      placeholder={placeholder}
      allowClear={allowClear}
      style={style}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={lookup.isFetching}
      notFoundContent={lookup.isFetching ? t('common.loading') : undefined}
      options={search ? options.filter((o) => (lookup.data ?? []).some((u) => u.id === o.value)) : options}
      onChange={(v: string | undefined) => onChange?.(v)}
    />
  );
}
