import { App as AntApp, Breadcrumb, Space, Spin } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../auth/session';
import { ApiProblem } from '../../shared/problem';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { StaleVersionAlert, useStaleVersion } from '../../shared/StaleVersion';
import { ErrorPage } from '../../shell/ErrorPages';
import { AuditHistorySection } from '../audit';
import { PolicyEditor } from './PolicyEditor';
import { usePolicy, usePublishPolicy, useSimulation, useUpdatePolicy } from './tieringApi';
import { usePageTitle } from '../../shell/usePageTitle';

/** One policy version: the editor for a draft (tiering:manage), a read-only view otherwise. */
export default function PolicyPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const policy = usePolicy(id);
  const update = useUpdatePolicy(id);
  const publish = usePublishPolicy(id);
  const simulate = useSimulation();
  // A reload would throw away the draft being edited: the user reloads when ready (StaleVersion.tsx).
  const stale = useStaleVersion(() => policy.refetch());
  usePageTitle('tiering.policies.title', policy.data ? t('tiering.policy.version', { number: policy.data.data.number }) : undefined);

  if (policy.isLoading) return <Spin style={{ display: 'block', margin: '20vh auto' }} />;
  if (policy.error instanceof ApiProblem && policy.error.status === 404) return <ErrorPage status={404} />;
  if (!policy.data) return <ProblemAlert error={policy.error} />;
  const { data, etag } = policy.data;
  const readOnly = data.status !== 'Draft' || !can('tiering:manage');

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/tiering/policies">{t('tiering.policies.title')}</Link> }, { title: `${t('tiering.policy.version', { number: data.number })} · ${data.name}` }]} />
      <StaleVersionAlert state={stale} title={t('tiering.stale.title')} description={t('tiering.stale.body')} />
      <PolicyEditor
        key={`${data.id}-${stale.version}`}
        policy={data}
        readOnly={readOnly}
        onSimulate={(input) => simulate.mutateAsync(input)}
        onSave={async (input) => {
          try {
            await update.mutateAsync({ etag, body: input });
          } catch (e) {
            stale.caught(e);
            throw e;
          }
          message.success(t('tiering.editor.saved'));
        }}
        onPublish={async (acknowledgeShift) => {
          let published;
          try {
            // The version the user reviewed: a draft someone saved meanwhile is not published unseen (412).
            published = await publish.mutateAsync({ etag, acknowledgeShift });
          } catch (e) {
            stale.caught(e);
            throw e;
          }
          message.success(t('tiering.publish.done', { number: published.number }));
          navigate('/tiering/runs');
        }}
      />
      <AuditHistorySection entityType="tierPolicy" entityId={data.id} />
    </Space>
  );
}
