// The account's owner and team, editable where the role may: the members by whoever writes accounts (the server lets an
// AccountManager change only the teams of the accounts they own: its 403 is shown), the owner by a Director. Both
// changes carry the account's ETag as If-Match; a 412 offers a reload.
import { useState } from 'react';
import { App as AntApp, Button, Card, Form, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, SwapOutlined, UserOutlined } from '@ant-design/icons';
import type { AccountDto } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../auth/session';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { StaleVersionAlert, useStaleVersion } from '../../shared/StaleVersion';
import { useFormErrors } from '../../shared/useFormErrors';
import { UserPicker } from '../plans/UserPicker';
import { useAccountVersion, useChangeOwner, useReplaceTeam, useTeam, type AccountTeamMemberInput, type AccountTeamRole } from './accountsApi';

export const TEAM_ROLES: readonly AccountTeamRole[] = ['ExecutiveSponsor', 'AccountManager', 'SalesEngineer', 'ServiceLead', 'ProjectManager', 'Finance', 'Other'];

export function TeamCard({ account }: { account: AccountDto }) {
  const { t } = useI18n();
  const { can, user } = useSession();
  const team = useTeam(account.id);
  const [editing, setEditing] = useState<'team' | 'owner' | null>(null);
  const members = team.data?.members ?? [];
  return (
    <Card
      title={t('account.team')}
      data-testid="team-card"
      extra={
        <Space size={4} wrap>
          {can('accounts:write') && (
            <Button size="small" icon={<EditOutlined />} data-testid="team-edit" onClick={() => setEditing('team')}>
              {t('account.team.edit')}
            </Button>
          )}
          {/* The owner is a Director's to hand over (the server refuses anyone else). */}
          {can('accounts:write') && user?.role === 'Director' && (
            <Button size="small" icon={<SwapOutlined />} data-testid="owner-change" onClick={() => setEditing('owner')}>
              {t('account.owner.change')}
            </Button>
          )}
        </Space>
      }
    >
      <ProblemAlert error={team.error} />
      <List
        size="small"
        loading={team.isLoading}
        dataSource={[{ userId: account.ownerId, displayName: account.ownerName, owner: true, role: null as AccountTeamRole | null }, ...members.map((m) => ({ ...m, owner: false }))]}
        renderItem={(m) => (
          <List.Item data-testid="team-member">
            <List.Item.Meta avatar={<UserOutlined />} title={m.displayName ?? t('common.none')} description={m.owner ? <Tag color="blue">{t('account.owner')}</Tag> : m.role && t(`teamRole.${m.role}`)} />
          </List.Item>
        )}
      />
      {!team.isLoading && members.length === 0 && <Typography.Text type="secondary">{t('account.team.empty')}</Typography.Text>}
      {editing === 'team' && team.data && <TeamModal account={account} members={members.map((m) => ({ userId: m.userId, role: m.role }))} names={Object.fromEntries(members.map((m) => [m.userId, m.displayName ?? '']))} onClose={() => setEditing(null)} />}
      {editing === 'owner' && <OwnerModal account={account} onClose={() => setEditing(null)} />}
    </Card>
  );
}

interface TeamValues {
  members: { userId?: string; role?: AccountTeamRole }[];
}

function TeamModal({ account, members, names, onClose }: { account: AccountDto; members: AccountTeamMemberInput[]; names: Record<string, string>; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const current = useAccountVersion(account.id);
  const replace = useReplaceTeam(account.id);
  const stale = useStaleVersion(current.refetch);
  const [form] = Form.useForm<TeamValues>();
  const errors = useFormErrors({ form, fields: ['members'] });
  const required = { required: true, message: t('validation.required') };
  const submit = async (values: TeamValues) => {
    errors.clear();
    try {
      await replace.mutateAsync({ members: values.members.map((m) => ({ userId: m.userId!, role: m.role! })), etag: current.data?.etag ?? '' });
      message.success(t('account.team.saved'));
      onClose();
    } catch (e) {
      if (!stale.caught(e)) errors.show(e);
    }
  };
  return (
    <Modal open title={t('account.team.edit')} onCancel={onClose} footer={null} width={640} destroyOnHidden>
      <StaleVersionAlert state={stale} title={t('account.stale.title')} description={t('account.stale.body')} testId="team-stale" style={{ marginBottom: 12 }} />
      <ProblemAlert error={errors.problem} extra={errors.unplaced} />
      <Form<TeamValues> key={stale.version} form={form} layout="vertical" onFinish={submit} initialValues={{ members }} data-testid="team-form">
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} align="start" wrap style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'userId']} label={index === 0 ? t('account.team.member') : undefined} rules={[required]}>
                    <UserPicker known={names} style={{ width: 240 }} ariaLabel={t('account.team.member')} testId={`team-member-${index}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'role']} label={index === 0 ? t('account.team.role') : undefined} rules={[required]}>
                    <Select style={{ width: 180 }} aria-label={t('account.team.role')} options={TEAM_ROLES.map((r) => ({ value: r, label: t(`teamRole.${r}`) }))} data-testid={`team-role-${index}`} />
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('account.team.remove')} onClick={() => remove(field.name)} style={{ marginTop: index === 0 ? 30 : 0 }} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'SalesEngineer' })} data-testid="team-add" style={{ marginBottom: 16 }}>
                {t('account.team.add')}
              </Button>
            </>
          )}
        </Form.List>
        <Space style={{ display: 'flex' }}>
          <Button type="primary" htmlType="submit" loading={replace.isPending} data-testid="team-submit">{t('account.save')}</Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}

function OwnerModal({ account, onClose }: { account: AccountDto; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const current = useAccountVersion(account.id);
  const latest = current.data?.data ?? account;
  const change = useChangeOwner(latest);
  const stale = useStaleVersion(current.refetch, { atOnce: true });
  const [ownerId, setOwnerId] = useState<string | undefined>(account.ownerId);
  const [problem, setProblem] = useState<unknown>(null);
  const submit = async () => {
    if (!ownerId) return;
    setProblem(null);
    try {
      await change.mutateAsync({ ownerId, etag: current.data?.etag ?? '' });
      message.success(t('account.owner.saved'));
      onClose();
    } catch (e) {
      if (!stale.caught(e)) setProblem(e);
    }
  };
  return (
    <Modal open title={t('account.owner.change')} onCancel={onClose} onOk={submit} okText={t('account.save')} cancelText={t('common.cancel')} confirmLoading={change.isPending} destroyOnHidden>
      <StaleVersionAlert state={stale} title={t('account.stale.title')} testId="owner-stale" style={{ marginBottom: 12 }} />
      <ProblemAlert error={problem} />
      <UserPicker value={ownerId} onChange={setOwnerId} known={account.ownerName ? { [account.ownerId]: account.ownerName } : {}} ariaLabel={t('account.owner')} style={{ width: '100%' }} testId="owner-picker" />
    </Modal>
  );
}
