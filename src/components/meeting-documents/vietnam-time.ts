/** Times as members in Vietnam read them. */

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
const two = (n: number) => String(n).padStart(2, '0');

/** "20:15" and "23/11/2026" in Vietnam time (UTC+7 all year), whatever the viewer's clock; undefined for a date that does not parse. */
export function vietnamTime(iso: string): { readonly time: string; readonly date: string } | undefined {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return undefined;
  const d = new Date(ms + VN_OFFSET_MS);
  return { time: `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`, date: `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}` };
}
