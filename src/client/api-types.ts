/**
 * The REST API's answers as TypeScript types, for browser code (the upper
 * level's console elements) that calls the server's /api. Types only: this
 * module has no runtime code and imports nothing from Node. docs/openapi.json
 * documents the same shapes; the server's tests check its answers against them.
 */
import type { Localized } from '../core/messages.js';
import type { AssessmentFrame, GradeBand } from '../core/policy/assessment.js';
import type { PolicyReason } from '../core/policy/scheduling.js';
import type { AbsenceLevel } from '../core/rules/absence-history.js';
import type { AgendaItem } from '../core/state.js';
import type { BridgePoint, Invitee, MeetingKind, MeetingMode, MeetingPhase, Member, TokenRole, UnitKind } from '../core/types.js';
import type { MeetingDocument } from '../core/policy/scheduling.js';

export type { AssessmentCriterion, AssessmentFrame, GradeBand } from '../core/policy/assessment.js';
export type { Localized } from '../core/messages.js';
export type { PolicyReason } from '../core/policy/scheduling.js';
export type { AbsenceLevel } from '../core/rules/absence-history.js';

/** Every error answer: a stable code, an English message, and where it helps the field at fault. */
export interface ApiErrorBody {
  readonly code: string;
  readonly message: string;
  /** The field at fault as a dot path (`delegates.0.bridgePointId`, `criteria.content`, `year`). */
  readonly field?: string;
  readonly issues?: ReadonlyArray<{ readonly field: string; readonly message: string }>;
  /** scheduling-refused: the checks that refused, in words (vi and en) naming the rule. */
  readonly reasons?: readonly SchedulingReason[];
  /** scheduling-refused: every check made. */
  readonly checks?: readonly SchedulingReason[];
}

/** A scheduling check's verdict (the core's codes, plus `fully-online-not-allowed`). */
export type SchedulingReason = PolicyReason | PolicyReason<'fully-online-not-allowed'>;

/** A cell (chi bộ), base committee or party-group unit as GET /api/cells lists it (no roster). */
export interface CellSummary {
  readonly id: string;
  readonly name: string;
  readonly unitKind: UnitKind;
  /** The upper-level unit it belongs to (an admin token's `units` may name it). */
  readonly parentId?: string;
  readonly parentName?: string;
  /** The place written in the minutes' place-and-date line, e.g. "Yên Bái". */
  readonly locality?: string;
  readonly counts: { readonly members: number; readonly full: number; readonly probationary: number };
}

/** GET /api/cells?unit= */
export interface CellListResponse {
  readonly cells: readonly CellSummary[];
}

/** A cell with its roster: GET /api/cells/{cellId}. */
export interface CellDetail extends CellSummary {
  /** For 'party-group': whether the cell is organised in tổ đảng (HD 03-HD/TW, Mục II 1.2). */
  readonly hasPartyGroups?: boolean;
  /** Members who cannot meet in one place because of their work (HD 03-HD/TW, eligibility). */
  readonly cannotMeetInPerson: readonly string[];
  readonly members: readonly Member[];
  readonly rosterImportedAt?: string;
  readonly createdAt: string;
}

/** An upper-level delegate of a meeting, with the bridge point they attend from when assigned one. */
export interface AssignedDelegate extends Invitee {
  readonly bridgePointId?: string;
}

/** A scheduled meeting as the schedule registry lists it (GET /api/meetings). */
export interface MeetingSummary {
  readonly id: string;
  readonly cellId: string;
  readonly cellName: string;
  readonly parentId?: string;
  readonly parentName?: string;
  readonly title: string;
  readonly scheduledAt: string;
  readonly kind: MeetingKind;
  readonly mode: MeetingMode;
  readonly chairId: string;
  /** The delegates assigned to attend, so the upper level sees which meetings its delegates may attend. */
  readonly delegates: readonly AssignedDelegate[];
  readonly bridgePoints: readonly BridgePoint[];
  readonly documents: readonly MeetingDocument[];
  /** When the meeting runs on this server. */
  readonly phase?: MeetingPhase;
  readonly createdAt: string;
}

/** GET /api/meetings?unit=&from=&to=&limit= */
export interface MeetingListResponse {
  readonly meetings: readonly MeetingSummary[];
}

/** POST /api/meetings (201). */
export interface ScheduleMeetingResponse {
  readonly meeting: MeetingSummary;
  readonly checks: readonly SchedulingReason[];
  readonly agenda: readonly AgendaItem[];
}

/**
 * POST /api/meetings/check (200): the HD 03 checks of a meeting the cell is
 * about to register, without registering it: whether it is allowed, every
 * verdict in words, and this year's online meetings against the limit.
 */
export interface SchedulingCheckResponse {
  readonly allowed: boolean;
  readonly checks: readonly SchedulingReason[];
  readonly refused: readonly SchedulingReason[];
  /** The Vietnam-time year of the meeting. */
  readonly year: number;
  /** Online and hybrid meetings the unit has registered in that year already. */
  readonly onlineThisYear: number;
  /** The unit's yearly limit of online meetings (HD 03-HD/TW): cell 3, base committee 1, party group 3 by default. */
  readonly onlineLimit: number;
}

/** One invite link (POST /api/meetings/{id}/invites, and for delegates just assigned). */
export interface Invite {
  readonly participantId: string;
  readonly role: TokenRole;
  readonly name: string;
  readonly token: string;
  readonly url: string;
}

/** POST /api/meetings/{id}/invites (201). */
export interface InvitesResponse {
  readonly meetingId: string;
  readonly expiresAt: string;
  readonly invites: readonly Invite[];
}

/**
 * POST /api/meetings/{id}/delegates (200): the upper level assigns its
 * standing-committee members to attend; they become delegates of the meeting
 * and get invite links.
 */
export interface AssignDelegatesResponse {
  readonly meetingId: string;
  /** Every delegate of the meeting now. */
  readonly delegates: readonly AssignedDelegate[];
  /** The ids newly assigned by this request (a delegate assigned before is not assigned twice). */
  readonly assigned: readonly string[];
  /** Invite links for the delegates named in the request (empty when `invites: false`). */
  readonly invites: readonly Invite[];
  readonly expiresAt?: string;
}

/** DELETE /api/meetings/{id}/delegates/{participantId}: a delegate withdrawn before the meeting opens. */
export interface UnassignDelegateResponse {
  readonly meetingId: string;
  readonly delegateId: string;
  /** Every delegate of the meeting now. */
  readonly delegates: readonly AssignedDelegate[];
  /** Their invites issued until then are refused from this instant. */
  readonly revokedAt: string;
}

/** A grade as the API shows it next to a score. */
export interface GradeRef {
  readonly id: string;
  readonly vi: string;
  readonly en: string;
}

/** A delegate's assessment after the meeting, kept with the minutes. */
export interface AssessmentRecord {
  readonly meetingId: string;
  readonly delegateId: string;
  /** The delegate's name, when they are a delegate of the meeting. */
  readonly delegateName?: string;
  readonly strengths: string;
  readonly limitations: string;
  readonly lessons: string;
  /** The points given per criterion of the frame, when scored by criteria. */
  readonly criteria?: Readonly<Record<string, number>>;
  /** The total, 0 to the frame's maxScore (100). */
  readonly score?: number;
  /** The grade of the score in the frame the assessment was recorded with. */
  readonly grade?: GradeRef;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

/** POST /api/meetings/{id}/assessment (201). */
export interface RecordAssessmentResponse {
  readonly assessment: AssessmentRecord;
}

/** GET /api/meetings/{id}/assessment: what the cell sees of the upper level's feedback. */
export interface MeetingAssessmentResponse {
  readonly meetingId: string;
  readonly phase: MeetingPhase;
  /** The scoring frame in force, for the assessment form. */
  readonly frame: AssessmentFrame;
  readonly assessments: readonly AssessmentRecord[];
  readonly summary: {
    readonly count: number;
    /** Assessments with a score. */
    readonly scored: number;
    /** The mean of the scores, rounded to a whole point; absent when none is scored. */
    readonly score?: number;
    readonly grade?: GradeRef;
  };
}

/** One cell's row of the pilot report. */
export interface PilotCellRow {
  readonly cellId: string;
  readonly cellName: string;
  readonly parentId?: string;
  readonly parentName?: string;
  readonly unitKind: UnitKind;
  /** Online and hybrid meetings registered in the year (what HD 03's limit counts). */
  readonly onlineScheduled: number;
  /** Online and hybrid meetings held (closed) in the year. */
  readonly onlineHeld: number;
  /** The yearly limit (HD 03-HD/TW). */
  readonly onlineLimit: number;
  /** Meetings of any form held (closed) in the year. */
  readonly meetingsHeld: number;
  /** Present / members counted over the year's meetings held; null when none. */
  readonly attendanceRate: number | null;
  readonly absentWithoutReason: number;
  /** Meetings held shorter than the minimum (HD 42). */
  readonly shortMeetings: number;
  /** Mean assessment score of the meetings scored; null when none. */
  readonly score: number | null;
  readonly grade: GradeRef | null;
  /** Members at the 3-month warning or beyond (Điều lệ Đảng, Điều 8, khoản 2). */
  readonly membersWarned: number;
}

/** One held meeting's row of the pilot report. */
export interface PilotMeetingRow {
  readonly meetingId: string;
  readonly cellId: string;
  readonly cellName: string;
  readonly title: string;
  readonly scheduledAt: string;
  /** When it opened (or was scheduled, if it never opened). */
  readonly heldAt: string;
  /** 1–12, Vietnam time. */
  readonly month: number;
  readonly kind: MeetingKind;
  readonly mode: MeetingMode;
  /** Members called: the roster less members attending another cell, suspended members and exempt members who stayed away. */
  readonly membersCounted: number;
  readonly present: number;
  readonly presentInPerson: number;
  readonly presentOnline: number;
  /** present / membersCounted, 0–1; null when no member is counted. */
  readonly attendanceRate: number | null;
  readonly absentWithReason: number;
  readonly absentWithoutReason: number;
  readonly absenteesWithoutReason: ReadonlyArray<{ readonly memberId: string; readonly name: string }>;
  readonly durationMinutes: number;
  /** The minimum for the meeting's kind (HD 42-HD/BTCTW: 90, or 120 combined). */
  readonly requiredMinutes: number;
  readonly durationMet: boolean;
  /** Assessments recorded for the meeting. */
  readonly assessments: number;
  /** Mean of the delegates' scores; null when none. */
  readonly score: number | null;
  readonly grade: GradeRef | null;
}

/** One member's month in the pilot report (months without a meeting of theirs are left out). */
export interface PilotMemberMonth {
  readonly month: number;
  readonly meetings: number;
  readonly present: number;
  readonly absentWithReason: number;
  readonly absentWithoutReason: number;
}

/** One member's row of the pilot report: attendance over months and the 3-month warning. */
export interface PilotMemberRow {
  readonly cellId: string;
  readonly memberId: string;
  readonly name: string;
  readonly meetings: number;
  readonly present: number;
  /** present / meetings where the member was counted; null when none. */
  readonly attendanceRate: number | null;
  readonly months: readonly PilotMemberMonth[];
  /** Months (1–12) with a meeting missed without reason. */
  readonly monthsAbsentWithoutReason: readonly number[];
  /** 'warning' at 2 months, 'removal-review' from 3 (Điều lệ Đảng, Điều 8, khoản 2). */
  readonly level: AbsenceLevel;
  readonly message: Localized;
}

/** The whole scope's month in the pilot report, for the line chart. */
export interface PilotMonthRow {
  readonly month: number;
  readonly meetings: number;
  readonly membersCounted: number;
  readonly present: number;
  readonly attendanceRate: number | null;
}

/**
 * GET /api/reports/pilot?year=&unit= : the yearly evaluation of the online
 * meeting pilot (seed 004), for the units the token may see. With
 * `format=csv&table=cells|meetings|members` one table as CSV (UTF-8 with BOM).
 */
export interface PilotReport {
  readonly year: number;
  readonly unit?: string;
  readonly generatedAt: string;
  readonly grades: readonly GradeBand[];
  readonly cells: readonly PilotCellRow[];
  readonly meetings: readonly PilotMeetingRow[];
  readonly members: readonly PilotMemberRow[];
  readonly months: readonly PilotMonthRow[];
  /**
   * `summary` (asked with `detail=summary`, or `detail=auto` for a large
   * scope): `meetings` holds only the meetings shorter than the minimum and
   * `members` only those with a warning (their `months` left empty), at
   * most 300 of each (the shortest and the removal reviews first), and
   * `totals` counts the whole scope; the full lists are asked per unit.
   * `full` otherwise.
   */
  readonly detail?: PilotReportDetail;
  /** The whole scope's counts, in a summary. */
  readonly totals?: PilotReportTotals;
}

/** How much of the pilot report an answer holds. */
export type PilotReportDetail = 'full' | 'summary';

/** A summary's counts of the whole scope. */
export interface PilotReportTotals {
  readonly meetings: number;
  readonly members: number;
  /** Members called to the meetings, summed over them, and those present: the year's attendance rate. */
  readonly membersCounted: number;
  readonly present: number;
  /** Meetings shorter than the minimum, and members with a warning: the summary lists at most 300 of each. */
  readonly short: number;
  readonly warned: number;
}

/** The tables of the pilot report that `format=csv` exports. */
export type PilotReportTable = 'cells' | 'meetings' | 'members';
