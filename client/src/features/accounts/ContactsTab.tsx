// The decision chain as an editable org map: who reports to whom, each contact's buying role, attitude and relationship
// level (current → target), with the gaps the server flags (a contact's own, the account's map). Contacts are part of
// the account: every change carries the account's ETag as If-Match, and a 412 says someone changed it meanwhile.
import { useState } from 'react';
import { App as AntApp, Alert, Button, Card, Col, DatePicker, Empty, Form, Input, Modal, Popconfirm, Row, Select, Space, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { DeleteOutlined, EditOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { AccountDto, ContactDto } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../auth/session';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { StaleVersionAlert, useStaleVersion } from '../../shared/StaleVersion';
import { useFormErrors } from '../../shared/useFormErrors';
import { AttitudeTag } from './labels';
import { buildOrgTree } from './OrgChart';
import { useAccountVersion, useAddContact, useContacts, useRemoveContact, useUpdateContact, type ContactInput } from './accountsApi';

export const BUYING_ROLES: readonly ContactDto['buyingRole'][] = ['DecisionMaker', 'Influencer', 'User', 'Gatekeeper', 'Champion'];
export const ATTITUDES: readonly ContactDto['attitude'][] = ['Mentor', 'Supporter', 'Neutral', 'NonSupporter', 'Opponent'];
export const RELATIONSHIP_LEVELS: readonly ContactDto['relationshipLevel'][] = ['Vendor', 'CredibleSource', 'ProblemSolver', 'TrustedAdvisor'];

const FIELDS = ['name', 'title', 'department', 'email', 'phone', 'birthday', 'buyingRole', 'attitude', 'reportsToId', 'relationshipLevel', 'targetRelationshipLevel'];

interface Values {
  name: string;
  title?: string;
  department?: string;
  email?: string;
  phone?: string;
  birthday?: Dayjs | null;
  buyingRole: ContactDto['buyingRole'];
  attitude: ContactDto['attitude'];
  reportsToId?: string | null;
  relationshipLevel: ContactDto['relationshipLevel'];
  targetRelationshipLevel: ContactDto['targetRelationshipLevel'];
}

const blank = (v?: string | null) => (v?.trim() ? v.trim() : null);

function toInput(v: Values): ContactInput {
  return {
    name: v.name.trim(),
    title: blank(v.title),
    department: blank(v.department),
    email: blank(v.email),
    phone: blank(v.phone),
    birthday: v.birthday ? v.birthday.format('YYYY-MM-DD') : null,
    buyingRole: v.buyingRole,
    attitude: v.attitude,
    reportsToId: v.reportsToId ?? null,
    relationshipLevel: v.relationshipLevel,
    targetRelationshipLevel: v.targetRelationshipLevel,
  };
}

function toValues(c: ContactDto): Values {
  return {
    name: c.name,
    title: c.title ?? undefined,
    department: c.department ?? undefined,
    email: c.email ?? undefined,
    phone: c.phone ?? undefined,
    birthday: c.birthday ? dayjs(c.birthday) : null,
    buyingRole: c.buyingRole,
    attitude: c.attitude,
    reportsToId: c.reportsToId ?? null,
    relationshipLevel: c.relationshipLevel,
    targetRelationshipLevel: c.targetRelationshipLevel,
  };
}

/** The contact's gaps as the server decided them. */
export function ContactGapTags({ contact }: { contact: ContactDto }) {
  const { t } = useI18n();
  return (
    <>
      {contact.gaps.map((gap) => (
        <Tag key={gap} color="red" icon={<WarningOutlined />} data-testid="contact-gap" data-gap={gap}>
          {t(`contact.gap.${gap}`)}
        </Tag>
      ))}
    </>
  );
}

/** Relationship level, current → target. */
function LevelPath({ contact: c }: { contact: ContactDto }) {
  const { t } = useI18n();
  return (
    <Typography.Text data-testid="contact-level">
      {t(`relationship.${c.relationshipLevel}`)}
      {c.targetRelationshipLevel !== c.relationshipLevel && <> → {t(`relationship.${c.targetRelationshipLevel}`)}</>}
    </Typography.Text>
  );
}

export default function ContactsTab({ account }: { account: AccountDto }) {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = AntApp.useApp();
  const contacts = useContacts(account.id);
  const current = useAccountVersion(account.id);
  const remove = useRemoveContact(account.id);
  const [editing, setEditing] = useState<ContactDto | 'new' | null>(null);
  const [removeError, setRemoveError] = useState<unknown>(null);
  // A removal loses nothing typed: the account and contacts are read again at once.
  const stale = useStaleVersion(() => Promise.all([current.refetch(), contacts.refetch()]), { atOnce: true });
  const editable = can('accounts:write');
  const items = contacts.data?.items ?? [];
  const etag = current.data?.etag ?? '';
  const withGaps = items.filter((c) => c.gaps.length > 0).length;

  const removeContact = async (c: ContactDto) => {
    setRemoveError(null);
    try {
      await remove.mutateAsync({ contactId: c.id, etag });
      message.success(t('contact.removed'));
    } catch (e) {
      if (!stale.caught(e)) setRemoveError(e);
    }
  };

  const toNodes = (nodes: ReturnType<typeof buildOrgTree>): DataNode[] =>
    nodes.map(({ contact: c, children }) => ({
      key: c.id,
      title: (
        <div data-testid="contact-node" data-contact={c.name} data-contact-id={c.id} style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 6, padding: '2px 0' }}>
          <Typography.Text strong>{c.name}</Typography.Text>
          {c.title && <Typography.Text type="secondary">{c.title}</Typography.Text>}
          <Tag color="blue">{t(`buyingRole.${c.buyingRole}`)}</Tag>
          <AttitudeTag attitude={c.attitude} />
          <LevelPath contact={c} />
          <ContactGapTags contact={c} />
          {editable && (
            <Space size={0}>
              <Button size="small" type="text" icon={<EditOutlined />} aria-label={`${t('contact.edit')} ${c.name}`} data-testid="contact-edit" onClick={() => setEditing(c)} />
              <Popconfirm title={t('contact.remove.confirm', { name: c.name })} okText={t('contact.remove')} cancelText={t('common.cancel')} onConfirm={() => removeContact(c)}>
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`${t('contact.remove')} ${c.name}`} data-testid="contact-remove" />
              </Popconfirm>
            </Space>
          )}
        </div>
      ),
      children: toNodes(children),
    }));

  return (
    <Card
      title={t('account.orgChart')}
      extra={
        editable && (
          <Button type="primary" icon={<PlusOutlined />} data-testid="contact-add" onClick={() => setEditing('new')}>
            {t('contact.add')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('account.orgChart.help')}</Typography.Paragraph>
      <StaleVersionAlert state={stale} title={t('contact.stale.title')} testId="contacts-stale" style={{ marginBottom: 12 }} />
      <ProblemAlert error={contacts.error ?? removeError} />
      {contacts.data?.decisionChainGaps.map((gap) => (
        <Alert key={gap} type="warning" showIcon title={t(`account.gap.${gap}`)} style={{ marginBottom: 8 }} data-testid="chain-gap" />
      ))}
      {withGaps > 0 && <Alert type="warning" showIcon title={t('contact.gaps', { count: withGaps })} style={{ marginBottom: 8 }} data-testid="contact-gaps" />}
      {contacts.data && items.length === 0 && <Empty description={t('contact.empty')} />}
      {items.length > 0 && <Tree showLine defaultExpandAll selectable={false} blockNode treeData={toNodes(buildOrgTree(items))} data-testid="org-chart" />}
      {editing && <ContactModal account={account} contact={editing === 'new' ? null : editing} contacts={items} onClose={() => setEditing(null)} />}
    </Card>
  );
}

/** Adds or edits one contact. A 412 offers a reload: the form then starts again from the version just read. */
function ContactModal({ account, contact, contacts, onClose }: { account: AccountDto; contact: ContactDto | null; contacts: readonly ContactDto[]; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const current = useAccountVersion(account.id);
  const list = useContacts(account.id);
  const add = useAddContact(account.id);
  const update = useUpdateContact(account.id);
  const stale = useStaleVersion(() => Promise.all([current.refetch(), list.refetch()]));
  // After a reload, the contact as it is now (or gone).
  const latest = contact ? (list.data?.items.find((c) => c.id === contact.id) ?? contact) : null;
  return (
    <Modal
      open
      title={t(contact ? 'contact.editTitle' : 'contact.addTitle')}
      onCancel={onClose}
      footer={null}
      width={720}
      destroyOnHidden
    >
      <StaleVersionAlert state={stale} title={t('contact.stale.title')} description={t('contact.stale.body')} testId="contact-stale" style={{ marginBottom: 12 }} />
      <ContactForm
        key={stale.version}
        initial={latest}
        others={contacts.filter((c) => c.id !== contact?.id)}
        busy={add.isPending || update.isPending}
        onCancel={onClose}
        onSubmit={async (input) => {
          try {
            if (latest) await update.mutateAsync({ contactId: latest.id, body: input, etag: current.data?.etag ?? '' });
            else await add.mutateAsync(input);
          } catch (e) {
            stale.caught(e);
            throw e;
          }
          message.success(t('contact.saved'));
          onClose();
        }}
      />
    </Modal>
  );
}

function ContactForm({ initial, others, busy, onSubmit, onCancel }: { initial: ContactDto | null; others: readonly ContactDto[]; busy: boolean; onSubmit: (input: ContactInput) => Promise<void>; onCancel: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors({ form, fields: FIELDS });
  const required = { required: true, message: t('validation.required') };
  const max = (n: number) => ({ max: n, message: t('validation.max', { max: n }) });
  const submit = async (values: Values) => {
    errors.clear();
    try {
      await onSubmit(toInput(values));
    } catch (e) {
      errors.show(e);
    }
  };
  const levels = RELATIONSHIP_LEVELS.map((v) => ({ value: v, label: t(`relationship.${v}`) }));
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      data-testid="contact-form"
      initialValues={initial ? toValues(initial) : { buyingRole: 'User', attitude: 'Neutral', relationshipLevel: 'Vendor', targetRelationshipLevel: 'CredibleSource' }}
    >
      <ProblemAlert error={errors.problem} extra={errors.unplaced} />
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="name" label={t('contact.name')} rules={[{ ...required, whitespace: true }, max(200)]}>
            <Input data-testid="contact-name" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="title" label={t('contact.title')} rules={[max(200)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="buyingRole" label={t('contact.buyingRole')} rules={[required]}>
            <Select options={BUYING_ROLES.map((v) => ({ value: v, label: t(`buyingRole.${v}`) }))} data-testid="contact-buyingRole" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="attitude" label={t('contact.attitude')} rules={[required]}>
            <Select options={ATTITUDES.map((v) => ({ value: v, label: t(`attitude.${v}`) }))} data-testid="contact-attitude" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="relationshipLevel" label={t('contact.relationshipLevel')} rules={[required]}>
            <Select options={levels} data-testid="contact-relationshipLevel" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="targetRelationshipLevel" label={t('contact.targetRelationshipLevel')} rules={[required]}>
            <Select options={levels} data-testid="contact-targetRelationshipLevel" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="reportsToId" label={t('contact.reportsTo')}>
            <Select allowClear placeholder={t('contact.noReportsTo')} options={others.map((c) => ({ value: c.id, label: c.title ? `${c.name}（${c.title}）` : c.name }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="department" label={t('contact.department')} rules={[max(200)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="email" label={t('contact.email')} rules={[max(254)]}>
            <Input type="email" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="phone" label={t('contact.phone')} rules={[max(50)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="birthday" label={t('contact.birthday')}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
          </Form.Item>
        </Col>
      </Row>
      <Space>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="contact-submit">
          {t('account.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}
