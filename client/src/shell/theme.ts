import type { ThemeConfig } from 'antd';

/**
 * The antd theme: the brand colour, and text colours that meet WCAG AA contrast (4.5:1) on the backgrounds they are
 * drawn on. antd's defaults do not: secondary text (45 % black, 3.4:1 on white), and the text of coloured tags,
 * which antd draws in each palette's 7th shade on its 1st (green, gold, orange, cyan, lime, yellow, volcano fall to
 * 2.9–4.3:1) or in the status colours (#52c41a, #faad14: under 2.5:1). Tags take the 8th/9th shades instead, and
 * status text the darker shades of the same hues. Links and placeholders likewise (see below).
 */
export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: '#1456c7',
    // Links and info in the brand blue (antd derives them from its own #1677ff: 4.1:1 on white).
    colorInfo: '#1456c7',
    colorLink: '#1456c7',
    // Errors (validation messages, danger buttons) in a red that reads at 5.6:1 on white (antd's #ff4d4f: 3.3:1).
    colorError: '#cf1322',
    borderRadius: 6,
    // Placeholders are text a user reads: 56 % black, 4.9:1 on white (antd: 25 %, 1.8:1).
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    // Secondary and description text: 62 % black, 5.4:1 on white (antd: 45 %).
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
  },
  components: {
    // "No data" in an empty table (antd draws it in the disabled colour, 25 % black; an empty List: shell.css).
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.56)' },
    Tag: {
      green7: '#237804',
      gold7: '#874d00',
      orange7: '#ad4e00',
      cyan7: '#006d75',
      lime7: '#3f6600',
      yellow7: '#876800',
      volcano7: '#ad2102',
      colorSuccess: '#237804',
      colorWarning: '#ad4e00',
      colorError: '#cf1322',
      colorInfo: '#0958d9',
    },
    Typography: {
      colorSuccess: '#237804',
      colorWarning: '#ad4e00',
      colorError: '#cf1322',
      colorErrorText: '#cf1322',
      colorWarningText: '#ad4e00',
      colorSuccessText: '#237804',
    },
  },
};
