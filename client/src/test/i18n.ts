// The Chinese messages as a translator, for tests of functions that take one (the UI passes its own).
import type { MessageKey } from '../i18n/messages';
import { zhCN } from '../i18n/messages/zh-CN';

export const chineseT = (key: MessageKey, params?: Record<string, string | number>): string => {
  let text: string = zhCN[key];
  for (const [name, value] of Object.entries(params ?? {})) text = text.replace(`{${name}}`, String(value));
  return text;
};
