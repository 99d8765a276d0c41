import { App as AntApp, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../auth/session';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { formatDate, formatDateTime } from '../../shared/format';
import { PolicyStatusTag, useCriterionLabel } from './labels';
import { useCreatePolicy, usePolicies, type TierPolicyDto } from './tieringApi';
import { PageTitle } from '../../shell/PageTitle';
import { usePageTitle } from '../../shell/usePageTitle';
import { ResponsiveTable } from '../../shared/ResponsiveTable';

/** The policy versions, newest first, with the one in force summarised; directors start new drafts here. */
export default function PoliciesPage() {
  usePageTitle('tiering.policies.title');
  const { t, locale } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const criterionLabel = useCriterionLabel();
  const policies = usePolicies();
  const create = useCreatePolicy();
  const list = policies.data ?? [];
  const published = list.find((p) => p.status === 'Published');
  const base = published ?? list[0];

  const newDraft = async () => {
    if (!base) return;
    const name = t('tiering.policies.copyName', { name: base.name }).slice(0, 200);
    let draft;
    try {
      draft = await create.mutateAsync({
        name,
        criteria: base.criteria,
        cutoffs: base.cutoffs,
        strategicCap: base.strategicCap ?? null,
        hysteresisMargin: base.hysteresisMargin,
        programme: base.programme,
      });
    } catch {
      return; // Shown above the list.
    }
    message.success(t('tiering.policies.created', { number: draft.number }));
    navigate(`/tiering/policies/${draft.id}`);
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {published && (
        <Card size="small" title={t('tiering.policies.inForce')}>
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
            <Descriptions.Item label={t('tiering.policy.version.short')}>
              <span>
                <Link to={`/tiering/policies/${published.id}`}>{t('tiering.policy.version', { number: published.number })}</Link> · {published.name}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('tiering.policies.publishedAt')}>{formatDateTime(locale, published.publishedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('tiering.cutoffs.title')}>
              {published.cutoffs.strategic} / {published.cutoffs.key} / {published.cutoffs.growth}
            </Descriptions.Item>
            <Descriptions.Item label={t('tiering.cap.label')}>{published.strategicCap ?? t('tiering.cap.none')}</Descriptions.Item>
          </Descriptions>
          <Space wrap size={[4, 4]}>
            {published.criteria
              .filter((c) => c.weight > 0)
              .sort((a, b) => b.weight - a.weight)
              .map((c) => (
                <Tag key={c.criterion}>
                  {criterionLabel(c.criterion)} {c.weight}%
                </Tag>
              ))}
          </Space>
        </Card>
      )}
      <Card
        title={<PageTitle>{t('tiering.policies.title')}</PageTitle>}
        extra={
          can('tiering:manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={newDraft} loading={create.isPending} disabled={!base} data-testid="new-draft">
              {t('tiering.policies.new')}
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary">{t('tiering.policies.help')}</Typography.Paragraph>
        <ProblemAlert error={policies.error ?? create.error} />
        <ResponsiveTable<TierPolicyDto>
          rowKey="id"
          size="middle"
          loading={policies.isLoading}
          dataSource={list}
          pagination={false}
          columns={[
            {
              title: t('tiering.policy.version.short'),
              dataIndex: 'number',
              width: 110,
              render: (n: number, p) => <Link to={`/tiering/policies/${p.id}`}>{t('tiering.policy.version', { number: n })}</Link>,
            },
            { title: t('tiering.policy.name'), dataIndex: 'name', render: (name: string, p) => <Link to={`/tiering/policies/${p.id}`}>{name}</Link> },
            { title: t('tiering.policy.status'), dataIndex: 'status', render: (s: TierPolicyDto['status']) => <PolicyStatusTag status={s} /> },
            { title: t('tiering.policies.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDate(locale, v) },
            { title: t('tiering.policies.publishedAt'), dataIndex: 'publishedAt', render: (v: string | null) => formatDateTime(locale, v) },
          ]}
        />
      </Card>
    </Space>
  );
}
