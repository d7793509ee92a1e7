/**
 * Rows of the registry's SQL (server/*-registry-store.ts) turned into the
 * registry's types: the cell lists and the pilot report. Shared by the SQLite
 * and PostgreSQL stores, which differ only in their SQL.
 */
import type { MeetingKind, MeetingMode, UnitKind } from '../src/core/index.js';
import type { CellListing, ReportCellRow, ReportMeetingRow, ReportMemberRow } from './registry-store.js';

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


/** A cell's columns as the cell lists select them (`cells()` of both stores). */
export interface CellListingColumns {
  readonly id: string;
  readonly name: string;
  readonly unit_kind: UnitKind;
  readonly parent_id: string | null;
  readonly parent_name: string | null;
  readonly locality: string | null;
  /** Members on the roster, and how many of them are full members. */
  readonly members: number;
  readonly full: number;
}

/** A cell as lists show it, from its columns. */
export function cellListing(r: CellListingColumns): CellListing {
  return defined({
    id: r.id,
    name: r.name,
    unitKind: r.unit_kind,
    parentId: r.parent_id ?? undefined,
    parentName: r.parent_name ?? undefined,
    locality: r.locality ?? undefined,
    counts: { members: r.members, full: r.full, probationary: r.members - r.full },
  });
}

/** Listed cells by name, then id. */
export const byListing = (a: CellListing, b: CellListing): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The four queries behind `reportCells`, as both stores select them. */
export interface ReportCellParts {
  /** The registry's cells of the scope. */
  readonly known: ReadonlyArray<{ readonly id: string; readonly name: string; readonly unit_kind: UnitKind; readonly parent_id: string | null; readonly parent_name: string | null }>;
  /** Online and hybrid meetings registered in the year, per cell. */
  readonly scheduled: ReadonlyArray<{ readonly cell_id: string; readonly n: number }>;
  /** The year's report lines summed per cell. */
  readonly held: ReadonlyArray<{
    readonly cell_id: string;
    readonly cell_name: string;
    readonly parent_id: string | null;
    readonly held: number;
    readonly online: number;
    readonly counted: number;
    readonly present: number;
    readonly awo: number;
    readonly short: number;
    readonly score: number | null;
  }>;
  /** Members at the warning or beyond, per cell. */
  readonly warned: ReadonlyArray<{ readonly cell_id: string; readonly n: number }>;
}

/** Per cell of the scope: the registry's cells, and any cell with a meeting held in the year (a meeting created otherwise); by name then id. */
export function reportCellRows({ known, scheduled, held, warned }: ReportCellParts): ReportCellRow[] {
  const cells = new Map<string, ReportCellRow>();
  const empty = { onlineScheduled: 0, onlineHeld: 0, meetingsHeld: 0, membersCounted: 0, present: 0, absentWithoutReason: 0, shortMeetings: 0, score: null, membersWarned: 0 };
  for (const r of known) {
    cells.set(r.id, { ...defined({ cellId: r.id, cellName: r.name, unitKind: r.unit_kind, parentId: r.parent_id ?? undefined, parentName: r.parent_name ?? undefined }), ...empty });
  }
  for (const r of held) {
    const base = cells.get(r.cell_id) ?? { ...defined({ cellId: r.cell_id, cellName: r.cell_name, parentId: r.parent_id ?? undefined }), ...empty };
    cells.set(r.cell_id, {
      ...base,
      onlineHeld: r.online,
      meetingsHeld: r.held,
      membersCounted: r.counted,
      present: r.present,
      absentWithoutReason: r.awo,
      shortMeetings: r.short,
      score: r.score,
    });
  }
  for (const r of scheduled) {
    const cell = cells.get(r.cell_id);
    if (cell) cells.set(r.cell_id, { ...cell, onlineScheduled: r.n });
  }
  for (const r of warned) {
    const cell = cells.get(r.cell_id);
    if (cell) cells.set(r.cell_id, { ...cell, membersWarned: r.n });
  }
  return [...cells.values()].sort(byCell);
}
