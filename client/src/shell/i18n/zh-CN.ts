// The app's frame: its name, the navigation, the error pages, the roles, in Simplified Chinese:
// every key of en.ts and no other, or this does not compile.
import type { Translation } from '../../i18n/messages';
import type { en } from './en';

export const zhCN: Translation<typeof en> = {
  'app.name': 'KeyAccount',
  'app.tagline': '大客户管理',
  'nav.accounts': '客户',
  'nav.reminders': '提醒',
  'nav.signOut': '退出登录',
  'nav.language': '语言',
  'nav.skipToContent': '跳到主要内容',
  'nav.main': '主导航',
  'nav.openMenu': '打开导航',
  'nav.userMenu': '用户菜单：{name}',
  'error.403.title': '无权访问',
  'error.403.body': '您的角色无权访问此页面。',
  'error.404.title': '页面不存在',
  'error.404.body': '该页面或记录不存在，或您无权查看。',
  'error.500.title': '出错了',
  'error.500.body': '请重试。如果问题持续，请联系管理员。',
  'error.home': '返回客户列表',
  'role.Admin': '系统管理员',
  'role.Director': '总监',
  'role.AccountManager': '客户经理',
  'role.ServiceAgent': '客服专员',
  'role.QualityManager': '质量经理',
  'role.Marketing': '市场',
  'home.noCapability': '当前版本暂无适用于您角色的页面，更多功能即将上线。',
  'nav.tiering': '客户分级',
  'nav.portfolio': '客户组合',
  'nav.complaints': '客户投诉',
  'nav.plans': '客户发展计划',
  'nav.surveys': '满意度调查',
};
