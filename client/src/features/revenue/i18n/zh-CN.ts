// The revenue import screen, in Simplified Chinese:
// every key of en.ts and no other, or this does not compile.
import type { Translation } from '../../../i18n/messages';
import type { en } from './en';

export const zhCN: Translation<typeof en> = {
  'nav.revenueImport': '收入导入',
  'revenueImport.title': '导入月度收入',
  'revenueImport.intro': '来自 ERP 的 CSV 文件，每行对应一个客户的一个月：新月份将新增，已有月份将被替换。所有行会先逐一校验；任何一行有误则不写入任何数据，并列出每个出错的行。',
  'revenueImport.columns': '列（首行为表头）：registrationNumber（或 accountId）、month（yyyy-MM）、revenue、grossProfit、orderCount、currency。UTF-8 编码，最多 10,000 行。',
  'revenueImport.drop': '点击或拖放 CSV 文件到此处',
  'revenueImport.file': '{name}：{rows} 行数据',
  'revenueImport.send': '导入',
  'revenueImport.another': '选择其他文件',
  'revenueImport.done': '已导入 {received} 行：新增 {inserted} 个月，替换 {updated} 个月。',
  'revenueImport.failed': '未写入任何数据：文件中有 {count} 处问题。',
  'revenueImport.line': '行号',
  'revenueImport.field': '列',
  'revenueImport.problem': '问题',
  'revenueImport.wholeFile': '文件',
};
