import { useEffect } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';

/**
 * The browser tab's title, "page · KeyAccount" in the user's language, following the page and the language:
 * `usePageTitle('accounts.title')`, or with the record the page shows first, `usePageTitle('complaints.title', ref)`
 * ("CMP-2026-0001 · 投诉 · KeyAccount"). Put back to the app's name when the page goes.
 */
export function usePageTitle(key: MessageKey, detail?: string | null) {
  const { t } = useI18n();
  const title = pageTitle([detail, t(key)], t('app.name'));
  useEffect(() => {
    document.title = title;
  }, [title]);
  useEffect(
    () => () => {
      document.title = 'KeyAccount';
    },
    [],
  );
}

/** The parts that are set, then the app's name, joined with " · ". */
export function pageTitle(parts: readonly (string | null | undefined)[], appName: string) {
  return [...parts.filter((p): p is string => !!p && p.trim() !== ''), appName].join(' · ');
}
