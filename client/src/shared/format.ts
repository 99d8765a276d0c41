// Dates, numbers and money per the UI's locale.
// Chinese readers count large figures in 万 (10⁴) and 亿 (10⁸): ¥1,234,567 reads ¥123.46万, 2,300,000,000 reads 23亿.
// Every money and number display of the UI goes through formatMoney and formatNumber, so a Chinese figure is written
// the same way on every page; English keeps its thousands separators.
const WAN = 1e4;
const YI = 1e8;

/** A figure scaled to 万 or 亿 for zh-CN (null when it is below 10,000 or the locale is not Chinese). */
export function chineseUnits(locale: string, value: number): { scaled: number; unit: '万' | '亿' } | null {
  if (!locale.toLowerCase().startsWith('zh') || !Number.isFinite(value)) return null;
  const abs = Math.abs(value);
  if (abs >= YI) return { scaled: value / YI, unit: '亿' };
  if (abs >= WAN) return { scaled: value / WAN, unit: '万' };
  return null;
}

export function formatMoney(locale: string, amount: string | number | null | undefined, currency = 'CNY', maximumFractionDigits = 0) {
  if (amount === null || amount === undefined || amount === '') return '—';
  const value = typeof amount === 'string' ? Number(amount) : amount;
  const units = chineseUnits(locale, value);
  const money = (n: number, digits: number) => {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency: currency || 'CNY', minimumFractionDigits: 0, maximumFractionDigits: digits }).format(n);
    } catch {
      return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n)} ${currency}`;
    }
  };
  return units ? `${money(units.scaled, 2)}${units.unit}` : money(value, maximumFractionDigits);
}

export function formatNumber(locale: string, value: number | string, maximumFractionDigits = 3) {
  const n = typeof value === 'string' ? Number(value) : value;
  const units = chineseUnits(locale, n);
  if (units) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(units.scaled)}${units.unit}`;
  return new Intl.NumberFormat(locale, { maximumFractionDigits }).format(n);
}

export function formatDate(locale: string, iso: string | null | undefined) {
  if (!iso) return '—';
  const date = iso.length === 10 ? new Date(`${iso}T00:00:00`) : new Date(iso);
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric' }).format(date);
}

/**
 * The one date-time format per locale, in Beijing time (the business's clock, whatever the browser's zone):
 * zh-CN "2026年12月3日 14:05", en "Dec 3, 2026, 14:05". Every date-time the UI prints goes through it.
 */
export function formatDateTime(locale: string, iso: string | null | undefined) {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai', hourCycle: 'h23' }).format(new Date(iso));
}

export function formatMonth(locale: string, iso: string) {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short' }).format(new Date(`${iso}T00:00:00`));
}

/**
 * A duration in hours for people: whole days from two days up ("3 天" / "3 d"), hours otherwise ("1.5 小时" / "1.5 h").
 * The unit is a word in Chinese, never an English abbreviation.
 */
export function formatDuration(locale: string, hours: number | null | undefined): string {
  if (hours === null || hours === undefined || Number.isNaN(hours)) return '—';
  const zh = locale.toLowerCase().startsWith('zh');
  const days = hours >= 48 && hours % 24 === 0;
  const value = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(days ? hours / 24 : Math.round(hours * 10) / 10);
  if (zh) return `${value}${days ? ' 天' : ' 小时'}`;
  return `${value} ${days ? 'd' : 'h'}`;
}
