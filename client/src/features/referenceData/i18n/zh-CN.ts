// 基础数据列表（行业、区域、客户类型）及其管理页面，简体中文。
import type { Translation } from '../../../i18n/messages';
import type { en } from './en';

export const zhCN: Translation<typeof en> = {
  'nav.referenceData': '基础数据',
  'referenceData.title': '基础数据',
  'referenceData.intro': '客户归属的行业、区域和客户类型。客户记录保存编码，每位用户按自己的语言看到名称。停用的条目仍保留在已使用它的客户上，但不再可选。',
  'referenceData.kind.Industry': '行业',
  'referenceData.kind.Region': '区域',
  'referenceData.kind.Segment': '客户类型',
  'referenceData.code': '编码',
  'referenceData.codeHelp': '字母、数字和连字符，例如 east-china。创建后不可更改。',
  'referenceData.labelZh': '中文名称',
  'referenceData.labelEn': '英文名称',
  'referenceData.sortOrder': '排序',
  'referenceData.state': '状态',
  'referenceData.active': '启用',
  'referenceData.inactive': '已停用',
  'referenceData.add': '新增条目',
  'referenceData.edit': '编辑',
  'referenceData.deactivate': '停用',
  'referenceData.reactivate': '重新启用',
  'referenceData.save': '保存',
  'referenceData.cancel': '取消',
  'referenceData.newTitle': '新增{kind}条目',
  'referenceData.editTitle': '编辑 {code}',
  'referenceData.saved': '已保存。',
  'referenceData.invalidCode': '只能包含字母、数字，以及字母数字之间的单个连字符。',
};
