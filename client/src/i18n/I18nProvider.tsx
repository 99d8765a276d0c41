import { createContext, use, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import antdEn from 'antd/locale/en_US';
import antdZh from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { appTheme } from '../shell/theme';
import { isMessageKey, loadMessages, loadedMessages, type MessageKey, type MessageParams, type Messages } from './messages';

export type Locale = 'zh-CN' | 'en';
const STORAGE_KEY = 'keyaccount.locale';

export function initialLocale(): Locale {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  if (saved === 'en' || saved === 'zh-CN') return saved;
  const browser = typeof navigator !== 'undefined' ? navigator.language : 'en';
  return browser.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** A message in the UI's language, its `{name}` placeholders filled from `params`. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

interface I18n {
  locale: Locale;
  /** Switches language once its messages have loaded. */
  setLocale: (locale: Locale) => void;
  t: Translate;
  /** Whether a key made from a value the server sent has a message (see isMessageKey). */
  has: (key: string) => key is MessageKey;
  messages: Messages;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children, locale: forced }: { children: ReactNode; locale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(forced ?? initialLocale());
  // Loaded before the first render (main.tsx, the test setup); otherwise this suspends until they have loaded.
  const messages = loadedMessages(locale) ?? use(loadMessages(locale));
  const setLocale = useCallback((next: Locale) => {
    void loadMessages(next).then(() => {
      localStorage.setItem(STORAGE_KEY, next);
      setLocaleState(next);
    });
  }, []);
  const t = useCallback<Translate>(
    (key, params) => {
      let text = messages[key];
      if (params) for (const [name, value] of Object.entries(params)) text = text.replace(`{${name}}`, String(value));
      return text;
    },
    [messages],
  );
  const has = useCallback((key: string): key is MessageKey => isMessageKey(messages, key), [messages]);
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  // <html lang> follows the language: screen readers pronounce the page in it, the browser picks its fonts.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo(() => ({ locale, setLocale, t, has, messages }), [locale, setLocale, t, has, messages]);
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={locale === 'zh-CN' ? antdZh : antdEn} theme={appTheme}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useI18n() {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

export const useT = () => useI18n().t;
