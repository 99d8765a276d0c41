// The UI's messages: one dictionary per language, composed of the parts' dictionaries (each feature, the shell and
// the shared words keep theirs in an i18n/ folder beside their code: en.ts and zh-CN.ts). The keys are typed: a key
// used without a message, or missing in a language, does not compile.
//
// A language's dictionary loads on demand, once: the login page's JavaScript carries neither, and a user downloads
// only the language they read (main.tsx loads it before the first render; switching languages loads the other).
import type { Locale } from '../I18nProvider';
import type { en } from './en';

/** Every message key. */
export type MessageKey = keyof typeof en;

/** One language's text for every key of `T`: a part's English dictionary, or all of them. */
export type Translation<T> = { readonly [K in keyof T]: string };

/** One language's dictionary. */
export type Messages = Translation<typeof en>;

/** Fills `{name}` placeholders. */
export type MessageParams = Record<string, string | number>;

const loaded: Partial<Record<Locale, Messages>> = {};
const loading: Partial<Record<Locale, Promise<Messages>>> = {};

/** The dictionary of `locale`, loaded once (a failed load is tried again next time). */
export function loadMessages(locale: Locale): Promise<Messages> {
  loading[locale] ??= (locale === 'zh-CN' ? import('./zh-CN').then((m) => m.zhCN) : import('./en').then((m) => m.en)).then(
    (messages) => (loaded[locale] = messages),
    (error: unknown) => {
      delete loading[locale];
      throw error;
    },
  );
  return loading[locale];
}

/** The dictionary of `locale` if it has loaded. */
export const loadedMessages = (locale: Locale): Messages | undefined => loaded[locale];

/**
 * Whether a key made from a value the server sent (an enum value in a problem's arguments, a metrics group) has a
 * message. Keys made from typed values need no check: `tier.${tier}` with `tier: Tier` is a MessageKey already.
 */
export function isMessageKey(messages: Messages, key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(messages, key);
}
