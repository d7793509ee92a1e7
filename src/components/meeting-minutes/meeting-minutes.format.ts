// The minutes give times in Vietnam time (the core's vietnamParts), as the meeting saw them, whatever the viewer's clock.
import { vietnamParts } from '../../core/index.js';
import type { Lang } from '../shared/i18n.js';

const two = (n: number) => String(n).padStart(2, '0');

/** "19:30" in Vietnam time. */
export function clock(iso: string): string {
  const { hour, minute } = vietnamParts(iso);
  return `${two(hour)}:${two(minute)}`;
}

/** "19 giờ 30 phút" as written in Vietnamese minutes, or "19:30" in English. */
export function clockLong(iso: string, lang: Lang): string {
  const { hour, minute } = vietnamParts(iso);
  return lang === 'vi' ? `${hour} giờ ${two(minute)} phút` : `${two(hour)}:${two(minute)}`;
}

/** "25/11/2026": a day in Vietnam, numeric (both languages write day first here). */
export function shortDate(iso: string): string {
  // A bare date ("2026-12-15") is UTC midnight, the same day in Vietnam.
  const { day, month, year } = vietnamParts(iso);
  return `${two(day)}/${two(month)}/${year}`;
}

/**
 * A percentage with one decimal, written with a decimal comma in Vietnamese
 * ("66,7 %", a no-break space before the sign so it never wraps alone) and a
 * point in English ("66.7%").
 */
export function percent(value: number, lang: Lang): string {
  const text = (Math.round(value * 10) / 10).toString();
  return lang === 'vi' ? `${text.replace('.', ',')}\u00a0%` : `${text}%`;
}

/** Uppercase as Vietnamese headings are set ("Chi bộ Kỹ thuật" → "CHI BỘ KỸ THUẬT"). */
export function upper(text: string): string {
  return text.toLocaleUpperCase('vi');
}
