/**
 * The report's tables, each defined once: what the page shows and what the
 * CSV export writes come from the same rows. A CSV is made in the browser:
 * UTF-8 with a byte-order mark (so spreadsheet programs read Vietnamese),
 * RFC 4180 quoting, CRLF line ends, and any text a spreadsheet would run as a
 * formula (= + - @, tab, CR) prefixed with an apostrophe.
 */
import type { PilotReport } from '../../client/index.js';
import { formatDate, formatNumber, formatShare } from '../shared/format.js';
import type { Lang } from '../shared/i18n.js';
import type { ReportKey } from './pilot-report.strings.js';

/** One cell of a table: the text shown, and the value written to CSV when it differs. */
export interface TableCell {
  readonly text: string;
  readonly csv?: string | number | null;
  readonly numeric?: boolean;
  /** A class for the cell (a warning, a short meeting). */
  readonly tone?: string;
}

/** The tables the report has. */
export type TableId = 'cells' | 'months' | 'meetings' | 'members';

/** One table: caption, headers, rows; the first cell of a row is its header. */
export interface ReportTable {
  readonly id: TableId;
  readonly caption: string;
  readonly headers: readonly string[];
  readonly rows: ReadonlyArray<{ readonly key: string; readonly cells: readonly TableCell[] }>;
}

type Say = (key: ReportKey, params?: Record<string, string | number>) => string;

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/** Builds every table of the report in `lang`. */
export function reportTables(report: PilotReport, lang: Lang, say: Say): Record<TableId, ReportTable> {
  const num = (n: number): TableCell => ({ text: formatNumber(lang, n), csv: n, numeric: true });
  const rate = (r: number | null): TableCell => ({ text: r === null ? '—' : formatShare(lang, r), csv: percent(r), numeric: true });
  const text = (t: string, tone?: string): TableCell => ({ text: t, ...(tone ? { tone } : {}) });
  const grade = (g: { readonly vi: string; readonly en: string } | null): TableCell => (g ? text(g[lang]) : { text: '—', csv: null });
  const score = (s: number | null): TableCell => (s === null ? { text: say('no-score'), csv: null, numeric: true } : num(s));
  return {
    cells: {
      id: 'cells',
      caption: say('table.cells'),
      headers: ['col.cell', 'col.parent', 'col.kind', 'col.online-scheduled', 'col.online-held', 'col.online-limit', 'col.meetings-held', 'col.rate', 'col.absent-without', 'col.short', 'col.score', 'col.grade', 'col.warned'].map((k) => say(k as ReportKey)),
      rows: report.cells.map((c) => ({
        key: c.cellId,
        cells: [
          text(c.cellName),
          text(c.parentName ?? c.parentId ?? ''),
          text(say(`kind.${c.unitKind}`)),
          { ...num(c.onlineScheduled), ...(c.onlineScheduled >= c.onlineLimit ? { tone: 'full' } : {}) },
          num(c.onlineHeld),
          num(c.onlineLimit),
          num(c.meetingsHeld),
          rate(c.attendanceRate),
          { ...num(c.absentWithoutReason), ...(c.absentWithoutReason > 0 ? { tone: 'warn' } : {}) },
          { ...num(c.shortMeetings), ...(c.shortMeetings > 0 ? { tone: 'warn' } : {}) },
          score(c.score),
          grade(c.grade),
          { ...num(c.membersWarned), ...(c.membersWarned > 0 ? { tone: 'danger' } : {}) },
        ],
      })),
    },
    months: {
      id: 'months',
      caption: say('table.months'),
      headers: ['col.month', 'col.meetings', 'col.counted', 'col.present', 'col.rate'].map((k) => say(k as ReportKey)),
      rows: report.months.map((m) => ({
        key: String(m.month),
        cells: [{ text: String(m.month), csv: m.month }, num(m.meetings), num(m.membersCounted), num(m.present), rate(m.attendanceRate)],
      })),
    },
    meetings: {
      id: 'meetings',
      caption: say('table.meetings'),
      headers: ['col.date', 'col.cell', 'col.title', 'col.mode', 'col.counted', 'col.present', 'col.rate', 'col.absent-with', 'col.absent-without', 'col.absentees', 'col.duration', 'col.required', 'col.duration-met', 'col.assessments', 'col.score', 'col.grade'].map((k) => say(k as ReportKey)),
      rows: report.meetings.map((m) => ({
        key: m.meetingId,
        cells: [
          { text: formatDate(lang, m.heldAt), csv: m.heldAt },
          text(m.cellName),
          text(m.title),
          text(say(`mode.${m.mode}`)),
          num(m.membersCounted),
          num(m.present),
          rate(m.attendanceRate),
          num(m.absentWithReason),
          { ...num(m.absentWithoutReason), ...(m.absentWithoutReason > 0 ? { tone: 'warn' } : {}) },
          text(m.absenteesWithoutReason.map((a) => a.name).join('; ')),
          { ...num(m.durationMinutes), ...(m.durationMet ? {} : { tone: 'warn' }) },
          num(m.requiredMinutes),
          text(say(m.durationMet ? 'yes' : 'no'), m.durationMet ? undefined : 'warn'),
          num(m.assessments),
          score(m.score),
          grade(m.grade),
        ],
      })),
    },
    members: {
      id: 'members',
      caption: say('table.members'),
      headers: [
        say('col.member'),
        say('col.cell'),
        say('col.meetings'),
        say('col.present'),
        say('col.rate'),
        ...Array.from({ length: 12 }, (_, i) => String(i + 1)),
        say('col.months-absent'),
        say('col.level'),
      ],
      rows: report.members.map((m) => {
        const byMonth = new Map(m.months.map((x) => [x.month, x]));
        const cellName = report.cells.find((c) => c.cellId === m.cellId)?.cellName ?? m.cellId;
        return {
          key: `${m.cellId}/${m.memberId}`,
          cells: [
            text(m.name),
            text(cellName),
            num(m.meetings),
            num(m.present),
            rate(m.attendanceRate),
            ...Array.from({ length: 12 }, (_, i): TableCell => {
              const x = byMonth.get(i + 1);
              if (!x) return { text: say('month.none'), csv: null, numeric: true };
              // "2 / 3" with spaces: a spreadsheet reads "2/3" as a date.
              return { text: say('month.cell', { present: x.present, meetings: x.meetings }), csv: `${x.present} / ${x.meetings}`, numeric: true, ...(x.absentWithoutReason > 0 ? { tone: 'warn' } : {}) };
            }),
            text(m.monthsAbsentWithoutReason.join(', ')),
            text(say(`level.${m.level}`), m.level === 'none' ? undefined : m.level === 'warning' ? 'warn' : 'danger'),
          ],
        };
      }),
    },
  };
}

/** One CSV field: quoted when needed; a would-be formula made plain text. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A table as CSV text, with the UTF-8 byte-order mark. */
export function tableCsv(table: ReportTable): string {
  const lines = [table.headers.map(csvField).join(','), ...table.rows.map((row) => row.cells.map((c) => csvField(c.csv === undefined ? c.text : c.csv)).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Saves text as a file through the browser's download (no server round trip). */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has the blob by now; a later revoke keeps slow browsers safe.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
