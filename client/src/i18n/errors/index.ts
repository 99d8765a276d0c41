// The error messages of each language the UI speaks (see catalogue.ts). Both are small and the login page needs the
// current one, so they load with the app.
import type { Locale } from '../I18nProvider';
import type { ErrorCatalogue } from './catalogue';
import { en } from './en';
import { zhCN } from './zh-CN';

export const errorCatalogues: Record<Locale, ErrorCatalogue> = { en, 'zh-CN': zhCN };
