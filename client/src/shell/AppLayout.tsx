import { Avatar, Dropdown, Layout, Menu, Segmented, Space, Typography } from 'antd';
import { ApiOutlined, AimOutlined, SmileOutlined, IdcardOutlined, KeyOutlined, BellOutlined, CloudUploadOutlined, CustomerServiceOutlined, FundOutlined, LogoutOutlined, RiseOutlined, TeamOutlined, UserOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';

/** Navigation by capability: an entry shows only when the user's role grants its permission. */
const NAV: { path: string; label: MessageKey; permission: string; icon: React.ReactNode }[] = [
  { path: '/accounts', label: 'nav.accounts', permission: 'accounts:read', icon: <TeamOutlined /> },
  { path: '/portfolio', label: 'nav.portfolio', permission: 'accounts:read', icon: <FundOutlined /> },
  { path: '/reminders', label: 'nav.reminders', permission: 'reminders:read', icon: <BellOutlined /> },
  { path: '/plans', label: 'nav.plans', permission: 'plans:read', icon: <AimOutlined /> },
  { path: '/complaints', label: 'nav.complaints', permission: 'complaints:read', icon: <CustomerServiceOutlined /> },
  // Marketing's only entry, so its landing page (HomeRedirect): it reads nothing of accounts.
  { path: '/surveys', label: 'nav.surveys', permission: 'surveys:read', icon: <SmileOutlined /> },
  { path: '/tiering', label: 'nav.tiering', permission: 'tiering:read', icon: <RiseOutlined /> },
  { path: '/revenue/import', label: 'nav.revenueImport', permission: 'revenue:write', icon: <CloudUploadOutlined /> },
  // Before webhooks: the Admin lands on the first entry they may use (HomeRedirect), and that is users.
  { path: '/users', label: 'nav.users', permission: 'users:manage', icon: <IdcardOutlined /> },
  { path: '/reference-data', label: 'nav.referenceData', permission: 'referencedata:manage', icon: <UnorderedListOutlined /> },
  { path: '/webhooks', label: 'nav.webhooks', permission: 'webhooks:manage', icon: <ApiOutlined /> },
  { path: '/api-clients', label: 'nav.apiClients', permission: 'apiclients:manage', icon: <KeyOutlined /> },
];

export function visibleNav(permissions: readonly string[]) {
  return NAV.filter((n) => permissions.includes(n.permission));
}

export function AppLayout() {
  const { user, signOut } = useSession();
  const { t, locale, setLocale } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;

  const items = visibleNav(user.permissions);
  const selected = items.find((n) => location.pathname.startsWith(n.path))?.path;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '18px 20px', fontWeight: 700, fontSize: 18, color: '#1456c7' }}>
          {t('app.name')}
          <div style={{ fontSize: 12, fontWeight: 400, color: '#888' }}>{t('app.tagline')}</div>
        </div>
        <Menu
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          items={items.map((n) => ({ key: n.path, icon: n.icon, label: t(n.label) }))}
          onClick={({ key }) => navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: 16, borderBottom: '1px solid #f0f0f0', paddingInline: 24 }}>
          <Segmented
            aria-label={t('nav.language')}
            value={locale}
            options={[
              { label: '中文', value: 'zh-CN' },
              { label: 'English', value: 'en' },
            ]}
            onChange={(value) => setLocale(value as 'zh-CN' | 'en')}
          />
          <Dropdown
            menu={{
              items: [{ key: 'signout', icon: <LogoutOutlined />, label: t('nav.signOut') }],
              onClick: () => {
                signOut();
                navigate('/login');
              },
            }}
          >
            <Space style={{ cursor: 'pointer' }} data-testid="user-menu">
              <Avatar size="small" icon={<UserOutlined />} />
              <span>{user.displayName}</span>
              <Typography.Text type="secondary">{t(`role.${user.role}`)}</Typography.Text>
            </Space>
          </Dropdown>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/** Where "/" leads: the first page the role may use. */
export function HomeRedirect() {
  const { user } = useSession();
  const { t } = useI18n();
  if (!user) return <Navigate to="/login" replace />;
  const first = visibleNav(user.permissions)[0];
  if (first) return <Navigate to={first.path} replace />;
  return <Typography.Paragraph style={{ marginTop: 48, textAlign: 'center' }}>{t('home.noCapability')}</Typography.Paragraph>;
}

/** Guards a page open to several permissions (the surveys page: its tabs need one each): 403 without any of them. */
export function RequireAnyPermission({ permissions, children }: { permissions: readonly string[]; children: React.ReactNode }) {
  const { can } = useSession();
  return permissions.some(can) ? <>{children}</> : <Navigate to="/403" replace />;
}

/** Guards a page by permission: 403 page when the role lacks it. */
export function RequirePermission({ permission, children }: { permission: string; children: React.ReactNode }) {
  const { can } = useSession();
  return can(permission) ? <>{children}</> : <Navigate to="/403" replace />;
}
