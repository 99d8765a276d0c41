// What the surveys pages share that is not drawn: the enums in the order the UI lists them, Beijing wall time for the
// campaign dates, the template builder's editable questions and how they become the API's input, and the phone form's
// answers. No score, group or audience rule lives here: those are the server's (SurveyScores, the audience SQL).
import { formatDateTime } from '../../shared/format';
import dayjs, { type Dayjs } from 'dayjs';
import type { Locale } from '../../i18n/I18nProvider';
import type {
  BuyingRole,
  FollowUpStatus,
  LocalizedText,
  QuestionType,
  SkipReason,
  SlaState,
  SurveyAnswerInput,
  SurveyCampaignStatus,
  SurveyInvitationStatus,
  SurveyQuestionDto,
  SurveyQuestionInput,
  SurveyRecurrence,
  SurveyTemplateStatus,
} from './surveysApi';

export const CAMPAIGN_STATUSES: readonly SurveyCampaignStatus[] = ['Draft', 'Scheduled', 'Open', 'Closed'];
export const TEMPLATE_STATUSES: readonly SurveyTemplateStatus[] = ['Draft', 'Published', 'Retired'];
export const INVITATION_STATUSES: readonly SurveyInvitationStatus[] = ['Pending', 'Sent', 'Responded', 'Expired', 'Failed', 'Unsubscribed'];
export const SKIP_REASONS: readonly SkipReason[] = ['NoEmail', 'Unsubscribed', 'RecentlyInvited', 'AccountLimit', 'OverCap', 'InactiveAccount'];
export const QUESTION_TYPES: readonly QuestionType[] = ['Nps', 'Rating', 'SingleChoice', 'MultiChoice', 'Text'];
export const RECURRENCES: readonly SurveyRecurrence[] = ['TwiceYearly', 'None'];
export const FOLLOW_UP_STATUSES: readonly FollowUpStatus[] = ['Open', 'Closed'];
export const SLA_STATES: readonly SlaState[] = ['OnTime', 'AtRisk', 'Breached'];
/** The buying roles in the order the audience picks contacts (the server's priority). */
export const BUYING_ROLES: readonly BuyingRole[] = ['DecisionMaker', 'Champion', 'Influencer', 'User', 'Gatekeeper'];
export const LANGUAGES = ['zh-CN', 'en'] as const;

/** The text of a localized pair in the UI's language. */
export const localized = (text: LocalizedText | null | undefined, locale: Locale) => (text ? (locale === 'zh-CN' ? text.zh : text.en) : '');

// Beijing time ---------------------------------------------------------------------------------------------------------
// Campaigns open and close at Beijing wall times whatever the browser's zone: the pickers show Beijing time, and what
// is sent carries +08:00 (China has no daylight saving time).

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** An instant as the picker's value: its Beijing wall time. */
export function toBeijingPicker(iso: string | null | undefined): Dayjs | undefined {
  if (!iso) return undefined;
  const wall = new Date(Date.parse(iso) + BEIJING_OFFSET_MS);
  return dayjs(new Date(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate(), wall.getUTCHours(), wall.getUTCMinutes()));
}

/** The picker's Beijing wall time as an ISO instant with +08:00. */
export const fromBeijingPicker = (value: Dayjs) => `${value.format('YYYY-MM-DDTHH:mm')}:00+08:00`;

/** An instant in Beijing time, for people: "2027年3月1日 09:00". */
export const formatBeijing = (locale: string, iso: string | null | undefined) => formatDateTime(locale, iso);

// The template builder -------------------------------------------------------------------------------------------------

export interface ChoiceDraft {
  key: string;
  label: LocalizedText;
}

/** A question as the builder edits it (its id kept across edits and versions; `uid` keys the row before it has one). */
export interface QuestionDraft {
  uid: string;
  id?: string;
  type: QuestionType;
  required: boolean;
  text: LocalizedText;
  lowLabel?: LocalizedText;
  highLabel?: LocalizedText;
  choices: ChoiceDraft[];
  maxLength?: number;
}

let counter = 0;
const nextUid = () => `q${++counter}`;

export const hasScale = (type: QuestionType) => type === 'Nps' || type === 'Rating';
export const hasChoices = (type: QuestionType) => type === 'SingleChoice' || type === 'MultiChoice';

const emptyText = (): LocalizedText => ({ zh: '', en: '' });

export function newQuestion(type: QuestionType): QuestionDraft {
  return {
    uid: nextUid(),
    type,
    required: type !== 'Text',
    text: emptyText(),
    lowLabel: hasScale(type) ? emptyText() : undefined,
    highLabel: hasScale(type) ? emptyText() : undefined,
    choices: hasChoices(type) ? [{ key: 'a', label: emptyText() }, { key: 'b', label: emptyText() }] : [],
    maxLength: type === 'Text' ? 2000 : undefined,
  };
}

export function fromQuestionDto(q: SurveyQuestionDto): QuestionDraft {
  return {
    uid: nextUid(),
    id: q.id,
    type: q.type,
    required: q.required,
    text: { ...q.text },
    lowLabel: q.lowLabel ? { ...q.lowLabel } : hasScale(q.type) ? emptyText() : undefined,
    highLabel: q.highLabel ? { ...q.highLabel } : hasScale(q.type) ? emptyText() : undefined,
    choices: q.choices.map((c) => ({ key: c.key, label: { ...c.label } })),
    maxLength: q.maxLength ?? undefined,
  };
}

/** A type change keeps the question's texts and drops what the new type does not have. */
export function changeType(q: QuestionDraft, type: QuestionType): QuestionDraft {
  const fresh = newQuestion(type);
  return {
    ...q,
    type,
    lowLabel: hasScale(type) ? (q.lowLabel ?? fresh.lowLabel) : undefined,
    highLabel: hasScale(type) ? (q.highLabel ?? fresh.highLabel) : undefined,
    choices: hasChoices(type) ? (q.choices.length ? q.choices : fresh.choices) : [],
    maxLength: type === 'Text' ? (q.maxLength ?? 2000) : undefined,
  };
}

/** Moves the question at `index` one place up (-1) or down (+1); the same list when it cannot move. */
export function move<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/** A scale label left empty in both languages is no label (the server requires both languages of a label given). */
const optionalText = (text: LocalizedText | undefined) => (text && (text.zh.trim() || text.en.trim()) ? { zh: text.zh.trim(), en: text.en.trim() } : null);

/** The API's input of the builder's questions, in their order (positions are the order). */
export function toQuestionInputs(questions: readonly QuestionDraft[]): SurveyQuestionInput[] {
  return questions.map((q) => ({
    id: q.id ?? null,
    type: q.type,
    required: q.required,
    text: { zh: q.text.zh.trim(), en: q.text.en.trim() },
    lowLabel: hasScale(q.type) ? optionalText(q.lowLabel) : null,
    highLabel: hasScale(q.type) ? optionalText(q.highLabel) : null,
    choices: hasChoices(q.type) ? q.choices.map((c) => ({ key: c.key.trim(), label: { zh: c.label.zh.trim(), en: c.label.en.trim() } })) : null,
    maxLength: q.type === 'Text' ? (q.maxLength ?? null) : null,
  }));
}

/** The field path of a 400's error ("questions[2].choices[0].key") as [question index, rest], or null for a template field. */
export function questionErrorPath(path: string): { index: number; rest: string } | null {
  const m = /^questions\[(\d+)\](?:\.(.*))?$/.exec(path);
  return m ? { index: Number(m[1]), rest: m[2] ?? '' } : null;
}

// The phone form -------------------------------------------------------------------------------------------------------

export interface AnswerDraft {
  number?: number;
  choices?: string[];
  text?: string;
}

/** Whether a question has an answer in the form (a blank text is none). */
export function isAnswered(type: QuestionType, draft: AnswerDraft | undefined) {
  if (!draft) return false;
  if (hasScale(type)) return typeof draft.number === 'number';
  if (hasChoices(type)) return (draft.choices?.length ?? 0) > 0;
  return (draft.text ?? '').trim().length > 0;
}

/** The body's answers in the questions' order, one per answered question (the answer rule itself is the server's). */
export function toAnswerInputs(questions: readonly SurveyQuestionDto[], drafts: Record<string, AnswerDraft>): SurveyAnswerInput[] {
  const answers: SurveyAnswerInput[] = [];
  for (const q of [...questions].sort((a, b) => a.position - b.position)) {
    const draft = drafts[q.id];
    if (!isAnswered(q.type, draft)) continue;
    if (hasScale(q.type)) answers.push({ questionId: q.id, number: draft!.number });
    else if (hasChoices(q.type)) answers.push({ questionId: q.id, choices: [...draft!.choices!] });
    else answers.push({ questionId: q.id, text: draft!.text!.trim() });
  }
  return answers;
}

/** The required questions the form leaves without an answer (said before sending; the server checks again). */
export const missingRequired = (questions: readonly SurveyQuestionDto[], drafts: Record<string, AnswerDraft>) =>
  questions.filter((q) => q.required && !isAnswered(q.type, drafts[q.id])).map((q) => q.id);

/** A 400's `answers[i].…` errors by the question of the i-th answer sent; the others (e.g. `answers`, `contactId`) apart. */
export function placeAnswerErrors(errors: Record<string, string[]>, sent: readonly SurveyAnswerInput[]) {
  const byQuestion: Record<string, string[]> = {};
  const general: string[] = [];
  for (const [key, messages] of Object.entries(errors)) {
    const m = /^answers\[(\d+)\]/.exec(key);
    const questionId = m ? sent[Number(m[1])]?.questionId : undefined;
    if (questionId) byQuestion[questionId] = [...(byQuestion[questionId] ?? []), ...messages];
    else general.push(...messages);
  }
  return { byQuestion, general };
}

/** The numbers of a scale question: NPS 0–10, rating 1–5. */
export const scaleValues = (type: QuestionType) => (type === 'Nps' ? Array.from({ length: 11 }, (_, i) => i) : [1, 2, 3, 4, 5]);
