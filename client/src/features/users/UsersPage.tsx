import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useFormErrors } from '../../shared/useFormErrors';
import { urlFilter, useUrlFilters } from '../../shared/useUrlFilters';
import { UserStatus } from './UserStatus';
import { UserFieldsForm, type UserFormValues, toUserFields } from './UserFieldsForm';
import { DEPARTMENTS, ROLES, useCreateUser, useUsers, type UserDto, type UsersQuery } from './usersApi';
import { PageTitle } from '../../shell/PageTitle';
import { usePageTitle } from '../../shell/usePageTitle';
import { ResponsiveTable } from '../../shared/ResponsiveTable';

/** The list's filters and page, as URL parameters (see useUrlFilters). */
const FILTERS = {
  role: urlFilter.oneOf(ROLES),
  department: urlFilter.oneOf(DEPARTMENTS),
  active: urlFilter.oneOf(['true', 'false']),
  q: urlFilter.text(),
  page: urlFilter.int(1),
  pageSize: urlFilter.int(50),
};

/** The Admin's user list: filters in the URL, a row opens the user, and a new user is created here. */
export default function UsersPage() {
  usePageTitle('users.title');
  const { t } = useI18n();
  const navigate = useNavigate();
  const { filters, setFilter, setFilters, resetFilters } = useUrlFilters(FILTERS);
  const query: UsersQuery = {
    role: filters.role,
    department: filters.department,
    active: filters.active === undefined ? undefined : filters.active === 'true',
    q: filters.q || undefined,
    page: filters.page,
    pageSize: filters.pageSize,
  };
  const { data, isFetching, error } = useUsers(query);
  const [creating, setCreating] = useState(false);
  const [search, setSearch] = useState(filters.q ?? '');

  return (
    <Card
      title={<PageTitle>{t('users.title')}</PageTitle>}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="user-new">
          {t('users.new')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('users.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          data-testid="filter-q"
          aria-label={t('users.search')}
          placeholder={t('users.search')}
          style={{ width: 220 }}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => setFilter('q', v.trim())}
        />
        <Select
          allowClear
          data-testid="filter-role"
          aria-label={t('users.role')}
          placeholder={t('users.role')}
          style={{ width: 160 }}
          value={filters.role}
          options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          onChange={(v) => setFilter('role', v)}
        />
        <Select
          allowClear
          data-testid="filter-department"
          aria-label={t('users.department')}
          placeholder={t('users.department')}
          style={{ width: 150 }}
          value={filters.department}
          options={DEPARTMENTS.map((d) => ({ value: d, label: t(`complaint.department.${d}`) }))}
          onChange={(v) => setFilter('department', v)}
        />
        <Select
          allowClear
          data-testid="filter-active"
          aria-label={t('users.active')}
          placeholder={t('users.active')}
          style={{ width: 130 }}
          value={filters.active}
          options={[
            { value: 'true', label: t('users.activeOnly') },
            { value: 'false', label: t('users.inactiveOnly') },
          ]}
          onChange={(v) => setFilter('active', v)}
        />
        <Button
          onClick={() => {
            setSearch('');
            resetFilters();
          }}
        >
          {t('users.reset')}
        </Button>
      </Space>
      <ProblemAlert error={error} />
      <ResponsiveTable<UserDto>
        rowKey="id"
        size="middle"
        data-testid="users-table"
        loading={isFetching && !data}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('users.empty') }}
        onRow={(u) => ({ onClick: () => navigate(`/users/${u.id}`), style: { cursor: 'pointer' } })}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: data?.totalCount ?? 0,
          showTotal: (count) => t('users.total', { count }),
          onChange: (page, pageSize) => setFilters({ page, pageSize }),
        }}
        columns={[
          { title: t('users.name'), dataIndex: 'displayName', render: (name: string, u) => <Link to={`/users/${u.id}`}>{name}</Link> },
          { title: t('users.email'), dataIndex: 'email' },
          { title: t('users.role'), dataIndex: 'role', render: (r: UserDto['role']) => t(`role.${r}`) },
          {
            title: t('users.department'),
            key: 'department',
            render: (_, u) =>
              u.department ? (
                <Space size={4}>
                  {t(`complaint.department.${u.department}`)}
                  {u.isDepartmentHead && <Tag color="blue">{t('users.headTag')}</Tag>}
                </Space>
              ) : null,
          },
          { title: t('users.manager'), dataIndex: 'managerName' },
          { title: t('users.active'), key: 'status', render: (_, u) => <UserStatus user={u} /> },
        ]}
      />
      <CreateUser open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}

interface CreateValues extends UserFormValues {
  email: string;
  mode: 'link' | 'password';
  password?: string;
}

function CreateUser({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<CreateValues>();
  const create = useCreateUser();
  const errors = useFormErrors({ form, fields: ['email', 'displayName', 'role', 'department', 'managerId', 'isDepartmentHead', 'language', 'password'] });
  const mode = Form.useWatch('mode', form) ?? 'link';
  const submit = async (values: CreateValues) => {
    errors.clear();
    try {
      const link = values.mode === 'link';
      const created = await create.mutateAsync({
        ...toUserFields(values),
        email: values.email.trim(),
        password: link ? null : values.password ?? null,
        sendSetPasswordLink: link,
      });
      form.resetFields();
      onClose();
      void message.success(link ? t('users.linkSent', { email: created.email }) : t('users.created', { name: created.displayName }), 8);
      navigate(`/users/${created.id}`);
    } catch (e) {
      errors.show(e);
    }
  };
  return (
    <Modal open={open} title={t('users.new')} onCancel={onClose} okText={t('users.create')} cancelText={t('users.cancel')} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden width={560}>
      <ProblemAlert error={errors.problem} extra={errors.unplaced} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ mode: 'link', language: 'zh-CN', isDepartmentHead: false }}>
        <Form.Item name="email" label={t('users.email')} rules={[{ required: true }, { type: 'email' }]}>
          <Input autoComplete="off" data-testid="user-email" />
        </Form.Item>
        <UserFieldsForm />
        <Form.Item name="mode" label={t('users.passwordMode')}>
          <Radio.Group data-testid="user-password-mode">
            <Radio value="link">{t('users.passwordMode.link')}</Radio>
            <Radio value="password">{t('users.passwordMode.password')}</Radio>
          </Radio.Group>
        </Form.Item>
        {mode === 'password' && (
          <Form.Item name="password" label={t('users.password')} extra={t('users.passwordHint')} rules={[{ required: true }, { min: 12 }]}>
            <Input.Password autoComplete="new-password" data-testid="user-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
