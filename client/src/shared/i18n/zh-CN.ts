// Words every part of the UI uses: common words and actions, form validation, the tiers, in Simplified Chinese:
// every key of en.ts and no other, or this does not compile.
import type { Translation } from '../../i18n/messages';
import type { en } from './en';

export const zhCN: Translation<typeof en> = {
  'common.reset': '重置',
  'common.pagination': '分页',
  'common.cancel': '取消',
  'common.reload': '重新加载',
  'validation.required': '必填',
  'validation.max': '最多 {max} 个字符',
  'validation.fit': '1 到 5 之间',
  'validation.amount': '不能为负数',
  'validation.currency': '三位大写字母，例如 CNY',
  'validation.registration': '只能包含字母、数字、空格及 . / -',
  'common.loading': '加载中…',
  'common.all': '全部',
  'common.none': '—',
  'tier.Strategic': '战略客户',
  'tier.Key': '重点客户',
  'tier.Growth': '成长客户',
  'tier.Standard': '普通客户',
  'common.yes': '是',
  'common.no': '否',
  'export.button': '导出',
  'export.busy': '正在导出…',
  'export.csv': 'CSV（UTF-8，可用 Excel 打开）',
  'export.xlsx': 'Excel 工作簿（.xlsx）',
  'export.failed': '导出失败。{detail}',
};
