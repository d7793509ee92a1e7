import type { AgendaItem } from '../../core/index.js';
import { elapsedMs } from '../shared/time-format.js';

/** How long a finished item took, in whole minutes (rounded), or undefined if it never ran. */
export function actualMinutes(item: AgendaItem): number | undefined {
  if (!item.startedAt || !item.endedAt) return undefined;
  return Math.round(elapsedMs(item.startedAt, item.endedAt) / 60_000);
}
