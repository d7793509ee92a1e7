/**
 * Report lines for meetings closed without one (issue 8): meetings closed
 * before the report tables existed, or brought in by `scripts/record.ts
 * import`, have no line in the pilot report, which is SQL over those lines.
 * The backfill replays each meeting's log (the record of truth) and writes the
 * core's `meetingReport` of every closed meeting that has none, placed in its
 * unit as the live writer does (server/api/report-writer.ts). Idempotent: a
 * second run finds every line and writes nothing; `rewrite` writes them all
 * again (same lines; the assessments' scores are kept by the store).
 */
import { meetingReport, replay } from '../src/core/index.js';
import type { EventStore } from './event-store.js';
import type { MeetingReportEntry, RegistryStore } from './registry-store.js';

/** What a backfill did. */
export interface BackfillResult {
  /** The meetings whose line was written, in the order of the store. */
  readonly written: readonly string[];
  /** Closed meetings that had their line already (left as they were). */
  readonly present: number;
  /** Meetings not closed yet (their line is written when they close). */
  readonly notClosed: number;
}

/** Lines written per transaction. */
const CHUNK = 500;

/** Writes the missing report lines (every line with `rewrite`) of the meetings in `store`, or of `meetingIds`. */
export async function backfillReports(
  store: EventStore,
  registry: RegistryStore,
  options: { readonly meetingIds?: readonly string[]; readonly rewrite?: boolean } = {},
): Promise<BackfillResult> {
  const ids = options.meetingIds ?? (await store.meetingIds());
  const reported = new Map<string, Set<string>>();
  /** The meetings of a cell and year that have a line (read once per cell and year). */
  const linesOf = async (year: number, cellId: string) => {
    const key = `${year}/${cellId}`;
    let found = reported.get(key);
    if (!found) {
      found = new Set((await registry.reportMeetings({ year, unit: cellId })).filter((m) => m.cellId === cellId).map((m) => m.meetingId));
      reported.set(key, found);
    }
    return found;
  };
  const entries: MeetingReportEntry[] = [];
  let present = 0;
  let notClosed = 0;
  for (const id of ids) {
    const log = await store.read(id);
    if (log.length === 0) continue;
    const state = replay(log.map((e) => e.event));
    if (state.phase !== 'closed') {
      notClosed++;
      continue;
    }
    const report = meetingReport(state);
    if (!options.rewrite && (await linesOf(report.year, report.cellId)).has(id)) {
      present++;
      continue;
    }
    const parentId = (await registry.meeting(id))?.parentId ?? (await registry.cell(state.cell.id))?.parentId;
    entries.push({ ...report, cellName: state.cell.name, ...(parentId !== undefined ? { parentId } : {}) });
  }
  for (let i = 0; i < entries.length; i += CHUNK) await registry.recordMeetingReports(entries.slice(i, i + CHUNK));
  return { written: entries.map((e) => e.meetingId), present, notClosed };
}
