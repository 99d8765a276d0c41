import { lazy, Suspense } from 'react';
import { Spin } from 'antd';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nProvider } from './i18n/I18nProvider';
import { SessionProvider } from './auth/session';
import { AppLayout, HomeRedirect, RequireAnyPermission, RequirePermission } from './shell/AppLayout';
import { ErrorBoundary, ErrorPage } from './shell/ErrorPages';
import { ApiProblem } from './shared/problem';
import LoginPage from './features/auth/LoginPage';

// Pages load on demand: the login page's JavaScript stays small.
const AccountsListPage = lazy(() => import('./features/accounts/AccountsListPage'));
const AccountPage = lazy(() => import('./features/accounts/AccountPage'));
const AccountFormPage = lazy(() => import('./features/accounts/AccountFormPage'));
const RemindersPage = lazy(() => import('./features/accounts/RemindersPage'));
const TodayPage = lazy(() => import('./features/today/TodayPage'));
const TieringPage = lazy(() => import('./features/tiering/TieringPage'));
const PortfolioPage = lazy(() => import('./features/portfolio/PortfolioPage'));
const ComplaintsQueuePage = lazy(() => import('./features/complaints/ComplaintsQueuePage'));
const ComplaintIntakePage = lazy(() => import('./features/complaints/ComplaintIntakePage'));
const ComplaintPage = lazy(() => import('./features/complaints/ComplaintPage'));
const ComplaintMetricsPage = lazy(() => import('./features/complaintInsights/ComplaintMetricsPage'));
const SlaPolicyPage = lazy(() => import('./features/complaintInsights/SlaPolicyPage'));
const RevenueImportPage = lazy(() => import('./features/revenue/RevenueImportPage'));
const WebhooksPage = lazy(() => import('./features/webhooks/WebhooksPage'));
const WebhookEndpointPage = lazy(() => import('./features/webhooks/WebhookEndpointPage'));
const UsersPage = lazy(() => import('./features/users/UsersPage'));
const UserPage = lazy(() => import('./features/users/UserPage'));
const SetPasswordPage = lazy(() => import('./features/users/SetPasswordPage'));
const ReferenceDataPage = lazy(() => import('./features/referenceData/ReferenceDataPage'));
const JobsPage = lazy(() => import('./features/jobs/JobsPage'));
const ApiClientsPage = lazy(() => import('./features/apiClients/ApiClientsPage'));
const PlansPage = lazy(() => import('./features/plans/PlansPage'));
const NewPlanPage = lazy(() => import('./features/plans/NewPlanPage'));
const PlanPage = lazy(() => import('./features/plans/PlanPage'));
const PlanReviewsPage = lazy(() => import('./features/plans/PlanReviewsPage'));
const SurveysPage = lazy(() => import('./features/surveys/SurveysPage'));
const CampaignWizardPage = lazy(() => import('./features/surveys/CampaignWizardPage'));
const CampaignPage = lazy(() => import('./features/surveys/CampaignPage'));
const TemplateBuilderPage = lazy(() => import('./features/surveys/TemplateBuilderPage'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (count, error) => !(error instanceof ApiProblem && error.status < 500) && count < 2,
    },
  },
});

export default function App() {
  return (
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <BrowserRouter>
            <ErrorBoundary>
              <Suspense fallback={<Spin style={{ display: 'block', margin: '20vh auto' }} />}>
                <Routes>
                  <Route path="/login" element={<LoginPage />} />
                  <Route path="/set-password" element={<SetPasswordPage />} />
                  <Route element={<AppLayout />}>
                    <Route index element={<HomeRedirect />} />
                    <Route path="accounts" element={<RequirePermission permission="accounts:read"><AccountsListPage /></RequirePermission>} />
                    <Route path="accounts/new" element={<RequirePermission permission="accounts:write"><AccountFormPage /></RequirePermission>} />
                    <Route path="accounts/:id" element={<RequirePermission permission="accounts:read"><AccountPage /></RequirePermission>} />
                    <Route path="accounts/:id/edit" element={<RequirePermission permission="accounts:write"><AccountFormPage /></RequirePermission>} />
                    <Route path="today" element={<RequirePermission permission="reminders:read"><TodayPage /></RequirePermission>} />
                    <Route path="reminders" element={<RequirePermission permission="reminders:read"><RemindersPage /></RequirePermission>} />
                    <Route path="portfolio" element={<RequirePermission permission="accounts:read"><PortfolioPage /></RequirePermission>} />
                    <Route path="complaints" element={<RequirePermission permission="complaints:read"><ComplaintsQueuePage /></RequirePermission>} />
                    <Route path="complaints/new" element={<RequirePermission permission="complaints:write"><ComplaintIntakePage /></RequirePermission>} />
                    <Route path="complaints/metrics" element={<RequirePermission permission="complaints:read"><ComplaintMetricsPage /></RequirePermission>} />
                    <Route path="complaints/sla-policy" element={<RequirePermission permission="complaints:read"><SlaPolicyPage /></RequirePermission>} />
                    <Route path="complaints/:id" element={<RequirePermission permission="complaints:read"><ComplaintPage /></RequirePermission>} />
                    <Route path="plans" element={<RequirePermission permission="plans:read"><PlansPage /></RequirePermission>} />
                    <Route path="plans/new" element={<RequirePermission permission="plans:write"><NewPlanPage /></RequirePermission>} />
                    <Route path="plans/:id" element={<RequirePermission permission="plans:read"><PlanPage /></RequirePermission>} />
                    <Route path="plans/:id/reviews" element={<RequirePermission permission="plans:read"><PlanReviewsPage /></RequirePermission>} />
                    <Route path="surveys" element={<RequireAnyPermission permissions={['surveys:read', 'surveys:followups']}><SurveysPage /></RequireAnyPermission>} />
                    <Route path="surveys/campaigns/new" element={<RequirePermission permission="surveys:run"><CampaignWizardPage /></RequirePermission>} />
                    <Route path="surveys/campaigns/:id" element={<RequirePermission permission="surveys:read"><CampaignPage /></RequirePermission>} />
                    <Route path="surveys/campaigns/:id/edit" element={<RequirePermission permission="surveys:run"><CampaignWizardPage /></RequirePermission>} />
                    <Route path="surveys/templates/new" element={<RequirePermission permission="surveys:design"><TemplateBuilderPage /></RequirePermission>} />
                    <Route path="surveys/templates/:id" element={<RequirePermission permission="surveys:read"><TemplateBuilderPage /></RequirePermission>} />
                    <Route path="tiering/*" element={<RequirePermission permission="tiering:read"><TieringPage /></RequirePermission>} />
                    <Route path="revenue/import" element={<RequirePermission permission="revenue:write"><RevenueImportPage /></RequirePermission>} />
                    <Route path="webhooks" element={<RequirePermission permission="webhooks:manage"><WebhooksPage /></RequirePermission>} />
                    <Route path="webhooks/:id" element={<RequirePermission permission="webhooks:manage"><WebhookEndpointPage /></RequirePermission>} />
                    <Route path="users" element={<RequirePermission permission="users:manage"><UsersPage /></RequirePermission>} />
                    <Route path="users/:id" element={<RequirePermission permission="users:manage"><UserPage /></RequirePermission>} />
                    <Route path="reference-data" element={<RequirePermission permission="referencedata:manage"><ReferenceDataPage /></RequirePermission>} />
                    <Route path="admin/jobs" element={<RequirePermission permission="jobs:manage"><JobsPage /></RequirePermission>} />
                    <Route path="api-clients" element={<RequirePermission permission="apiclients:manage"><ApiClientsPage /></RequirePermission>} />
                    <Route path="403" element={<ErrorPage status={403} />} />
                    <Route path="500" element={<ErrorPage status={500} />} />
                    <Route path="*" element={<ErrorPage status={404} />} />
                  </Route>
                </Routes>
              </Suspense>
            </ErrorBoundary>
          </BrowserRouter>
        </SessionProvider>
      </QueryClientProvider>
    </I18nProvider>
  );
}
