// Picks an account by typing its name or registration number (ListAccounts `q`): the complaint intake and the plan
// editor use it.
import { useEffect, useState } from 'react';
import { Select, Space, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import type { AccountSummaryDto } from '../../api/client';
import { TierTag } from '../../shared/TierTag';
import { useAccount, useAccounts } from './accountsApi';

/** Searches accounts by name or registration number (ListAccounts `q`), as the user types. */
export function AccountPicker({ value, onChange, id, testId = 'intake-account', placeholder, ariaLabel, allowClear, style }: { value?: string; onChange?: (id: string | undefined) => void; id?: string; testId?: string; placeholder?: string; ariaLabel?: string; allowClear?: boolean; style?: React.CSSProperties }) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<AccountSummaryDto | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const { data, isFetching } = useAccounts({ q: search || undefined, sort: 'name', page: 1, pageSize: 20 });
  const found = data?.items ?? [];
  // A value given from outside (a link's `?accountId=`) that no search found yet: read it, to show its name.
  const given = useAccount(value ?? '', Boolean(value) && !chosen && !found.some((a) => a.id === value));
  const known = chosen ?? (given.data && given.data.data.id === value ? given.data.data : null);
  const accounts = known && !found.some((a) => a.id === known.id) ? [known, ...found] : found;
  return (
    <Select
      id={id}
      value={value}
      data-testid={testId}
      allowClear={allowClear}
      style={style}
      aria-label={ariaLabel}
      placeholder={placeholder ?? t('complaints.intake.accountPlaceholder')}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={isFetching}
      notFoundContent={isFetching ? t('common.loading') : t('complaints.intake.noAccount')}
      options={accounts.map((a) => ({ value: a.id, label: a.name, account: a }))}
      optionRender={(option) => {
        const a = (option.data as { account: AccountSummaryDto }).account;
        return (
          <Space style={{ justifyContent: 'space-between', width: '100%' }}>
            <span>{a.name}</span>
            <span>
              <TierTag tier={a.tier} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.registrationNumber}</Typography.Text>
            </span>
          </Space>
        );
      }}
      onChange={(v: string | undefined) => {
        setChosen(accounts.find((a) => a.id === v) ?? null);
        onChange?.(v);
      }}
    />
  );
}

