/**
 * Rows of the pilot report's SQL (server/*-registry-store.ts) turned into the
 * registry's report types; shared by the SQLite and PostgreSQL stores.
 */
import type { MeetingKind, MeetingMode } from '../src/core/index.js';
import type { ReportCellRow, ReportMeetingRow, ReportMemberRow } from './registry-store.js';

/** Drops undefined and null fields, so that an optional column read as NULL is absent. */
export const defined = <T extends object>(row: T): T => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined && v !== null)) as T;

/**
 * The columns of a report line in the order `MEETING_COLUMNS` selects them:
 * read as arrays (no object per database row) and shaped here in one pass.
 */
export const MEETING_COLUMNS = `meeting_id, cell_id, cell_name, parent_id, title, scheduled_at, held_at, month, kind, mode, members_counted, present,
  present_in_person, present_online, absent_with_reason, absent_without_reason, absentees, duration_minutes, required_minutes, duration_met,
  assessments, score`;

type MeetingValues = [
  string, string, string, string | null, string, string, string, number, MeetingKind, MeetingMode, number, number,
  number, number, number, number, string, number, number, number | boolean, number, number | null,
];

/** Report lines from rows of `MEETING_COLUMNS` values. */
export function meetingRows(rows: readonly unknown[][]): ReportMeetingRow[] {
  const out: ReportMeetingRow[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as MeetingValues;
    const row = {
      meetingId: r[0], cellId: r[1], cellName: r[2], title: r[4], scheduledAt: r[5], heldAt: r[6], month: r[7], kind: r[8], mode: r[9],
      membersCounted: r[10], present: r[11], presentInPerson: r[12], presentOnline: r[13], absentWithReason: r[14], absentWithoutReason: r[15],
      absenteesWithoutReason: r[16] === '[]' ? [] : (JSON.parse(r[16]) as ReportMeetingRow['absenteesWithoutReason']),
      durationMinutes: r[17], requiredMinutes: r[18], durationMet: Boolean(r[19]), assessments: r[20], score: r[21] === null ? null : Number(r[21]),
    };
    out[i] = r[3] === null ? row : { ...row, parentId: r[3] };
  }
  return out;
}

/** [month, meetings, present, absent with reason, absent without reason], as report_members keeps each month. */
export type MonthTuple = [number, number, number, number, number];

/** A member's row from their stored columns (cell, member, name, meetings, present, months as tuples by month). */
export function memberRow(cellId: string, memberId: string, name: string, meetings: number, present: number, tuples: readonly MonthTuple[]): ReportMemberRow {
  const months = new Array<ReportMemberRow['months'][number]>(tuples.length);
  for (let i = 0; i < tuples.length; i++) {
    const t = tuples[i]!;
    months[i] = { month: t[0], meetings: t[1], present: t[2], absentWithReason: t[3], absentWithoutReason: t[4] };
  }
  return { cellId, memberId, name, meetings, present, months };
}

/** Cells by name, then id. */
export const byCell = (a: ReportCellRow, b: ReportCellRow): number => (a.cellName < b.cellName ? -1 : a.cellName > b.cellName ? 1 : a.cellId < b.cellId ? -1 : a.cellId > b.cellId ? 1 : 0);

