/** Times as the elements show them. */

/**
 * Milliseconds from `from` to `to` (ISO 8601 or epoch ms), never negative: the
 * server stamps the start and this page's clock reads the time, and a clock a
 * little behind the server's must not show "-0:02".
 */
export function elapsedMs(from: string, to: string | number): number {
  const end = typeof to === 'number' ? to : Date.parse(to);
  const ms = end - Date.parse(from);
  return Number.isFinite(ms) ? Math.max(0, ms) : 0;
}

/** A stopwatch reading: "3:05", or "1:03:05" from an hour on. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** The same span as an ISO 8601 duration, for `<time datetime>`. */
export function isoDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  return `PT${Math.floor(total / 3600)}H${Math.floor((total % 3600) / 60)}M${total % 60}S`;
}
