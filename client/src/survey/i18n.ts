// The page's own words (the questions come translated from the server). Two languages, as invitations have.
export type Language = 'zh-CN' | 'en';

export interface Strings {
  loading: string;
  surveyTitle: string;
  required: string;
  requiredNote: string;
  submit: string;
  submitting: string;
  thanksTitle: string;
  thanksBody: string;
  closedTitle: string;
  closedBody: string;
  invalidTitle: string;
  invalidBody: string;
  rateLimited: string;
  network: string;
  serverError: string;
  retry: string;
  errorSummary: (count: number) => string;
  answerRequired: string;
  chooseOne: string;
  counter: (used: number, max: number) => string;
  closesAt: (when: string) => string;
  switchLabel: string;
  unsubscribe: string;
  unsubscribing: string;
  unsubscribed: string;
  unsubscribeFailed: string;
  scaleEnds: (low: string, lowLabel: string, high: string, highLabel: string) => string;
}

const en: Strings = {
  loading: 'Loading the survey…',
  surveyTitle: 'Survey',
  required: 'required',
  requiredNote: 'Questions marked * need an answer.',
  submit: 'Send my answers',
  submitting: 'Sending…',
  thanksTitle: 'Thank you!',
  thanksBody: 'Your answers have been received. They help us serve you better.',
  closedTitle: 'This survey has closed',
  closedBody: 'It no longer accepts answers. Thank you for your interest.',
  invalidTitle: 'This link is not valid',
  invalidBody: 'Please check that you opened the whole link from the invitation email.',
  rateLimited: 'Too many attempts. Please try again in a minute.',
  network: 'We could not reach the server. Your answers are kept: check your connection and try again.',
  serverError: 'Something went wrong on our side. Your answers are kept: please try again.',
  retry: 'Try again',
  errorSummary: (n) => (n === 1 ? 'One answer needs your attention.' : `${n} answers need your attention.`),
  answerRequired: 'Please answer this question.',
  chooseOne: 'Please choose an answer.',
  counter: (used, max) => `${used} / ${max} characters`,
  closesAt: (when) => `Open until ${when}`,
  switchLabel: '中文',
  unsubscribe: 'Stop receiving survey invitations',
  unsubscribing: 'Unsubscribing…',
  unsubscribed: 'Done: you will not receive further survey invitations.',
  unsubscribeFailed: 'We could not unsubscribe you just now. Please try again.',
  scaleEnds: (low, lowLabel, high, highLabel) => `${low} = ${lowLabel}, ${high} = ${highLabel}`,
};

const zh: Strings = {
  loading: '正在加载问卷…',
  surveyTitle: '问卷',
  required: '必答',
  requiredNote: '标有 * 的问题为必答题。',
  submit: '提交答案',
  submitting: '正在提交…',
  thanksTitle: '感谢您的反馈！',
  thanksBody: '我们已收到您的答案，这将帮助我们更好地为您服务。',
  closedTitle: '本问卷已结束',
  closedBody: '问卷已停止收集答案，感谢您的关注。',
  invalidTitle: '此链接无效',
  invalidBody: '请确认您打开的是邀请邮件中的完整链接。',
  rateLimited: '尝试次数过多，请一分钟后再试。',
  network: '无法连接服务器。您的答案已保留，请检查网络后重试。',
  serverError: '服务器出现问题。您的答案已保留，请重试。',
  retry: '重试',
  errorSummary: (n) => `有 ${n} 个问题需要您处理。`,
  answerRequired: '请回答此问题。',
  chooseOne: '请选择一个答案。',
  counter: (used, max) => `${used} / ${max} 字`,
  closesAt: (when) => `截止时间：${when}`,
  switchLabel: 'English',
  unsubscribe: '不再接收问卷邀请',
  unsubscribing: '正在退订…',
  unsubscribed: '已退订：您将不再收到问卷邀请。',
  unsubscribeFailed: '暂时无法退订，请稍后重试。',
  scaleEnds: (low, lowLabel, high, highLabel) => `${low} = ${lowLabel}，${high} = ${highLabel}`,
};

export const strings: Record<Language, Strings> = { en, 'zh-CN': zh };

/** The invitation's language as the server names it; anything Chinese is zh-CN, everything else English. */
export function toLanguage(value: string | null | undefined): Language {
  return value && /^zh/i.test(value) ? 'zh-CN' : 'en';
}

export const otherLanguage = (language: Language): Language => (language === 'en' ? 'zh-CN' : 'en');
