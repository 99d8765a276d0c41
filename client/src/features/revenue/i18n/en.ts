// The revenue import screen, in English.
// Its keys are this part of MessageKey; zh-CN.ts has each of them (composed in src/i18n/messages/).
export const en = {
  'nav.revenueImport': 'Revenue import',
  'revenueImport.title': 'Import monthly revenue',
  'revenueImport.intro': 'A CSV file from the ERP, one row per account and month: it inserts new months and replaces existing ones. Every row is checked first; if one fails, nothing is written and each failing row is listed.',
  'revenueImport.columns': 'Columns (header row): registrationNumber (or accountId), month (yyyy-MM), revenue, grossProfit, orderCount, currency. UTF-8, up to 10,000 rows.',
  'revenueImport.drop': 'Click or drop a CSV file here',
  'revenueImport.file': '{name}: {rows} data rows',
  'revenueImport.send': 'Import',
  'revenueImport.another': 'Choose another file',
  'revenueImport.done': '{received} rows imported: {inserted} new months, {updated} replaced.',
  'revenueImport.failed': 'Nothing was written: {count} problems in the file.',
  'revenueImport.line': 'Line',
  'revenueImport.field': 'Column',
  'revenueImport.problem': 'Problem',
  'revenueImport.wholeFile': 'File',
};
