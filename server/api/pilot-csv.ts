/**
 * The pilot report's tables as CSV for spreadsheet programs: RFC 4180 quoting,
 * CRLF line ends, headers and words in Vietnamese or English. The HTTP layer
 * adds the UTF-8 byte-order mark (server/api/http.ts).
 */
import { vietnameseDateTime } from '../../src/core/index.js';
import type { PilotReport, PilotReportTable } from '../../src/client/api-types.js';

type Lang = 'vi' | 'en';
type Cell = string | number | boolean | null;

/**
 * One field: quoted when it holds a comma, quote or line break; a text that a
 * spreadsheet would read as a formula (= + - @, tab, CR) gets a leading
 * apostrophe, so a name can never run as one.
 */
export function csvField(value: Cell): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csvLine = (cells: readonly Cell[]) => cells.map(csvField).join(',');
const percent = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);
const WORDS = {
  vi: { yes: 'Có', no: 'Không', 'in-person': 'Trực tiếp', online: 'Trực tuyến', hybrid: 'Trực tiếp kết hợp trực tuyến', regular: 'Thường kỳ', thematic: 'Chuyên đề', combined: 'Thường kỳ và chuyên đề', cell: 'Chi bộ', 'base-committee': 'Đảng bộ cơ sở', 'party-group': 'Chi bộ sinh hoạt theo tổ đảng', none: 'Không', warning: 'Cảnh báo', 'removal-review': 'Xem xét xoá tên' },
  en: { yes: 'Yes', no: 'No', 'in-person': 'In person', online: 'Online', hybrid: 'Hybrid', regular: 'Regular', thematic: 'Thematic', combined: 'Regular and thematic', cell: 'Cell', 'base-committee': 'Base committee', 'party-group': 'Cell by party groups', none: 'None', warning: 'Warning', 'removal-review': 'Removal review' },
} as const;

const HEADERS: Record<PilotReportTable, Record<Lang, readonly string[]>> = {
  cells: {
    vi: ['Mã đơn vị', 'Tên đơn vị', 'Loại', 'Đơn vị cấp trên', 'Trực tuyến đã đăng ký', 'Trực tuyến đã họp', 'Giới hạn trực tuyến/năm', 'Số buổi đã họp', 'Tỷ lệ dự (%)', 'Lượt vắng không lý do', 'Buổi chưa đủ thời lượng', 'Điểm', 'Xếp loại', 'Đảng viên bị cảnh báo'],
    en: ['Unit id', 'Unit', 'Kind', 'Upper-level unit', 'Online registered', 'Online held', 'Online limit per year', 'Meetings held', 'Attendance (%)', 'Absences without reason', 'Meetings under the minimum', 'Score', 'Grade', 'Members warned'],
  },
  meetings: {
    vi: ['Mã cuộc họp', 'Mã chi bộ', 'Chi bộ', 'Tiêu đề', 'Thời gian họp', 'Tháng', 'Loại', 'Hình thức', 'Đảng viên triệu tập', 'Có mặt', 'Có mặt trực tiếp', 'Có mặt trực tuyến', 'Tỷ lệ dự (%)', 'Vắng có lý do', 'Vắng không lý do', 'Người vắng không lý do', 'Thời lượng (phút)', 'Tối thiểu (phút)', 'Đủ thời lượng', 'Số ý kiến đánh giá', 'Điểm', 'Xếp loại'],
    en: ['Meeting id', 'Cell id', 'Cell', 'Title', 'Held at (Vietnam time)', 'Month', 'Kind', 'Mode', 'Members called', 'Present', 'Present in person', 'Present online', 'Attendance (%)', 'Absent with reason', 'Absent without reason', 'Absentees without reason', 'Duration (min)', 'Minimum (min)', 'Duration met', 'Assessments', 'Score', 'Grade'],
  },
  members: {
    vi: ['Mã chi bộ', 'Mã đảng viên', 'Họ và tên', 'Số buổi', 'Có mặt', 'Tỷ lệ dự (%)', ...Array.from({ length: 12 }, (_, i) => `Tháng ${i + 1}`), 'Tháng vắng không lý do', 'Mức', 'Ghi chú'],
    en: ['Cell id', 'Member id', 'Name', 'Meetings', 'Present', 'Attendance (%)', ...Array.from({ length: 12 }, (_, i) => `Month ${i + 1}`), 'Months absent without reason', 'Level', 'Note'],
  },
};

/** One table of the report as CSV text (without the byte-order mark). */
export function pilotCsv(report: PilotReport, table: PilotReportTable, lang: Lang = 'vi'): string {
  const w = WORDS[lang];
  const rows: Cell[][] = [];
  if (table === 'cells') {
    for (const c of report.cells) {
      rows.push([
        c.cellId, c.cellName, w[c.unitKind], c.parentName ?? c.parentId ?? null, c.onlineScheduled, c.onlineHeld, c.onlineLimit, c.meetingsHeld,
        percent(c.attendanceRate), c.absentWithoutReason, c.shortMeetings, c.score, c.grade ? c.grade[lang] : null, c.membersWarned,
      ]);
    }
  } else if (table === 'meetings') {
    for (const m of report.meetings) {
      rows.push([
        m.meetingId, m.cellId, m.cellName, m.title, vietnameseDateTime(m.heldAt), m.month, w[m.kind], w[m.mode], m.membersCounted, m.present,
        m.presentInPerson, m.presentOnline, percent(m.attendanceRate), m.absentWithReason, m.absentWithoutReason,
        m.absenteesWithoutReason.map((a) => a.name).join('; '), m.durationMinutes, m.requiredMinutes, m.durationMet ? w.yes : w.no,
        m.assessments, m.score, m.grade ? m.grade[lang] : null,
      ]);
    }
  } else {
    for (const m of report.members) {
      const byMonth = new Map(m.months.map((x) => [x.month, x]));
      const months = Array.from({ length: 12 }, (_, i) => {
        const x = byMonth.get(i + 1);
        return x ? `${x.present}/${x.meetings}` : null;
      });
      rows.push([
        m.cellId, m.memberId, m.name, m.meetings, m.present, percent(m.attendanceRate), ...months,
        m.monthsAbsentWithoutReason.join(' '), w[m.level], m.message[lang],
      ]);
    }
  }
  return [HEADERS[table][lang], ...rows].map(csvLine).join('\r\n') + '\r\n';
}
