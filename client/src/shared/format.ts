// Dates, numbers and money per the UI's locale.
export function formatMoney(locale: string, amount: string | number | null | undefined, currency = 'CNY') {
  if (amount === null || amount === undefined || amount === '') return '—';
  const value = typeof amount === 'string' ? Number(amount) : amount;
  return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(value);
}

export function formatNumber(locale: string, value: number | string) {
  return new Intl.NumberFormat(locale).format(typeof value === 'string' ? Number(value) : value);
}

export function formatDate(locale: string, iso: string | null | undefined) {
  if (!iso) return '—';
  const date = iso.length === 10 ? new Date(`${iso}T00:00:00`) : new Date(iso);
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric' }).format(date);
}

export function formatDateTime(locale: string, iso: string | null | undefined) {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatMonth(locale: string, iso: string) {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short' }).format(new Date(`${iso}T00:00:00`));
}
