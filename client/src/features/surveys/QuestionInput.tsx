// One question as a respondent answers it, by the public page's rules: NPS 0–10 and rating 1–5 as a row of numbers
// with the ends' labels, a single choice as radio buttons, several choices as checkboxes, text as a text area with its
// longest length. Used by the phone form (the agent reads the question and marks the contact's answer).
import { Checkbox, Input, Radio, Space, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { hasScale, localized, scaleValues, type AnswerDraft } from './model';
import type { SurveyQuestionDto } from './surveysApi';

export function QuestionInput({ question: q, value, onChange, errors }: { question: SurveyQuestionDto; value: AnswerDraft | undefined; onChange: (next: AnswerDraft) => void; errors?: string[] }) {
  const { t, locale } = useI18n();
  const labelId = `question-${q.id}`;
  const invalid = (errors?.length ?? 0) > 0;
  return (
    <fieldset
      data-testid="phone-question"
      data-type={q.type}
      aria-labelledby={labelId}
      aria-invalid={invalid || undefined}
      style={{ border: 0, padding: 0, margin: '0 0 20px', minWidth: 0 }}
    >
      <legend id={labelId} style={{ fontWeight: 600, fontSize: 14, marginBottom: 8 }}>
        {q.position}. {localized(q.text, locale)}
        {q.required ? <span aria-hidden="true" style={{ color: '#cf1322' }}> *</span> : <Typography.Text type="secondary"> ({t('surveys.question.optional')})</Typography.Text>}
        {q.required && <span className="sr-only" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>{t('surveys.question.required')}</span>}
      </legend>
      {hasScale(q.type) && (
        <>
          <Radio.Group
            optionType="button"
            value={value?.number}
            onChange={(e) => onChange({ number: e.target.value as number })}
            options={scaleValues(q.type).map((n) => ({ value: n, label: String(n) }))}
            aria-labelledby={labelId}
          />
          {(q.lowLabel || q.highLabel) && (
            <div style={{ display: 'flex', justifyContent: 'space-between', maxWidth: q.type === 'Nps' ? 460 : 220, marginTop: 4 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{scaleValues(q.type)[0]} = {localized(q.lowLabel, locale)}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{scaleValues(q.type).at(-1)} = {localized(q.highLabel, locale)}</Typography.Text>
            </div>
          )}
        </>
      )}
      {q.type === 'SingleChoice' && (
        <Radio.Group value={value?.choices?.[0]} onChange={(e) => onChange({ choices: [e.target.value as string] })}>
          <Space orientation="vertical">
            {q.choices.map((c) => (
              <Radio key={c.key} value={c.key}>{localized(c.label, locale)}</Radio>
            ))}
          </Space>
        </Radio.Group>
      )}
      {q.type === 'MultiChoice' && (
        <Checkbox.Group value={value?.choices ?? []} onChange={(v) => onChange({ choices: v as string[] })}>
          <Space orientation="vertical">
            {q.choices.map((c) => (
              <Checkbox key={c.key} value={c.key}>{localized(c.label, locale)}</Checkbox>
            ))}
          </Space>
        </Checkbox.Group>
      )}
      {q.type === 'Text' && (
        <Input.TextArea rows={3} value={value?.text ?? ''} maxLength={q.maxLength ?? undefined} showCount={!!q.maxLength} aria-labelledby={labelId} onChange={(e) => onChange({ text: e.target.value })} />
      )}
      {errors?.map((message) => (
        <Typography.Text key={message} type="danger" role="alert" style={{ display: 'block', marginTop: 4 }}>
          {message}
        </Typography.Text>
      ))}
    </fieldset>
  );
}
