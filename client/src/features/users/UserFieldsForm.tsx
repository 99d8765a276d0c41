import { useState } from 'react';
import { Form, Input, Select, Switch } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { DEPARTMENTS, LANGUAGES, ROLES, useUsers, type Department, type Role, type UserFields } from './usersApi';

/** The form's values of the fields create and edit share. */
export interface UserFormValues {
  displayName: string;
  role: Role;
  department?: Department | null;
  managerId?: string | null;
  isDepartmentHead?: boolean;
  language: string;
}

export const toUserFields = (v: UserFormValues): UserFields => ({
  displayName: v.displayName.trim(),
  role: v.role,
  department: v.department ?? null,
  managerId: v.managerId ?? null,
  isDepartmentHead: Boolean(v.isDepartmentHead),
  language: v.language,
});

/**
 * Name, role, department and headship, manager and email language, inside a Form. The manager is picked among active
 * users by name (the Admin's own list, searched on the server); `current` keeps the present manager choosable.
 */
export function UserFieldsForm({ self, current }: { self?: string; current?: { id: string; name: string } | null }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const candidates = useUsers({ active: true, q: q || undefined, pageSize: 50, page: 1 });
  const options = (candidates.data?.items ?? []).filter((u) => u.id !== self).map((u) => ({ value: u.id, label: u.displayName }));
  if (current && !options.some((o) => o.value === current.id)) options.unshift({ value: current.id, label: current.name });
  return (
    <>
      <Form.Item name="displayName" label={t('users.name')} rules={[{ required: true }, { max: 200 }]}>
        <Input data-testid="user-name" />
      </Form.Item>
      <Form.Item name="role" label={t('users.role')} extra={t('users.oneRole')} rules={[{ required: true }]}>
        <Select data-testid="user-role" options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
      </Form.Item>
      <Form.Item name="department" label={t('users.department')}>
        <Select allowClear data-testid="user-department" options={DEPARTMENTS.map((d) => ({ value: d, label: t(`complaint.department.${d}`) }))} />
      </Form.Item>
      <Form.Item name="isDepartmentHead" label={t('users.head')} valuePropName="checked">
        <Switch data-testid="user-head" />
      </Form.Item>
      <Form.Item name="managerId" label={t('users.manager')}>
        <Select
          allowClear
          showSearch
          data-testid="user-manager"
          placeholder={t('users.noManager')}
          filterOption={false}
          onSearch={setQ}
          loading={candidates.isFetching}
          options={options}
        />
      </Form.Item>
      <Form.Item name="language" label={t('users.language')} rules={[{ required: true }]}>
        <Select data-testid="user-language" options={LANGUAGES.map((l) => ({ value: l, label: t(`users.language.${l}`) }))} />
      </Form.Item>
    </>
  );
}
