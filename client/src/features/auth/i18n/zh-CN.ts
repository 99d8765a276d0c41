// Signing in, in Simplified Chinese:
// every key of en.ts and no other, or this does not compile.
import type { Translation } from '../../../i18n/messages';
import type { en } from './en';

export const zhCN: Translation<typeof en> = {
  'login.title': '登录 KeyAccount',
  'login.email': '邮箱',
  'login.password': '密码',
  'login.submit': '登录',
  'login.expired': '登录已过期，请重新登录。',
  'login.required.email': '请输入邮箱',
  'login.required.password': '请输入密码',
};
