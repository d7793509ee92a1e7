/**
 * Numbers, dates and counted phrases as a Vietnamese or English reader writes
 * them, by `Intl`: "1.234", "87,5 %", "15/12/2026", "Tháng 12"; the plural form
 * of a phrase picked by `Intl.PluralRules` (Vietnamese has one form, English two).
 */
import { localize, type Lang, type Strings } from './i18n.js';

/** Vietnam's time zone: every date on the console is read in it, whatever the viewer's clock. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

/** The `Intl` locale of a language. */
export const localeOf = (lang: Lang): string => LOCALE[lang];

/** A whole or decimal number: "1.234" / "1,234"; at most `digits` decimals. */
export function formatNumber(lang: Lang, value: number, digits = 0): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: digits }).format(value);
}

/** A share (0–1) as a percentage: "87,5 %" / "87.5%". */
export function formatShare(lang: Lang, share: number, digits = 1): string {
  return new Intl.NumberFormat(LOCALE[lang], { style: 'percent', maximumFractionDigits: digits }).format(share);
}

/** A date in Vietnam time: "15/12/2026" / "15/12/2026". */
export function formatDate(lang: Lang, iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Intl.DateTimeFormat(LOCALE[lang], { timeZone: VIETNAM_TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' }).format(ms);
}

/** A date and time in Vietnam time: "14:00 15/12/2026" / "15/12/2026, 14:00". */
export function formatDateTime(lang: Lang, iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const time = new Intl.DateTimeFormat(LOCALE[lang], { timeZone: VIETNAM_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
  const date = formatDate(lang, iso);
  // Vietnamese documents write the time first ("14:00 ngày 15/12/2026").
  return lang === 'vi' ? `${time} ${date}` : `${date}, ${time}`;
}

/** A month's name: "Tháng 12" / "December"; with `short`, "Th12" / "Dec". */
export function formatMonth(lang: Lang, month: number, short = false): string {
  // Noon UTC on the 15th: the same month in every time zone.
  const date = Date.UTC(2000, month - 1, 15, 12);
  return new Intl.DateTimeFormat(LOCALE[lang], { month: short ? 'short' : 'long', timeZone: 'UTC' }).format(date);
}

/** A month and year: "tháng 12 năm 2026" / "December 2026". */
export function formatMonthYear(lang: Lang, year: number, month: number): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 15, 12));
}

/** The weekday names from Monday: short "Thứ 2"…"CN" / "Mon"…"Sun", or narrow "T2"…"CN" / "M"…"S". */
export function weekdayNames(lang: Lang, width: 'short' | 'narrow' = 'short'): string[] {
  const format = new Intl.DateTimeFormat(LOCALE[lang], { weekday: width, timeZone: 'UTC' });
  // 3 January 2000 was a Monday.
  return Array.from({ length: 7 }, (_, i) => format.format(Date.UTC(2000, 0, 3 + i, 12)));
}

/** A key of a table that has plural forms: `base.one`, `base.other` (only `.other` is required). */
export type PluralBase<K extends string> = K extends `${infer B}.other` ? B : never;

/**
 * A counted phrase in its plural form: looks up `${base}.${category}` (the
 * category `Intl.PluralRules` gives for `count` in `lang`), else
 * `${base}.other`, with `{count}` filled in as a formatted number.
 */
export function plural<K extends string>(
  strings: Strings<K>,
  lang: Lang,
  base: PluralBase<K>,
  count: number,
  params: Record<string, string | number> = {},
): string {
  const category = new Intl.PluralRules(LOCALE[lang]).select(count);
  const specific = `${base}.${category}` as K;
  const key = (specific in strings[lang] ? specific : `${base}.other`) as K;
  return localize(strings, lang, key, { ...params, count: formatNumber(lang, count) });
}
