// Words every part of the UI uses: common words and actions, form validation, the tiers, in English.
// Its keys are this part of MessageKey; zh-CN.ts has each of them (composed in src/i18n/messages/).
export const en = {
  'common.reset': 'Reset',
  'common.cancel': 'Cancel',
  'common.reload': 'Reload',
  'validation.required': 'Required',
  'validation.max': 'At most {max} characters',
  'validation.fit': 'Between 1 and 5',
  'validation.amount': 'Zero or more',
  'validation.currency': 'Three capital letters, e.g. CNY',
  'validation.registration': 'Letters, digits, spaces, . / -',
  'common.loading': 'Loading…',
  'common.all': 'All',
  'common.none': '—',
  'tier.Strategic': 'Strategic',
  'tier.Key': 'Key',
  'tier.Growth': 'Growth',
  'tier.Standard': 'Standard',
  'common.yes': 'Yes',
  'common.no': 'No',
};
