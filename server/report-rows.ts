/**
 * Rows of the pilot report's SQL (server/*-registry-store.ts) turned into the
 * registry's report types; shared by the SQLite and PostgreSQL stores.
 */
import type { MeetingKind, MeetingMode } from '../src/core/index.js';
import type { ReportCellRow, ReportMeetingRow, ReportMemberRow } from './registry-store.js';

/** Drops undefined and null fields, so that an optional column read as NULL is absent. */
export const defined = <T extends object>(row: T): T => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined && v !== null)) as T;

/** A row of report_meetings as the database returns it. */
export interface ReportMeetingColumns {
  meeting_id: string;
  cell_id: string;
  parent_id: string | null;
  cell_name: string;
  title: string;
  scheduled_at: string;
  held_at: string;
  month: number;
  kind: MeetingKind;
  mode: MeetingMode;
  members_counted: number;
  present: number;
  present_in_person: number;
  present_online: number;
  absent_with_reason: number;
  absent_without_reason: number;
  duration_minutes: number;
  required_minutes: number;
  duration_met: number | boolean;
  /** JSON text (SQLite) or parsed JSON (PostgreSQL). */
  absentees: string | ReportMeetingRow['absenteesWithoutReason'];
  assessments: number;
  score: number | null;
}

/** Report lines as the registry answers them. */
export function meetingRows(rows: readonly ReportMeetingColumns[]): ReportMeetingRow[] {
  return rows.map((r) => ({
    meetingId: r.meeting_id,
    cellId: r.cell_id,
    cellName: r.cell_name,
    ...(r.parent_id !== null ? { parentId: r.parent_id } : {}),
    title: r.title,
    scheduledAt: r.scheduled_at,
    heldAt: r.held_at,
    month: r.month,
    kind: r.kind,
    mode: r.mode,
    membersCounted: r.members_counted,
    present: r.present,
    presentInPerson: r.present_in_person,
    presentOnline: r.present_online,
    absentWithReason: r.absent_with_reason,
    absentWithoutReason: r.absent_without_reason,
    absenteesWithoutReason: typeof r.absentees === 'string' ? (JSON.parse(r.absentees) as ReportMeetingRow['absenteesWithoutReason']) : r.absentees,
    durationMinutes: r.duration_minutes,
    requiredMinutes: r.required_minutes,
    durationMet: Boolean(r.duration_met),
    assessments: r.assessments,
    score: r.score === null ? null : Number(r.score),
  }));
}

/** [month, meetings, present, absent with reason, absent without reason] as the member query aggregates them. */
export type MonthTuple = [number, number, number, number, number];

/** A member's row from their month tuples (in any order). */
export function memberRow(cellId: string, memberId: string, name: string, tuples: readonly MonthTuple[]): ReportMemberRow {
  const months = [...tuples]
    .map(([month, meetings, present, absentWithReason, absentWithoutReason]) => ({
      month: Number(month),
      meetings: Number(meetings),
      present: Number(present),
      absentWithReason: Number(absentWithReason),
      absentWithoutReason: Number(absentWithoutReason),
    }))
    .sort((a, b) => a.month - b.month);
  return {
    cellId,
    memberId,
    name,
    meetings: months.reduce((n, m) => n + m.meetings, 0),
    present: months.reduce((n, m) => n + m.present, 0),
    months,
  };
}

/** Cells by name, then id. */
export const byCell = (a: ReportCellRow, b: ReportCellRow): number => (a.cellName < b.cellName ? -1 : a.cellName > b.cellName ? 1 : a.cellId < b.cellId ? -1 : a.cellId > b.cellId ? 1 : 0);

/** Members by cell id, then member id (code-unit order, the same in every database). */
export const byMember = (a: ReportMemberRow, b: ReportMemberRow): number =>
  a.cellId < b.cellId ? -1 : a.cellId > b.cellId ? 1 : a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0;
