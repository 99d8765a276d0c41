import { useState } from 'react';
import { Avatar, Button, Drawer, Dropdown, Grid, Layout, Menu, Segmented, Typography } from 'antd';
import { ScheduleOutlined, ApiOutlined, AimOutlined, SmileOutlined, IdcardOutlined, KeyOutlined, BellOutlined, CheckOutlined, CloudUploadOutlined, CustomerServiceOutlined, FundOutlined, GlobalOutlined, LogoutOutlined, MenuOutlined, RiseOutlined, TeamOutlined, UserOutlined, UnorderedListOutlined, FieldTimeOutlined } from '@ant-design/icons';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useSession } from '../auth/session';
import { useI18n, type Locale } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';
import { homePathFor } from './home';
import { useScrollableRegions } from './useScrollableRegions';
import './shell.css';

/** Navigation by capability: an entry shows only when the user's role grants its permission. */
const NAV: { path: string; label: MessageKey; permission: string; icon: React.ReactNode }[] = [
  { path: '/accounts', label: 'nav.accounts', permission: 'accounts:read', icon: <TeamOutlined /> },
  { path: '/portfolio', label: 'nav.portfolio', permission: 'accounts:read', icon: <FundOutlined /> },
  { path: '/today', label: 'nav.today', permission: 'reminders:read', icon: <ScheduleOutlined /> },
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
  { path: '/admin/jobs', label: 'nav.jobs', permission: 'jobs:manage', icon: <FieldTimeOutlined /> },
];

export function visibleNav(permissions: readonly string[]) {
  return NAV.filter((n) => permissions.includes(n.permission));
}

const LANGUAGES: { value: Locale; label: string }[] = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
];

/**
 * The frame of every signed-in page: a skip link, the navigation (a side menu from antd's `lg` breakpoint, below it a
 * drawer opened by a labelled button, so the content keeps the screen's width), the header with the language and the
 * user menu (a real button: Tab reaches it, Enter opens it), and the page in `main`.
 */
export function AppLayout() {
  const { user, signOut } = useSession();
  const { t, locale, setLocale } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const [drawerOpen, setDrawerOpen] = useState(false);
  useScrollableRegions('main-content');
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;

  // Before the first measure (and in tests without matchMedia) the screen counts as wide.
  const wide = screens.lg ?? true;
  const items = visibleNav(user.permissions);
  const selected = items.find((n) => location.pathname.startsWith(n.path))?.path;
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      items={items.map((n) => ({ key: n.path, icon: n.icon, label: t(n.label) }))}
      onClick={({ key }) => {
        setDrawerOpen(false);
        navigate(key);
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
  const brand = (
    <div style={{ padding: '18px 20px', fontWeight: 700, fontSize: 18, color: '#1456c7' }}>
      {t('app.name')}
      <div style={{ fontSize: 12, fontWeight: 400, color: 'rgba(0,0,0,0.65)' }}>{t('app.tagline')}</div>
    </div>
  );
  const skipToContent = (e: React.MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    document.getElementById('main-content')?.focus();
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="ka-skip-link" href="#main-content" onClick={skipToContent}>
        {t('nav.skipToContent')}
      </a>
      {wide && (
        <Layout.Sider theme="light" width={200} style={{ borderRight: '1px solid #f0f0f0' }}>
          <nav aria-label={t('nav.main')}>
            {brand}
            {menu}
          </nav>
        </Layout.Sider>
      )}
      {!wide && (
        <Drawer placement="left" size={260} open={drawerOpen} onClose={() => setDrawerOpen(false)} title={t('app.name')} styles={{ body: { padding: 0 } }}>
          <nav aria-label={t('nav.main')}>{menu}</nav>
        </Drawer>
      )}
      <Layout className="ka-content">
        <Layout.Header
          style={{ background: '#fff', display: 'flex', alignItems: 'center', gap: wide ? 16 : 8, borderBottom: '1px solid #f0f0f0', paddingInline: wide ? 24 : 8 }}
        >
          {!wide && (
            <>
              <Button type="text" icon={<MenuOutlined />} aria-label={t('nav.openMenu')} aria-expanded={drawerOpen} onClick={() => setDrawerOpen(true)} data-testid="nav-open" style={{ minWidth: 44, minHeight: 44 }} />
              <span style={{ fontWeight: 700, fontSize: 16, color: '#1456c7' }}>{t('app.name')}</span>
            </>
          )}
          <div style={{ flex: 1 }} />
          {wide && (
            <Segmented aria-label={t('nav.language')} value={locale} options={LANGUAGES} onChange={(value) => setLocale(value as Locale)} />
          )}
          <Dropdown
            trigger={['click']}
            // Opened from the keyboard, the menu takes the focus: the arrow keys choose, Enter picks, Escape closes.
            autoFocus
            menu={{
              items: [
                {
                  key: 'language',
                  type: 'group',
                  label: t('nav.language'),
                  children: LANGUAGES.map((l) => ({
                    key: `lang:${l.value}`,
                    icon: l.value === locale ? <CheckOutlined /> : <GlobalOutlined />,
                    label: <span lang={l.value}>{l.label}</span>,
                  })),
                },
                { type: 'divider' },
                { key: 'signout', icon: <LogoutOutlined />, label: t('nav.signOut') },
              ],
              onClick: ({ key }) => {
                if (key.startsWith('lang:')) {
                  setLocale(key.slice('lang:'.length) as Locale);
                  return;
                }
                signOut();
                navigate('/login');
              },
            }}
          >
            <Button type="text" data-testid="user-menu" aria-label={t('nav.userMenu', { name: user.displayName })} style={{ height: 44, paddingInline: 8, display: 'flex', alignItems: 'center', gap: 8, maxWidth: wide ? 360 : 160 }}>
              <Avatar size="small" icon={<UserOutlined />} />
              {wide ? (
                <>
                  <span>{user.displayName}</span>
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>{t(`role.${user.role}`)}</Typography.Text>
                </>
              ) : (
                <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{user.displayName}</span>
              )}
            </Button>
          </Dropdown>
        </Layout.Header>
        <Layout.Content id="main-content" tabIndex={-1} style={{ padding: wide ? 24 : 8, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/** Where "/" leads: the role's home (shell/home.ts), else the first page the role may use. */
export function HomeRedirect() {
  const { user } = useSession();
  const { t } = useI18n();
  if (!user) return <Navigate to="/login" replace />;
  const home = homePathFor(user.role, user.permissions, visibleNav(user.permissions)[0]?.path);
  if (home) return <Navigate to={home} replace />;
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
