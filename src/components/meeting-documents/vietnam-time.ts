/** Times as members in Vietnam read them. */
import { vietnamParts } from '../../core/index.js';

const two = (n: number) => String(n).padStart(2, '0');

/** "20:15" and "23/11/2026" in Vietnam time, whatever the viewer's clock; undefined for a date that does not parse. */
export function vietnamTime(iso: string): { readonly time: string; readonly date: string } | undefined {
  if (Number.isNaN(Date.parse(iso))) return undefined;
  const { hour, minute, day, month, year } = vietnamParts(iso);
  return { time: `${two(hour)}:${two(minute)}`, date: `${two(day)}/${two(month)}/${year}` };
}
