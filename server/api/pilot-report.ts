/**
 * The yearly pilot report (seed 004: the upper level evaluates the pilot of
 * online meetings every year) put together from the registry's SQL
 * aggregates: the limits from the policy (HD 03-HD/TW), grades from the
 * scoring frame, and the 3-month warning from the core (Điều lệ Đảng, Điều 8,
 * khoản 2). No meeting log is read here.
 */
import { absenceVerdict, gradeOf, type AssessmentFrame, type MeetingPolicy } from '../../src/core/index.js';
import type { GradeRef, PilotCellRow, PilotMeetingRow, PilotMemberRow, PilotMonthRow, PilotReport } from '../../src/client/api-types.js';
import type { ReportCellRow, ReportMeetingRow, ReportMemberRow } from '../registry-store.js';

/** What the registry answered for one year and scope. */
export interface ReportData {
  readonly cells: readonly ReportCellRow[];
  readonly meetings: readonly ReportMeetingRow[];
  readonly members: readonly ReportMemberRow[];
}

/** A share as a fraction with four decimals; null without a denominator. */
export const rate = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);

/** A mean score as a whole point and its grade in the frame; nulls without a score. */
function graded(score: number | null, frame: AssessmentFrame): { score: number | null; grade: GradeRef | null } {
  if (score === null) return { score: null, grade: null };
  const whole = Math.min(frame.maxScore, Math.max(0, Math.round(score)));
  const band = gradeOf(whole, frame);
  return { score: whole, grade: { id: band.id, vi: band.name.vi, en: band.name.en } };
}

/** The report for `year` from the registry's aggregates. */
export function pilotReport(
  data: ReportData,
  options: { readonly year: number; readonly unit?: string; readonly generatedAt: string; readonly policy: MeetingPolicy; readonly frame: AssessmentFrame },
): PilotReport {
  const { year, policy, frame } = options;
  const members: PilotMemberRow[] = data.members.map((m) => {
    const absentMonths = m.months.filter((x) => x.absentWithoutReason > 0).map((x) => x.month);
    const absences = m.months.reduce((n, x) => n + x.absentWithoutReason, 0);
    // Điều lệ Đảng, Điều 8, khoản 2, through the core's rule: a warning at 2 months, a removal review from 3.
    const verdict = absenceVerdict(m.memberId, absentMonths, absences, year);
    return {
      cellId: m.cellId,
      memberId: m.memberId,
      name: m.name,
      meetings: m.meetings,
      present: m.present,
      attendanceRate: rate(m.present, m.meetings),
      months: m.months,
      monthsAbsentWithoutReason: verdict.monthsAbsentWithoutReason,
      level: verdict.level,
      message: verdict.message,
    };
  });
  const cells: PilotCellRow[] = data.cells.map((c) => {
    const unitKind = c.unitKind ?? 'cell';
    return {
      cellId: c.cellId,
      cellName: c.cellName,
      ...(c.parentId !== undefined ? { parentId: c.parentId } : {}),
      ...(c.parentName !== undefined ? { parentName: c.parentName } : {}),
      unitKind,
      onlineScheduled: c.onlineScheduled,
      onlineHeld: c.onlineHeld,
      // HD 03-HD/TW, as applied by 08-HD/ĐUK (seed 004): the yearly limit per kind of unit.
      onlineLimit: policy.onlineMeetingsPerYear[unitKind],
      meetingsHeld: c.meetingsHeld,
      attendanceRate: rate(c.present, c.membersCounted),
      absentWithoutReason: c.absentWithoutReason,
      shortMeetings: c.shortMeetings,
      ...graded(c.score, frame),
      membersWarned: c.membersWarned,
    };
  });

  const meetings: PilotMeetingRow[] = data.meetings.map((m) => ({
    meetingId: m.meetingId,
    cellId: m.cellId,
    cellName: m.cellName,
    title: m.title,
    scheduledAt: m.scheduledAt,
    heldAt: m.heldAt,
    month: m.month,
    kind: m.kind,
    mode: m.mode,
    membersCounted: m.membersCounted,
    present: m.present,
    presentInPerson: m.presentInPerson,
    presentOnline: m.presentOnline,
    attendanceRate: rate(m.present, m.membersCounted),
    absentWithReason: m.absentWithReason,
    absentWithoutReason: m.absentWithoutReason,
    absenteesWithoutReason: m.absenteesWithoutReason,
    durationMinutes: m.durationMinutes,
    requiredMinutes: m.requiredMinutes,
    durationMet: m.durationMet,
    assessments: m.assessments,
    ...graded(m.score, frame),
  }));

  const byMonth = new Map<number, { meetings: number; membersCounted: number; present: number }>();
  for (const m of data.meetings) {
    const month = byMonth.get(m.month) ?? { meetings: 0, membersCounted: 0, present: 0 };
    byMonth.set(m.month, { meetings: month.meetings + 1, membersCounted: month.membersCounted + m.membersCounted, present: month.present + m.present });
  }
  const months: PilotMonthRow[] = [...byMonth.entries()]
    .sort(([a], [b]) => a - b)
    .map(([month, t]) => ({ month, ...t, attendanceRate: rate(t.present, t.membersCounted) }));

  return {
    year,
    ...(options.unit !== undefined ? { unit: options.unit } : {}),
    generatedAt: options.generatedAt,
    grades: frame.grades,
    cells,
    meetings,
    members,
    months,
  };
}
