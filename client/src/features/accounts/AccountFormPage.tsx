import { App as AntApp, Card, Spin } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { useT } from '../../i18n/I18nProvider';
import { ApiProblem } from '../../shared/problem';
import { StaleVersionAlert, useStaleVersion } from '../../shared/StaleVersion';
import { ErrorPage } from '../../shell/ErrorPages';
import { PageTitle } from '../../shell/PageTitle';
import { usePageTitle } from '../../shell/usePageTitle';
import { AccountForm } from './AccountForm';
import { accountKeys, updateAccount, useAccount, useCreateAccount } from './accountsApi';

export default function AccountFormPage() {
  const { id } = useParams();
  return id ? <EditAccount id={id} /> : <CreateAccount />;
}

function CreateAccount() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const create = useCreateAccount();
  usePageTitle('account.createTitle');
  return (
    <Card title={<PageTitle>{t('account.createTitle')}</PageTitle>}>
      <AccountForm
        onCancel={() => navigate('/accounts')}
        onSubmit={async (input) => {
          const created = await create.mutateAsync(input);
          message.success(t('account.created'));
          navigate(`/accounts/${created.id}`);
        }}
      />
    </Card>
  );
}

function EditAccount({ id }: { id: string }) {
  const t = useT();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const { data, error, isLoading, refetch } = useAccount(id);
  usePageTitle('account.editTitle', data?.data.name);
  const stale = useStaleVersion(refetch);
  if (isLoading) return <Spin />;
  if (error instanceof ApiProblem && error.status === 404) return <ErrorPage status={404} />;
  if (!data) return <ErrorPage status={500} />;

  return (
    <Card title={<PageTitle>{t('account.editTitle')}</PageTitle>}>
      <StaleVersionAlert state={stale} title={t('account.stale.title')} description={t('account.stale.body')} style={{ marginBottom: 16 }} />
      <AccountForm
        key={stale.version}
        initial={data.data}
        onCancel={() => navigate(`/accounts/${id}`)}
        onSubmit={async (input) => {
          try {
            await updateAccount(id, data.etag, input);
          } catch (e) {
            stale.caught(e);
            throw e;
          }
          await client.invalidateQueries({ queryKey: accountKeys.all });
          message.success(t('account.saved'));
          navigate(`/accounts/${id}`);
        }}
      />
    </Card>
  );
}
