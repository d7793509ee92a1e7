/**
 * Per-member absence history across meetings and the warning to the bí thư
 * (DOMAIN.md "Attendance record"). Pure: the portal passes the roll of each
 * meeting; nothing here reads a store.
 */
import { parseInstant } from '../policy/scheduling.js';
import type { AttendanceMark } from '../state.js';
import type { Member } from '../types.js';
import { vietnamParts } from '../time.js';

/** The roll of one past meeting, as kept in the minutes. */
export interface MeetingRoll {
  readonly meetingId: string;
  /** When the meeting was held, ISO 8601. */
  readonly heldAt: string;
  /** Member id → mark. A member without a mark was not on the roll. */
  readonly attendance: Readonly<Record<string, AttendanceMark>>;
}

/** 'warning' at 2 months: one more leads to a removal review. */
export type AbsenceLevel = 'none' | 'warning' | 'removal-review';

/** One member's absences without reason in one year. */
export interface MemberAbsenceHistory {
  readonly memberId: string;
  /** Distinct months (1–12, Vietnam time) with at least one meeting missed without reason, ascending. */
  readonly monthsAbsentWithoutReason: readonly number[];
  /** Meetings of that year missed without reason. */
  readonly meetingsAbsentWithoutReason: number;
  readonly level: AbsenceLevel;
  /** For the bí thư, naming the rule. */
  readonly message: { readonly vi: string; readonly en: string };
}

/** Months absent without reason from which the member is considered for removal. */
export const REMOVAL_REVIEW_MONTHS = 3;

const RULE_VI = 'Điều lệ Đảng, Điều 8, khoản 2';
const RULE_EN = 'Party Statute, Article 8, clause 2';

/** Year and month (1–12) of an instant in Vietnam time. Throws RangeError on a malformed date. */
export function vietnamYearMonth(iso: string): { readonly year: number; readonly month: number } {
  parseInstant(iso, 'heldAt'); // a malformed date is refused here, not counted in a wrong month
  const { year, month } = vietnamParts(iso);
  return { year, month };
}

/** The level for a number of distinct months absent without reason. */
export function absenceLevel(months: number): AbsenceLevel {
  // Điều lệ Đảng, Điều 8, khoản 2: a member who without good reason misses
  // party meetings for three months in a year is considered for removal
  // (xoá tên). Warn one month before, so the cell can act first.
  if (months >= REMOVAL_REVIEW_MONTHS) return 'removal-review';
  if (months === REMOVAL_REVIEW_MONTHS - 1) return 'warning';
  return 'none';
}

/**
 * Each member's absences without reason in `year`, in the order of `members`.
 * A month counts when the member missed at least one meeting held in it
 * without reason, whether or not they attended another meeting that month.
 * Exempt marks and absences with reason never count. If a meeting appears
 * more than once, its last roll wins (a correction).
 */
export function absenceHistory(
  meetings: readonly MeetingRoll[],
  members: readonly Pick<Member, 'id'>[],
  year: number,
): MemberAbsenceHistory[] {
  const rolls = new Map<string, MeetingRoll>();
  for (const meeting of meetings) {
    // Validate every date, even outside the year, so a bad record never hides.
    const held = vietnamYearMonth(meeting.heldAt);
    rolls.delete(meeting.meetingId);
    if (held.year === year) rolls.set(meeting.meetingId, meeting);
  }
  return members.map((member) => {
    const months = new Set<number>();
    let meetingsAbsent = 0;
    for (const roll of rolls.values()) {
      if (roll.attendance[member.id] !== 'absent-without-reason') continue;
      meetingsAbsent++;
      months.add(vietnamYearMonth(roll.heldAt).month);
    }
    return absenceVerdict(member.id, [...months], meetingsAbsent, year);
  });
}

/**
 * One member's history from counts already made (the pilot report adds them
 * up in SQL): the distinct months of `year` with a meeting missed without
 * reason, and how many such meetings.
 */
export function absenceVerdict(memberId: string, months: readonly number[], meetingsAbsentWithoutReason: number, year: number): MemberAbsenceHistory {
  const monthsAbsentWithoutReason = [...new Set(months)].sort((a, b) => a - b);
  const level = absenceLevel(monthsAbsentWithoutReason.length);
  return {
    memberId,
    monthsAbsentWithoutReason,
    meetingsAbsentWithoutReason,
    level,
    message: absenceMessage(level, monthsAbsentWithoutReason, year),
  };
}

function absenceMessage(level: AbsenceLevel, months: readonly number[], year: number): { vi: string; en: string } {
  const n = months.length;
  const list = months.join(', ');
  switch (level) {
    case 'none':
      return n === 0
        ? {
            vi: `Không vắng sinh hoạt không có lý do trong năm ${year} — ${RULE_VI}.`,
            en: `No meetings missed without reason in ${year} — ${RULE_EN}.`,
          }
        : {
            vi: `Vắng sinh hoạt không có lý do ${n} tháng trong năm ${year} (tháng ${list}); vắng ${REMOVAL_REVIEW_MONTHS} tháng trong năm sẽ bị xem xét xoá tên — ${RULE_VI}.`,
            en: `Missed meetings without reason in ${n} month(s) of ${year} (month ${list}); ${REMOVAL_REVIEW_MONTHS} months in a year lead to a removal review — ${RULE_EN}.`,
          };
    case 'warning':
      return {
        vi: `Cảnh báo: vắng sinh hoạt không có lý do ${n} tháng trong năm ${year} (tháng ${list}); vắng thêm 1 tháng sẽ bị chi bộ xem xét, đề nghị xoá tên — ${RULE_VI}.`,
        en: `Warning: missed meetings without reason in ${n} months of ${year} (months ${list}); one more month leads the cell to consider removal — ${RULE_EN}.`,
      };
    case 'removal-review':
      return {
        vi: `Vắng sinh hoạt không có lý do ${n} tháng trong năm ${year} (tháng ${list}): chi bộ xem xét, đề nghị cấp có thẩm quyền xoá tên trong danh sách đảng viên — ${RULE_VI}.`,
        en: `Missed meetings without reason in ${n} months of ${year} (months ${list}): the cell considers proposing removal from the party roll — ${RULE_EN}.`,
      };
  }
}
