/** Times as Vietnamese documents write them. Vietnam is UTC+7 all year, with no daylight saving. */

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The instant's calendar fields in Vietnam time. */
export function vietnamParts(iso: string): { year: number; month: number; day: number; hour: number; minute: number } {
  const d = new Date(Date.parse(iso) + VN_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
}

/** "ngày 5 tháng 11 năm 2026" for an instant, in Vietnam time. */
export function vietnameseDate(iso: string): string {
  const { day, month, year } = vietnamParts(iso);
  return `ngày ${day} tháng ${month} năm ${year}`;
}

/** "19:30 ngày 24/11/2026" for an instant, in Vietnam time. */
export function vietnameseDateTime(iso: string): string {
  const { day, month, year, hour, minute } = vietnamParts(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(hour)}:${two(minute)} ngày ${two(day)}/${two(month)}/${year}`;
}
