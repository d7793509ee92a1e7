/**
 * The minutes (biên bản) as a printable HTML page, in the national layout
 * (DOMAIN.md "Minutes"; Hướng dẫn 36-HD/VPTW): the issuing organisation top
 * left, ĐẢNG CỘNG SẢN VIỆT NAM top right with a rule beneath and the
 * place-and-date line under it, the title, then time and place, chair and
 * minute-taker, delegates, attendance, the course of the meeting, votes with
 * counts and denominator, conclusions and tasks, the rating, the time closed,
 * adoption, and the signature blocks. Every text from the record is escaped.
 */
import { createHash } from 'node:crypto';
import { vietnameseDateTime, type MinutesModel, type VoteResult } from '../../src/core/index.js';
import type { Assessment } from '../registry-store.js';

/** Escapes text for an HTML element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `
@page { size: A4; margin: 20mm 20mm 20mm 30mm; }
body { font-family: "Times New Roman", Times, serif; font-size: 14pt; line-height: 1.45; color: #000; background: #fff; max-width: 170mm; margin: 1em auto; }
.heading { display: grid; grid-template-columns: 1fr 1fr; text-align: center; gap: 1em; }
.heading p { margin: 0; }
.party { font-weight: bold; }
.party::after { content: ""; display: block; width: 55%; margin: 2px auto 0; border-bottom: 1px solid #000; }
.org .cell { font-weight: bold; }
.place-date { font-style: italic; margin-top: 0.6em !important; }
h1 { font-size: 15pt; text-align: center; margin: 1.2em 0 0.8em; }
h2 { font-size: 14pt; margin: 1em 0 0.3em; }
ul, ol { margin: 0.2em 0; padding-left: 1.4em; }
.draft { text-align: center; font-weight: bold; border: 1px solid #000; padding: 0.2em; }
.signatures { display: grid; grid-template-columns: 1fr 1fr; text-align: center; margin-top: 2em; }
.signatures p { margin: 0; }
.signatures .role { font-weight: bold; }
.signatures .hint { font-style: italic; font-size: 12pt; }
.signatures .name { margin-top: 4em; font-weight: bold; }
`;

/** The page's Content-Security-Policy: nothing runs; only this page's own stylesheet, by hash. */
export const MINUTES_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'`;

/** What the page shows beside the minutes themselves. */
export interface MinutesPage {
  readonly minutes: MinutesModel;
  /** The place written before the date ("Yên Bái, ngày … tháng … năm …"); the main bridge point when absent. */
  readonly locality?: string;
  readonly assessments: readonly Assessment[];
  /** Names of the delegates, by id, for the assessments. */
  readonly delegateNames: Readonly<Record<string, string>>;
}

const percentVi = (value: number) => `${String(value).replace('.', ',')} %`;

/** "7/12 tán thành (58,3 %) — đạt", with the tally and how the denominator was reached (QĐ 294-QĐ/TW, 9.3.2). */
function voteLines(result: VoteResult): string[] {
  const { tally, denominator: d } = result;
  const rule = result.threshold === 'two-thirds' ? 'ít nhất hai phần ba' : 'quá nửa';
  const excluded = [
    d.attachedElsewhere ? `${d.attachedElsewhere} sinh hoạt tạm thời nơi khác` : '',
    d.exemptAbsent ? `${d.exemptAbsent} miễn sinh hoạt vắng mặt` : '',
    d.suspended ? `${d.suspended} bị đình chỉ sinh hoạt` : '',
    d.absentWithAcceptedReason ? `${d.absentWithAcceptedReason} vắng có lý do được chấp nhận` : '',
  ].filter(Boolean);
  return [
    `${tally.agree}/${d.value} tán thành (${percentVi(result.percent)}) — ${result.passed ? 'đạt' : 'không đạt'}`,
    `Tán thành ${tally.agree}, không tán thành ${tally.disagree}, ý kiến khác ${tally.other}; số phiếu ${result.cast}.`,
    `Cần ${rule} số đảng viên chính thức tán thành: ít nhất ${result.required}/${d.value}. Mẫu số: ${d.called} đảng viên chính thức được triệu tập` +
      (excluded.length ? `, trừ ${excluded.join(', ')}` : '') +
      ` (Quy định 294-QĐ/TW, điểm 9.3.2).`,
  ];
}

const list = (items: readonly string[]) => (items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : '<p>Không có.</p>');

/** The whole page, UTF-8, nothing to run. */
export function minutesHtml({ minutes: m, locality, assessments, delegateNames }: MinutesPage): string {
  const e = escapeHtml;
  const a = m.attendance;
  const absentees = a.absentees.map((x) => {
    const kind = x.mark === 'absent-with-reason' ? 'vắng có lý do' : x.mark === 'exempt' ? 'miễn sinh hoạt' : 'vắng không có lý do';
    return `${e(x.name)}: ${kind}${x.reason ? ` (${e(x.reason)})` : ''}`;
  });
  const course = m.course
    .filter((c) => c.item.status !== 'pending' || c.speeches.length > 0 || c.notes.length > 0)
    .map((c) => {
      const skipped = c.item.status === 'skipped' ? ` <em>(không thực hiện${c.item.skipReason ? `: ${e(c.item.skipReason)}` : ''})</em>` : '';
      const speakers = c.speeches.map((s) => `${e(s.name)} phát biểu (${e(vietnameseDateTime(s.from))})`);
      const notes = c.notes.map((n) => e(n.text));
      return `<li><strong>${e(c.item.title)}</strong>${skipped}${list([...speakers, ...notes])}</li>`;
    });
  const votes = m.votes.map((vote) => {
    const kind = vote.ballot === 'secret' ? 'bỏ phiếu kín' : 'biểu quyết công khai';
    const lines = vote.result ? voteLines(vote.result).map(e) : ['Chưa có kết quả.'];
    return `<li><strong>${e(vote.title)}</strong> (${kind})<br>${lines.join('<br>')}</li>`;
  });
  const tasks = m.tasks.map((t) => `${e(t.description)} — ${e(t.assignee)}, hạn ${e(t.deadline)}`);
  const assessed = assessments.map((x) => {
    const who = e(delegateNames[x.delegateId] ?? x.delegateId);
    const score = x.score !== undefined ? `; điểm: ${x.score}` : '';
    return `<li><strong>${who}</strong>${score}<br>Ưu điểm: ${e(x.strengths)}<br>Hạn chế: ${e(x.limitations || 'không')}<br>Bài học kinh nghiệm: ${e(x.lessons || 'không')}</li>`;
  });
  const place = locality ?? m.place;
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(m.title)} — ${e(m.organization.cell)}</title>
<style>${STYLE}</style></head>
<body>
<header class="heading">
  <div class="org">${m.organization.parent ? `<p>${e(m.organization.parent.toLocaleUpperCase('vi'))}</p>` : ''}<p class="cell">${e(m.organization.cell.toLocaleUpperCase('vi'))}</p><p>*</p></div>
  <div><p class="party">ĐẢNG CỘNG SẢN VIỆT NAM</p><p class="place-date">${e(place)}, ${e(m.date)}</p></div>
</header>
<h1>${e(m.title.toLocaleUpperCase('vi'))}</h1>
${m.status === 'adopted' ? '' : '<p class="draft">BẢN DỰ THẢO — biên bản chưa được thông qua</p>'}
<h2>I. Thời gian, địa điểm, thành phần</h2>
<p>Thời gian: ${m.openedAt ? `bắt đầu lúc ${e(vietnameseDateTime(m.openedAt))}` : 'chưa khai mạc'}.</p>
<p>Địa điểm: ${e(m.place)}${m.bridgePoints.length > 1 ? ` (điểm cầu chính); các điểm cầu khác: ${m.bridgePoints.slice(1).map(e).join('; ')}` : ''}.</p>
<p>Chủ trì: ${e(m.chair)}. Thư ký: ${m.recorder ? e(m.recorder) : 'chưa bầu'}.</p>
<p>Đại biểu cấp trên:</p>${list(m.delegates.map((d) => `${e(d.name)}${d.organization ? `, ${e(d.organization)}` : ''}`))}
<p>Tổng số đảng viên: ${a.total} (chính thức ${a.full}, dự bị ${a.probationary}; sinh hoạt tạm thời ${a.attachedHere}); miễn sinh hoạt: ${a.exempt}.</p>
<p>Có mặt: ${a.present} (trực tiếp ${a.presentInPerson}, trực tuyến ${a.presentOnline}); vắng có lý do: ${a.absentWithReason}; vắng không có lý do: ${a.absentWithoutReason}${a.unmarked ? `; chưa điểm danh: ${a.unmarked}` : ''}.</p>
${absentees.length ? `<p>Đảng viên vắng mặt:</p>${list(absentees)}` : ''}
<h2>II. Diễn biến cuộc họp</h2>
${course.length ? `<ol>${course.join('')}</ol>` : '<p>Chưa có nội dung.</p>'}
<h2>III. Biểu quyết</h2>
${list(votes)}
<h2>IV. Kết luận và phân công nhiệm vụ</h2>
${list(m.conclusions.map((c) => e(c.text)))}
${tasks.length ? `<p>Nhiệm vụ:</p>${list(tasks)}` : ''}
<p>Chấm điểm buổi sinh hoạt: ${m.rating ? `${m.rating.score} điểm${m.rating.note ? ` — ${e(m.rating.note)}` : ''}` : 'chưa chấm'}.</p>
${assessed.length ? `<h2>V. Nhận xét của đại biểu cấp trên</h2><ul>${assessed.join('')}</ul>` : ''}
${m.annexes.length ? `<h2>Phụ lục</h2>${list(m.annexes.map((x) => e(x.text)))}` : ''}
<p>${m.closedAt ? `Cuộc họp kết thúc lúc ${e(vietnameseDateTime(m.closedAt))}.` : 'Cuộc họp chưa kết thúc.'} ${m.status === 'adopted' ? 'Biên bản đã được đọc lại trước cuộc họp và được thông qua.' : 'Biên bản chưa được thông qua.'}</p>
<footer class="signatures">
  <div><p class="role">THƯ KÝ</p><p class="hint">(Ký, ghi rõ họ tên)</p><p class="name">${m.recorder ? e(m.recorder) : ''}</p></div>
  <div><p class="role">CHỦ TRÌ</p><p class="hint">(Ký, ghi rõ họ tên)</p><p class="name">${e(m.chair)}</p></div>
</footer>
</body></html>
`;
}
