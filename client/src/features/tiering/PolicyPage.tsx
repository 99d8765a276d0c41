import { useState } from 'react';
import { App as AntApp, Alert, Breadcrumb, Button, Space, Spin } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../auth/session';
import { ApiProblem } from '../../shared/problem';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { ErrorPage } from '../../shell/ErrorPages';
import { PolicyEditor } from './PolicyEditor';
import { usePolicy, usePublishPolicy, useSimulation, useUpdatePolicy } from './tieringApi';

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
  const [stale, setStale] = useState(false);
  const [editorKey, setEditorKey] = useState(0);

  if (policy.isLoading) return <Spin style={{ display: 'block', margin: '20vh auto' }} />;
  if (policy.error instanceof ApiProblem && policy.error.status === 404) return <ErrorPage status={404} />;
  if (!policy.data) return <ProblemAlert error={policy.error} />;
  const { data, etag } = policy.data;
  const readOnly = data.status !== 'Draft' || !can('tiering:manage');

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/tiering/policies">{t('tiering.policies.title')}</Link> }, { title: `${t('tiering.policy.version', { number: data.number })} · ${data.name}` }]} />
      {stale && (
        <Alert
          type="warning"
          showIcon
          title={t('tiering.stale.title')}
          description={t('tiering.stale.body')}
          action={
            <Button
              onClick={async () => {
                await policy.refetch();
                setStale(false);
                setEditorKey((k) => k + 1);
              }}
            >
              {t('account.stale.reload')}
            </Button>
          }
        />
      )}
      <PolicyEditor
        key={`${data.id}-${editorKey}`}
        policy={data}
        readOnly={readOnly}
        onSimulate={(input) => simulate.mutateAsync(input)}
        onSave={async (input) => {
          try {
            await update.mutateAsync({ etag, body: input });
          } catch (e) {
            if (e instanceof ApiProblem && e.status === 412) setStale(true);
            throw e;
          }
          message.success(t('tiering.editor.saved'));
        }}
        onPublish={async () => {
          let published;
          try {
            // The version the user reviewed: a draft someone saved meanwhile is not published unseen (412).
            published = await publish.mutateAsync({ etag });
          } catch (e) {
            if (e instanceof ApiProblem && e.status === 412) setStale(true);
            throw e;
          }
          message.success(t('tiering.publish.done', { number: published.number }));
          navigate('/tiering/runs');
        }}
      />
    </Space>
  );
}
