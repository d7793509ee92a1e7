import type { AgendaItem, AgendaStep } from '../../core/index.js';

/** A run of consecutive items of one step (and one part of a combined session), with the index of its first item. */
export interface Group {
  readonly step: AgendaStep;
  readonly part: AgendaItem['part'];
  readonly start: number;
  readonly items: readonly AgendaItem[];
}

/**
 * Groups the program into runs of one step, in program order. A combined
 * session runs the regular meeting up to its vote and rating, then the
 * thematic content, then the minutes (HD 42-HD/BTCTW), so a step can appear
 * twice; grouping by step alone would misstate the order.
 */
export function groupsOf(agenda: readonly AgendaItem[]): Group[] {
  const groups: { step: AgendaStep; part: AgendaItem['part']; start: number; items: AgendaItem[] }[] = [];
  agenda.forEach((item, index) => {
    const last = groups.at(-1);
    if (last && last.step === item.step && last.part === item.part) last.items.push(item);
    else groups.push({ step: item.step, part: item.part, start: index, items: [item] });
  });
  return groups;
}

/**
 * Whether the item at `index` may be swapped with its neighbour at `to`: both
 * not begun, in the same run of one step. The core would accept any position;
 * these buttons only reorder what remains of a step, so that an item is never
 * put before one already held or into another step's heading.
 */
export function canSwap(agenda: readonly AgendaItem[], index: number, to: number): boolean {
  const item = agenda[index];
  const other = agenda[to];
  return item?.status === 'pending' && other?.status === 'pending' && other.step === item.step && other.part === item.part;
}

/** Where a new item of `step` goes: right after the item under way, else at the end of its step (else at the end). */
export function insertAfter(agenda: readonly AgendaItem[], step: AgendaStep): string | undefined {
  const running = agenda.find((i) => i.status === 'running');
  return running?.id ?? [...agenda].reverse().find((i) => i.step === step)?.id;
}

/** A fresh id for an item the chair adds, `x-<timestamp>`, unused in the program. */
export function newItemId(agenda: readonly AgendaItem[], now = Date.now()): string {
  let id = `x-${now}`;
  for (let n = 2; agenda.some((i) => i.id === id); n++) id = `x-${now}-${n}`;
  return id;
}
