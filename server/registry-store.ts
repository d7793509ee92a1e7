import type { AssessmentRecord, CellDetail, CellSummary, PilotMeetingRow, PilotMemberMonth } from '../src/client/api-types.js';
import type { MeetingDefinition, MeetingKind, MeetingMode, MeetingReport, Member, UnitKind } from '../src/core/index.js';
import { vietnamParts } from '../src/core/index.js';

/**
 * A party organisation as the portal's backend registered it: a cell (chi bộ),
 * a base committee (đảng bộ cơ sở) or a cell meeting by party groups, with its
 * roster and what the HD 03 checks need to know about it. The API's
 * `CellDetail` (GET /api/cells/{cellId}) without the counts, which are computed.
 */
export type CellRecord = Omit<CellDetail, 'counts'>;

/** A meeting the registry scheduled, as the upper level's schedule registry lists it. */
export interface ScheduledMeeting {
  readonly id: string;
  readonly cellId: string;
  readonly parentId?: string;
  readonly title: string;
  /** ISO 8601 with an offset, as given. */
  readonly scheduledAt: string;
  readonly kind: MeetingKind;
  readonly mode: MeetingMode;
  /** The definition the meeting was created with (its roster frozen at scheduling). */
  readonly definition: MeetingDefinition;
  readonly createdAt: string;
}

/** Which meetings to list; every field narrows the result. */
export interface MeetingQuery {
  /** Only meetings of cells whose id or parent id is one of these (an admin token's scope). */
  readonly units?: readonly string[];
  /** Only meetings of this cell or of cells under this parent unit. */
  readonly unit?: string;
  /** Scheduled at or after this instant (ISO 8601). */
  readonly from?: string;
  /** Scheduled before this instant (ISO 8601). */
  readonly to?: string;
  /** At most this many, earliest first. */
  readonly limit?: number;
}

/**
 * The delegates' assessment after a meeting (seed 004: strengths,
 * limitations, lessons), as stored: the API's `AssessmentRecord` without the
 * delegate's name, which the API adds from the meeting.
 */
export type Assessment = Omit<AssessmentRecord, 'delegateName'>;

/** Which cells to list: the same scope rules as `MeetingQuery`. */
export interface CellQuery {
  readonly units?: readonly string[];
  readonly unit?: string;
}

/** A cell as lists show it, without its roster: the API's `CellSummary` (GET /api/cells). */
export type CellListing = CellSummary;

/** A held meeting's line for the pilot report, as written when it closes (the core's `meetingReport`, placed in its unit). */
export interface MeetingReportEntry extends MeetingReport {
  readonly cellName: string;
  readonly parentId?: string;
}

/** Which part of the pilot report to aggregate: one year (Vietnam time), within a scope like `MeetingQuery`'s. */
export interface ReportQuery {
  readonly year: number;
  readonly units?: readonly string[];
  readonly unit?: string;
}

/** One cell's aggregates for a year. */
export interface ReportCellRow {
  readonly cellId: string;
  readonly cellName: string;
  readonly parentId?: string;
  readonly parentName?: string;
  /** Absent for a cell the registry does not know (a meeting created otherwise). */
  readonly unitKind?: UnitKind;
  readonly onlineScheduled: number;
  readonly onlineHeld: number;
  readonly meetingsHeld: number;
  readonly membersCounted: number;
  readonly present: number;
  readonly absentWithoutReason: number;
  readonly shortMeetings: number;
  /** Mean of the scored meetings' mean scores; null when none is scored. */
  readonly score: number | null;
  /** Members with meetings missed without reason in 2 months or more of the year (the core's warning, Điều lệ Đảng, Điều 8, khoản 2). */
  readonly membersWarned: number;
}

/**
 * One held meeting's line for a year, with its assessments' count and mean
 * score: the API's `PilotMeetingRow` before the rate and the grade are worked
 * out (server/api/pilot-report.ts), and with the unit it is placed in.
 */
export interface ReportMeetingRow extends Omit<PilotMeetingRow, 'attendanceRate' | 'grade'> {
  readonly parentId?: string;
}

/** One member's attendance for a year, by month (only meetings where they were called). */
export interface ReportMemberRow {
  readonly cellId: string;
  readonly memberId: string;
  readonly name: string;
  readonly meetings: number;
  readonly present: number;
  /** Months with a meeting, ascending. */
  readonly months: readonly PilotMemberMonth[];
}

/** What `scheduleMeeting` did. */
export type ScheduleResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'duplicate-id' }
  | { readonly ok: false; readonly reason: 'online-limit'; readonly used: number };

/**
 * The registry behind the REST API: cells and rosters, scheduled meetings,
 * revoked invites and the delegates' assessments. SQLite is the embedded
 * default; PostgreSQL implements the same interface for several processes.
 * Every write is durable when its promise resolves.
 */
export interface RegistryStore {
  /** Adds a cell; false (and nothing written) when a cell with its id exists. */
  createCell(cell: CellRecord): Promise<boolean>;
  cell(id: string): Promise<CellRecord | undefined>;
  /** Replaces a cell's whole roster; false when there is no such cell. */
  replaceRoster(cellId: string, members: readonly Member[], importedAt: string): Promise<boolean>;
  /** Online and hybrid meetings of the cell scheduled in a calendar year (Vietnam time). */
  onlineMeetingsInYear(cellId: string, year: number): Promise<number>;
  /**
   * Records a meeting. With `onlineLimit`, an online or hybrid meeting is
   * recorded only while fewer than that many are scheduled for its cell in its
   * year; the count and the insert are one atomic step, so two requests at
   * once cannot both take the last place.
   */
  scheduleMeeting(meeting: ScheduledMeeting, onlineLimit?: number): Promise<ScheduleResult>;
  /** Removes a meeting that could not be started after all. */
  removeMeeting(id: string): Promise<void>;
  meeting(id: string): Promise<ScheduledMeeting | undefined>;
  meetings(query: MeetingQuery): Promise<ScheduledMeeting[]>;
  /** Revokes every invite of a participant issued up to `at` (ISO 8601); a later revocation moves the cut-off. */
  revoke(meetingId: string, participantId: string, at: string): Promise<void>;
  /** The latest revocation of a participant's invites, as ISO 8601, if any. */
  revokedAt(meetingId: string, participantId: string): Promise<string | undefined>;
  /** Records a delegate's assessment, replacing that delegate's earlier one (and the meeting's mean score in the report). */
  recordAssessment(assessment: Assessment): Promise<void>;
  /** A meeting's assessments, in the order of the delegates' first recording. */
  assessments(meetingId: string): Promise<Assessment[]>;
  /** Cells in a scope, without rosters, by name then id. */
  cells(query: CellQuery): Promise<CellListing[]>;
  /** Replaces a scheduled meeting's definition (delegates assigned later); false when there is no such meeting. */
  updateMeetingDefinition(id: string, definition: MeetingDefinition): Promise<boolean>;
  /** Writes (or rewrites) a held meeting's report line and its members' attendance, in one transaction. */
  recordMeetingReport(entry: MeetingReportEntry): Promise<void>;
  /** Writes many report lines in one transaction (a backfill from old logs, a benchmark's data). */
  recordMeetingReports(entries: readonly MeetingReportEntry[]): Promise<void>;
  /** Per cell of the scope: the registry's cells, and any cell with a meeting held in the year; by name then id. */
  reportCells(query: ReportQuery): Promise<ReportCellRow[]>;
  /** The meetings held in the year, earliest first. */
  reportMeetings(query: ReportQuery): Promise<ReportMeetingRow[]>;
  /** Every member called to a meeting held in the year, by cell then member id. */
  reportMembers(query: ReportQuery): Promise<ReportMemberRow[]>;
  close(): Promise<void>;
}

/** Whether a mode counts against HD 03's yearly limit: fully online and hybrid are both online meetings. */
export const isOnline = (mode: MeetingMode): boolean => mode !== 'in-person';

/** The calendar year of an instant in Vietnam time (a meeting at 00:30 on 1 January, +07:00, is in the new year). */
export const vietnamYear = (iso: string): number => vietnamParts(iso).year;
