import i18next from 'i18next';

const formats = new Map<string, Intl.NumberFormat>();

/**
 * A number as the page's language writes it (12,345.6 in English, 12.345,6 in Spanish), with
 * Intl.NumberFormat for the current i18next language. Translations format theirs with
 * `{{count, number}}`, which does the same.
 */
export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  const language = i18next.resolvedLanguage ?? i18next.language ?? 'en';
  const key = `${language}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, options);
    formats.set(key, format);
  }
  return format.format(value);
}

/** Exactly `digits` decimals: 2.0 s stays "2.0" (English) or "2,0" (Spanish). */
export function formatFixed(value: number, digits: number): string {
  return formatNumber(value, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
