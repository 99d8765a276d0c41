import { App as AntApp, Button, Card, Col, DatePicker, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useFormErrors } from '../../shared/useFormErrors';
import { useContacts } from '../accounts/accountsApi';
import { AccountPicker } from '../accounts/AccountPicker';
import { CATEGORIES, CHANNELS, SEVERITIES } from './model';
import { useFileComplaint, type ComplaintCategory, type ComplaintChannel, type Severity } from './complaintsApi';
import { PageTitle } from '../../shell/PageTitle';
import { usePageTitle } from '../../shell/usePageTitle';

interface Values {
  accountId: string;
  contactId?: string;
  channel: ComplaintChannel;
  category: ComplaintCategory;
  severity: Severity;
  subject: string;
  description: string;
  requestedRemedy?: string;
  receivedAt: Dayjs;
}

const FIELDS = ['accountId', 'contactId', 'channel', 'category', 'severity', 'subject', 'description', 'requestedRemedy', 'receivedAt'];

/** The contacts of the chosen account; optional. */
function ContactPicker({ accountId, value, onChange, id }: { accountId: string; value?: string; onChange?: (id: string | undefined) => void; id?: string }) {
  const { t } = useI18n();
  const contacts = useContacts(accountId);
  return (
    <Select
      id={id}
      allowClear
      value={value}
      data-testid="intake-contact"
      placeholder={t('complaints.intake.contactPlaceholder')}
      loading={contacts.isLoading}
      options={(contacts.data?.items ?? []).map((c) => ({ value: c.id, label: c.title ? `${c.name} · ${c.title}` : c.name }))}
      onChange={onChange}
    />
  );
}

/** Intake: who complained, how, what happened in their words and what they ask for (ISO 10002). */
export default function ComplaintIntakePage() {
  usePageTitle('complaints.intake.title');
  const { t } = useI18n();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const accountId = Form.useWatch('accountId', form);
  // Filed from an account's Complaints tab: `?accountId=` fills the account in (the user may still change it).
  const [params] = useSearchParams();
  const prefilled = params.get('accountId') || undefined;
  const errors = useFormErrors({ form, fields: FIELDS });
  // One Idempotency-Key per complaint being filed: a double click or a retry after a lost answer files it once.
  const file = useFileComplaint();

  const submit = async (values: Values) => {
    errors.clear();
    try {
      const created = await file.mutateAsync({
        accountId: values.accountId,
        contactId: values.contactId ?? null,
        channel: values.channel,
        category: values.category,
        severity: values.severity,
        subject: values.subject.trim(),
        description: values.description.trim(),
        requestedRemedy: values.requestedRemedy?.trim() || null,
        // An instant with its offset (UTC): the API refuses a local time without one.
        receivedAt: values.receivedAt.toISOString(),
      });
      message.success(t('complaints.intake.filed', { reference: created.reference }));
      navigate(`/complaints/${created.id}`);
    } catch (e) {
      // 400: invalid fields; 409: a business rule (e.g. received in the future), also named by field.
      errors.show(e);
    }
  };

  const required = (message: MessageKey) => ({ required: true, whitespace: true, message: t(message) });
  return (
    <Card title={<PageTitle>{t('complaints.intake.title')}</PageTitle>}>
      <Typography.Paragraph type="secondary">{t('complaints.intake.help')}</Typography.Paragraph>
      <ProblemAlert error={errors.problem} extra={errors.unplaced} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ channel: 'Phone', receivedAt: dayjs(), accountId: prefilled }}
        data-testid="intake-form"
        onValuesChange={(changed) => {
          if ('accountId' in changed) form.setFieldValue('contactId', undefined);
        }}
      >
        <Row gutter={32}>
          <Col xs={24} lg={10}>
            <Form.Item name="accountId" label={t('complaint.account')} rules={[{ required: true, message: t('complaints.intake.required.account') }]}>
              <AccountPicker />
            </Form.Item>
            <Form.Item name="contactId" label={t('complaint.contact')} extra={!accountId ? t('complaints.intake.contactFirst') : undefined}>
              {accountId ? <ContactPicker accountId={accountId} /> : <Select disabled placeholder={t('complaints.intake.contactPlaceholder')} />}
            </Form.Item>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="channel" label={t('complaint.channel')} rules={[{ required: true, message: t('validation.required') }]}>
                  <Select data-testid="intake-channel" options={CHANNELS.map((v) => ({ value: v, label: t(`complaint.channel.${v}`) }))} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="category" label={t('complaint.category')} rules={[{ required: true, message: t('complaints.intake.required.category') }]}>
                  <Select
                    data-testid="intake-category"
                    placeholder={t('complaints.intake.categoryPlaceholder')}
                    options={CATEGORIES.map((v) => ({ value: v, label: t(`complaint.category.${v}`) }))}
                  />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item
              name="severity"
              label={t('complaint.severity')}
              rules={[{ required: true, message: t('complaints.intake.required.severity') }]}
              extra={t('complaints.intake.severityHelp')}
            >
              <Radio.Group
                optionType="button"
                data-testid="intake-severity"
                options={SEVERITIES.map((v) => ({ value: v, label: t(`complaint.severity.${v}`) }))}
              />
            </Form.Item>
            <Form.Item
              name="receivedAt"
              label={t('complaint.receivedAt')}
              extra={t('complaints.intake.receivedHelp')}
              rules={[
                { required: true, message: t('validation.required') },
                { validator: (_, v: Dayjs | null) => (!v || !v.isAfter(dayjs().add(5, 'minute')) ? Promise.resolve() : Promise.reject(new Error(t('complaints.intake.receivedFuture')))) },
              ]}
            >
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={14}>
            <Form.Item name="subject" label={t('complaint.subject')} rules={[required('complaints.intake.required.subject'), { max: 300, message: t('validation.max', { max: 300 }) }]}>
              <Input placeholder={t('complaints.intake.subjectPlaceholder')} maxLength={300} />
            </Form.Item>
            <Form.Item
              name="description"
              label={t('complaint.description')}
              rules={[required('complaints.intake.required.description'), { max: 8000, message: t('validation.max', { max: 8000 }) }]}
            >
              <Input.TextArea rows={7} placeholder={t('complaints.intake.descriptionPlaceholder')} />
            </Form.Item>
            <Form.Item name="requestedRemedy" label={t('complaint.requestedRemedy')} rules={[{ max: 2000, message: t('validation.max', { max: 2000 }) }]}>
              <Input.TextArea rows={3} placeholder={t('complaints.intake.remedyPlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        <Space>
          <Button type="primary" htmlType="submit" loading={file.isPending} data-testid="intake-submit">
            {t('complaints.intake.submit')}
          </Button>
          <Button onClick={() => navigate('/complaints')}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
