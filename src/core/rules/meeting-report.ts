/**
 * What the upper level's yearly pilot report keeps of one held meeting
 * (seed 004: "hàng năm … đánh giá kết quả thực hiện chủ trương thí điểm"):
 * the roll as counts and per member, and the duration against the minimum.
 * Pure: computed from the meeting's state when it closes; the server stores
 * it so the report is aggregated without reading every log.
 */
import { durationReport } from '../policy/duration.js';
import type { AttendanceMark, MeetingState } from '../state.js';
import type { MeetingKind, MeetingMode } from '../types.js';
import { vietnamYearMonth } from './absence-history.js';

/** One member's line: their mark, and whether the attendance rate counts them. */
export interface MemberAttendance {
  readonly memberId: string;
  readonly name: string;
  /** 'unmarked' when the roll never reached them. */
  readonly mark: AttendanceMark | 'unmarked';
  /** Called to the meeting: false for a member attending another cell, a suspended one, or an exempt one who stayed away. */
  readonly counted: boolean;
  readonly present: boolean;
}

/** One held meeting in the pilot report. */
export interface MeetingReport {
  readonly meetingId: string;
  readonly cellId: string;
  readonly title: string;
  readonly scheduledAt: string;
  /** When it opened, or was scheduled if it never opened. */
  readonly heldAt: string;
  /** Year and month (1–12) of `heldAt`, Vietnam time. */
  readonly year: number;
  readonly month: number;
  readonly kind: MeetingKind;
  readonly mode: MeetingMode;
  readonly membersCounted: number;
  readonly present: number;
  readonly presentInPerson: number;
  readonly presentOnline: number;
  readonly absentWithReason: number;
  readonly absentWithoutReason: number;
  readonly durationMinutes: number;
  readonly requiredMinutes: number;
  readonly durationMet: boolean;
  readonly members: readonly MemberAttendance[];
}

const isPresent = (mark: AttendanceMark | 'unmarked') => mark === 'present-in-person' || mark === 'present-online';

/**
 * The report line of a meeting. The attendance rate's denominator is the
 * members called to the meeting (DOMAIN.md "Attendance record", after
 * QĐ 294-QĐ/TW 9.3): the roster less members temporarily attending another
 * cell, suspended members, and exempt members who did not come (an exempt
 * member who comes is counted). Absent with or without reason, or never
 * marked, a called member counts as not present.
 */
export function meetingReport(state: MeetingState): MeetingReport {
  const heldAt = state.openedAt ?? state.scheduledAt;
  const { year, month } = vietnamYearMonth(heldAt);
  const members = state.cell.members.map((m): MemberAttendance => {
    const mark = state.attendance[m.id]?.mark ?? 'unmarked';
    const present = isPresent(mark);
    const counted = !m.flags?.attachedElsewhere && !m.flags?.suspended && (present || (!m.flags?.exempt && mark !== 'exempt'));
    return { memberId: m.id, name: m.name, mark, counted, present };
  });
  const counted = members.filter((m) => m.counted);
  const with_ = (mark: AttendanceMark) => counted.filter((m) => m.mark === mark).length;
  // HD 42-HD/BTCTW (2025): the minimum duration for the kind (policy.minimumMinutes).
  const duration = durationReport(state.kind, state.openedAt, state.closedAt, state.closedAt ?? heldAt, state.policy);
  return {
    meetingId: state.id,
    cellId: state.cell.id,
    title: state.title,
    scheduledAt: state.scheduledAt,
    heldAt,
    year,
    month,
    kind: state.kind,
    mode: state.mode,
    membersCounted: counted.length,
    present: counted.filter((m) => m.present).length,
    presentInPerson: with_('present-in-person'),
    presentOnline: with_('present-online'),
    absentWithReason: with_('absent-with-reason'),
    absentWithoutReason: with_('absent-without-reason'),
    durationMinutes: duration.actualMinutes,
    requiredMinutes: duration.requiredMinutes,
    durationMet: duration.met,
    members,
  };
}
