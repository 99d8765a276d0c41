import { Tabs } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useT } from '../../i18n/I18nProvider';
import { ErrorPage } from '../../shell/ErrorPages';
import PoliciesPage from './PoliciesPage';
import PolicyPage from './PolicyPage';
import RunsPage from './RunsPage';
import RunAccountsPage from './RunAccountsPage';

/** /tiering: policy versions and runs, as two tabs over sub-routes (links to a version or the runs can be shared). */
export default function TieringPage() {
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = pathname.startsWith('/tiering/runs') ? 'runs' : 'policies';
  return (
    <>
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(`/tiering/${key}`)}
        items={[
          { key: 'policies', label: t('tiering.tab.policies') },
          { key: 'runs', label: t('tiering.tab.runs') },
        ]}
        style={{ marginTop: -8 }}
      />
      <Routes>
        <Route index element={<Navigate to="policies" replace />} />
        <Route path="policies" element={<PoliciesPage />} />
        <Route path="policies/:id" element={<PolicyPage />} />
        <Route path="runs" element={<RunsPage />} />
        <Route path="runs/:id" element={<RunAccountsPage />} />
        <Route path="*" element={<ErrorPage status={404} />} />
      </Routes>
    </>
  );
}
