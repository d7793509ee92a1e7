import type { AgendaItem, AgendaStep } from '../state.js';
import type { MeetingKind } from '../types.js';

type Row = readonly [step: AgendaStep, title: string, minutes: number];

/**
 * The regular monthly meeting: the three steps of Hướng dẫn 42-HD/BTCTW
 * (28/10/2025) (opening: purpose and delegates, minute-taker, roll call, party
 * dues, agenda; content: the month's report, guidance, discussion, tasks;
 * closing: resolution vote, quality rating, minutes read back and adopted), in
 * the order of xã Tuy Lộc's 16-step program (Yên Bái, 2022; DOMAIN.md).
 */
const REGULAR: readonly Row[] = [
  ['opening', 'Tuyên bố lý do, giới thiệu đại biểu', 3],
  ['opening', 'Cử thư ký cuộc họp', 2],
  ['opening', 'Ổn định tổ chức, điểm danh', 5],
  ['opening', 'Báo cáo thu nộp đảng phí', 2],
  ['opening', 'Thông qua chương trình', 2],
  ['content', 'Báo cáo tình hình tháng và phương hướng tháng tới', 15],
  ['content', 'Triển khai văn bản của cấp trên', 10],
  ['content', 'Định hướng sinh hoạt của đảng ủy', 5],
  ['content', 'Đại biểu cấp trên phát biểu', 10],
  ['content', 'Tiếp thu ý kiến', 5],
  ['content', 'Thảo luận', 15],
  ['content', 'Tổng hợp ý kiến, phân công nhiệm vụ', 5],
  ['closing', 'Biểu quyết thông qua kết luận hoặc nghị quyết', 3],
  ['closing', 'Xét kết nạp, chuyển đảng chính thức (nếu có)', 5],
  ['closing', 'Chấm điểm buổi sinh hoạt', 3],
  ['closing', 'Thông qua biên bản', 5],
  ['closing', 'Kết thúc', 1],
];

/** The thematic meeting's own content (HD 42: at least once a quarter). */
const THEMATIC_CONTENT: readonly Row[] = [
  ['content', 'Trình bày báo cáo chuyên đề', 20],
  ['content', 'Thảo luận chuyên đề', 40],
  ['content', 'Đại biểu cấp trên phát biểu về chuyên đề', 10],
  ['content', 'Kết luận chuyên đề', 5],
];

const THEMATIC: readonly Row[] = [
  ...REGULAR.slice(0, 3),
  ['opening', 'Thông qua chương trình', 2],
  ...THEMATIC_CONTENT,
  ['closing', 'Thông qua biên bản', 5],
  ['closing', 'Kết thúc', 1],
];

const item = (part: AgendaItem['part'], index: number, [step, title, plannedMinutes]: Row): AgendaItem => ({
  id: `${part === 'regular' ? 'r' : 't'}${String(index + 1).padStart(2, '0')}`,
  title,
  step,
  part,
  plannedMinutes,
  status: 'pending',
});

/**
 * The default program for a kind of meeting. Regular and thematic meetings
 * held in one session run one after the other (HD 42): the regular meeting up
 * to its vote and rating, then the thematic content, then the minutes.
 */
export function agendaTemplate(kind: MeetingKind): AgendaItem[] {
  if (kind === 'regular') return REGULAR.map((row, i) => item('regular', i, row));
  if (kind === 'thematic') return THEMATIC.map((row, i) => item('thematic', i, row));
  const regular = REGULAR.map((row, i) => item('regular', i, row));
  const ending = regular.slice(-2);
  return [...regular.slice(0, -2), ...THEMATIC_CONTENT.map((row, i) => item('thematic', i, row)), ...ending];
}
