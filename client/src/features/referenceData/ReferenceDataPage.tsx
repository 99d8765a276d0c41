import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Modal, Space, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/I18nProvider';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useFormErrors } from '../../shared/useFormErrors';
import { REFERENCE_KINDS, useReferenceItems, type ReferenceItemDto, type ReferenceKind } from '../../shared/referenceData';
import { useCreateReferenceItem, useUpdateReferenceItem } from './referenceDataApi';
import { PageTitle } from '../../shell/PageTitle';
import { usePageTitle } from '../../shell/usePageTitle';
import { ResponsiveTable } from '../../shared/ResponsiveTable';

const CODE = /^\s*[A-Za-z0-9]+(-[A-Za-z0-9]+)*\s*$/;

interface EntryValues {
  code: string;
  labelZh: string;
  labelEn: string;
  sortOrder: number;
}

/** The Admin's page over the managed lists: one tab per list, add, relabel, reorder, deactivate. */
export default function ReferenceDataPage() {
  const { t } = useI18n();
  usePageTitle('referenceData.title');
  const { message } = App.useApp();
  const { data, isLoading, error } = useReferenceItems();
  const [kind, setKind] = useState<ReferenceKind>('Industry');
  const [editing, setEditing] = useState<ReferenceItemDto | 'new' | null>(null);
  const update = useUpdateReferenceItem();

  const rows = (data ?? []).filter((i) => i.kind === kind).sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
  const toggle = (item: ReferenceItemDto) =>
    update.mutate(
      { kind: item.kind, code: item.code, version: item.version, body: { labelZh: item.labelZh, labelEn: item.labelEn, sortOrder: item.sortOrder, isActive: !item.isActive } },
      { onSuccess: () => void message.success(t('referenceData.saved')) },
    );

  return (
    <Card
      title={<PageTitle style={{ margin: 0 }}>{t('referenceData.title')}</PageTitle>}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="reference-add">
          {t('referenceData.add')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('referenceData.intro')}</Typography.Paragraph>
      <ProblemAlert error={error ?? update.error} />
      <Tabs
        activeKey={kind}
        onChange={(k) => setKind(k as ReferenceKind)}
        items={REFERENCE_KINDS.map((k) => ({ key: k, label: t(`referenceData.kind.${k}`) }))}
      />
      <ResponsiveTable<ReferenceItemDto>
        rowKey="code"
        size="middle"
        loading={isLoading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t('referenceData.sortOrder'), dataIndex: 'sortOrder', width: 80 },
          { title: t('referenceData.code'), dataIndex: 'code', render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
          { title: t('referenceData.labelZh'), dataIndex: 'labelZh' },
          { title: t('referenceData.labelEn'), dataIndex: 'labelEn' },
          {
            title: t('referenceData.state'),
            dataIndex: 'isActive',
            render: (active: boolean) => (active ? <Tag color="green">{t('referenceData.active')}</Tag> : <Tag>{t('referenceData.inactive')}</Tag>),
          },
          {
            title: '',
            key: 'actions',
            render: (_, item) => (
              <Space>
                <Button size="small" onClick={() => setEditing(item)} data-testid={`reference-edit-${item.code}`}>
                  {t('referenceData.edit')}
                </Button>
                <Button size="small" danger={item.isActive} loading={update.isPending && update.variables?.code === item.code} onClick={() => toggle(item)}>
                  {item.isActive ? t('referenceData.deactivate') : t('referenceData.reactivate')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing && <EntryDialog kind={kind} item={editing === 'new' ? null : editing} nextOrder={(rows.at(-1)?.sortOrder ?? 0) + 10} onClose={() => setEditing(null)} />}
    </Card>
  );
}

function EntryDialog({ kind, item, nextOrder, onClose }: { kind: ReferenceKind; item: ReferenceItemDto | null; nextOrder: number; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<EntryValues>();
  const create = useCreateReferenceItem();
  const update = useUpdateReferenceItem();
  const errors = useFormErrors({ form, fields: ['code', 'labelZh', 'labelEn', 'sortOrder'] });
  const required = { required: true, whitespace: true, message: t('validation.required') };
  const max = (n: number) => ({ max: n, message: t('validation.max', { max: n }) });

  const submit = async (values: EntryValues) => {
    errors.clear();
    const fields = { labelZh: values.labelZh.trim(), labelEn: values.labelEn.trim(), sortOrder: values.sortOrder };
    try {
      if (item) await update.mutateAsync({ kind: item.kind, code: item.code, version: item.version, body: { ...fields, isActive: item.isActive } });
      else await create.mutateAsync({ kind, body: { ...fields, code: values.code.trim(), isActive: true } });
      void message.success(t('referenceData.saved'));
      onClose();
    } catch (e) {
      errors.show(e);
    }
  };

  return (
    <Modal
      open
      title={item ? t('referenceData.editTitle', { code: item.code }) : t('referenceData.newTitle', { kind: t(`referenceData.kind.${kind}`) })}
      okText={t('referenceData.save')}
      cancelText={t('referenceData.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ProblemAlert error={errors.problem} extra={errors.unplaced} />
      <Form<EntryValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={item ? { code: item.code, labelZh: item.labelZh, labelEn: item.labelEn, sortOrder: item.sortOrder } : { sortOrder: nextOrder }}
      >
        <Form.Item name="code" label={t('referenceData.code')} extra={t('referenceData.codeHelp')} rules={item ? [] : [required, max(50), { pattern: CODE, message: t('referenceData.invalidCode') }]}>
          <Input disabled={!!item} data-testid="reference-code" />
        </Form.Item>
        <Form.Item name="labelZh" label={t('referenceData.labelZh')} rules={[required, max(100)]}>
          <Input data-testid="reference-label-zh" />
        </Form.Item>
        <Form.Item name="labelEn" label={t('referenceData.labelEn')} rules={[required, max(100)]}>
          <Input data-testid="reference-label-en" />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('referenceData.sortOrder')} rules={[{ required: true, message: t('validation.required') }, { type: 'integer', min: 0, max: 100000, message: t('validation.max', { max: 100000 }) }]}>
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
