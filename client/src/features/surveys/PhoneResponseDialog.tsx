// Recording a contact's answers taken by phone (surveys:respond): the template version's questions, the required ones
// pointed out before sending, sent once (Idempotency-Key) to the campaign's phone endpoint; the server's answer rule
// errors land on their questions.
import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { App, Modal, Spin, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { ApiProblem } from '../../shared/problem';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useProblemText } from '../../shared/problemText';
import { QuestionInput } from './QuestionInput';
import { missingRequired, placeAnswerErrors, toAnswerInputs, type AnswerDraft } from './model';
import { useRecordPhoneResponse, useTemplate, type SurveyCampaignDto } from './surveysApi';

export function PhoneResponseDialog({ campaign, callee, onDone }: { campaign: SurveyCampaignDto; callee: { contactId: string; contactName: string; accountName: string }; onDone: () => void }) {
  const { t } = useI18n();
  const text = useProblemText();
  const { message } = App.useApp();
  const template = useTemplate(campaign.templateId);
  const record = useRecordPhoneResponse(campaign.id);
  const [drafts, setDrafts] = useState<Record<string, AnswerDraft>>({});
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [problem, setProblem] = useState<unknown>(null);
  const questions = [...(template.data?.data.questions ?? [])].sort((a, b) => a.position - b.position);

  const submit = async () => {
    const missing = missingRequired(questions, drafts);
    setProblem(null);
    setGeneral([]);
    if (missing.length > 0) {
      setErrors(Object.fromEntries(missing.map((id) => [id, [t('surveys.phone.answerRequired')]])));
      return;
    }
    setErrors({});
    const answers = toAnswerInputs(questions, drafts);
    try {
      await record.mutateAsync({ contactId: callee.contactId, answers });
      void message.success(t('surveys.phone.recorded', { contact: callee.contactName }));
      onDone();
    } catch (e) {
      if (e instanceof ApiProblem && Object.keys(e.errors).length > 0) {
        const translated = Object.fromEntries(Object.entries(e.errors).map(([path, list]) => [path, list.map((err) => text.field(err, path))]));
        const placed = placeAnswerErrors(translated, answers);
        setErrors(placed.byQuestion);
        setGeneral(Object.entries(e.errors).filter(([path]) => !/^answers\[\d+\]/.test(path)).flatMap(([path, list]) => list.map((err) => text.labelled(path, text.field(err, path)))));
      }
      setProblem(e);
    }
  };

  return (
    <Modal
      open
      width={720}
      title={t('surveys.phone.title', { contact: callee.contactName, account: callee.accountName })}
      okText={t('surveys.phone.submit')}
      okButtonProps={{ loading: record.isPending, disabled: !template.data, 'data-testid': 'phone-submit' } as ButtonProps}
      onOk={() => void submit()}
      onCancel={onDone}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('surveys.phone.help')}</Typography.Paragraph>
      <ProblemAlert error={problem ?? template.error} extra={problem ? general : undefined} />
      {template.isLoading ? (
        <Spin />
      ) : (
        <div data-testid="phone-form">
          {questions.map((q) => (
            <QuestionInput key={q.id} question={q} value={drafts[q.id]} errors={errors[q.id]} onChange={(next) => setDrafts((prev) => ({ ...prev, [q.id]: next }))} />
          ))}
        </div>
      )}
    </Modal>
  );
}
