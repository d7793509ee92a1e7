import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CellSummary, PilotReport } from '../../client/index.js';
import { vietnamParts } from '../../core/index.js';
import { ApiElement } from '../shared/api-element.js';
import { API_STRINGS } from '../shared/api-element.strings.js';
import { consoleStyles } from '../shared/console-styles.js';
import { formatDate, formatDateTime, formatNumber, formatShare, plural } from '../shared/format.js';
import { baseStyles } from '../shared/styles.js';
import { ExportRequestEvent, PrintRequestEvent, ReportExportedEvent, ReportLoadedEvent } from './pilot-report.events.js';
import { pilotReportStyles } from './pilot-report.styles.js';
import { STRINGS, type ReportKey } from './pilot-report.strings.js';
import { barChart, lineChart, type BarRow, type LinePoint } from './report-charts.js';
import { renderReportTable } from './report-table-view.js';
import { downloadText, reportTables, tableCsv, type ReportTable, type TableId } from './report-tables.js';
import { TableRowsController } from './table-rows.js';

/** How many meetings the per-meeting chart draws at most (the latest): more bars than this no one reads at a glance. */
const MEETING_BARS = 30;

/**
 * The yearly evaluation of the online-meeting pilot for the upper level
 * (seed 004: "hàng năm … đánh giá kết quả thực hiện chủ trương thí điểm"):
 * online meetings per cell against the yearly limit (Hướng dẫn 03-HD/TW),
 * attendance by month and by meeting, each member's attendance over the
 * months with the warning before the 3-month rule (Điều lệ Đảng, Điều 8,
 * khoản 2), assessment scores and grades, and meetings shorter than the
 * minimum (Hướng dẫn 42-HD/BTCTW). Charts are SVG drawn by hand (bars and a
 * line), each with its figures in a table; every table downloads as CSV
 * made in the browser (UTF-8 with a byte-order mark); the page prints.
 * A table longer than `page-size` rows (50) shows its first rows with a
 * count and "Xem thêm"; its CSV and the printed page have every row.
 *
 * The class is `PilotReportElement`, not `PilotReport`: that name is the
 * report's data type (src/client/api-types.ts).
 *
 * @tagname pilot-report
 * @summary The upper level's yearly report on the online-meeting pilot: charts, tables, CSV and print.
 * @event party-report-loaded - When the report has loaded (`detail.report`).
 * @event party-export-request - Before a table is saved as CSV (`detail.table`, `detail.filename`, `detail.csv`); cancelable.
 * @event party-report-exported - After the CSV was handed to the browser to save.
 * @event party-print-request - Before the report is printed; cancelable.
 * @event party-api-error - When a request failed (`detail.status`, `detail.code`).
 * @csspart title - The heading.
 * @csspart controls - The year and unit filters and the print button.
 * @csspart summary - The sentence summing up the year.
 * @csspart chart - Each chart's figure.
 * @csspart table - Each table.
 * @csspart csv - Each "Tải CSV" button.
 * @csspart rows - Under a long table: the rows shown of how many, and the buttons that show more.
 * @csspart warnings - Members absent without reason for 2 months or more.
 * @csspart failure - A failed request, with its retry button.
 * @cssproperty --party-accent - Bars, the line, and primary buttons.
 * @cssproperty --party-ok - The grade Tốt.
 * @cssproperty --party-warn - Warnings and short meetings.
 * @cssproperty --party-danger - The 3-month rule reached, and errors.
 * @cssproperty --party-surface - Background of boxes.
 * @cssproperty --party-border - Borders, chart tracks and grid lines.
 */
export class PilotReportElement extends ApiElement {
  static override styles = [baseStyles, consoleStyles, pilotReportStyles];

  /** The calendar year (Vietnam time); default this year. */
  @property({ type: Number }) year = 0;
  /** A cell id or a parent unit id; empty: every unit the token may see. */
  @property() unit = '';
  /**
   * How much to ask: `auto` (default) gets everything for a unit and, for a
   * large scope such as a province, a summary (every cell and month, the
   * short meetings and the warned members) with a note to choose a unit;
   * `summary` or `full` force one.
   */
  @property() detail: 'auto' | 'summary' | 'full' = 'auto';
  /**
   * How many rows a long table shows at first, and how many "Xem thêm" adds
   * (default 50); 0 shows every row (slow for a unit's per-member table).
   * The CSV export and printing always have every row.
   */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  @state() private report?: PilotReport;
  @state() private cells: readonly CellSummary[] = [];
  @state() private shownYear = 0;
  @state() private shownUnit = '';
  @state() private exported = '';

  private s = (key: ReportKey, params?: Record<string, string | number>): string => this.local(STRINGS, key, params);
  private rows = new TableRowsController(this, () => this.pageSize);

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('year') || changed.has('unit') || changed.has('detail') || changed.has('api') || changed.has('token')) {
      this.shownYear = this.year || vietnamParts(new Date().toISOString()).year;
      this.shownUnit = this.unit;
      this.reload();
    }
  }

  protected override reload(): void {
    if (this.token) void this.loadReport(true);
  }

  private async loadReport(withCells: boolean): Promise<void> {
    const year = this.shownYear;
    const unit = this.shownUnit || undefined;
    const result = await this.load(async (client, signal) => {
      // With `auto`, a large scope (a province) comes as a summary; its meetings and members are read per unit.
      const [report, cells] = await Promise.all([client.pilotReport(year, unit, signal, this.detail), withCells ? client.cells(this.unit || undefined, signal) : undefined]);
      return { report, cells };
    });
    if (!result) return;
    this.report = result.report;
    this.rows.reset();
    if (result.cells) this.cells = result.cells.cells;
    this.exported = '';
    this.dispatchEvent(new ReportLoadedEvent({ report: result.report }));
  }

  private handleYear = (event: Event): void => {
    this.shownYear = Number((event.target as HTMLSelectElement).value);
    void this.loadReport(false);
  };

  private handleUnit = (event: Event): void => {
    this.shownUnit = (event.target as HTMLSelectElement).value;
    void this.loadReport(false);
  };

  /** Prints every row of every table, not only the rows open on screen (see table-rows.ts). */
  private handlePrint = async (): Promise<void> => {
    if (!this.dispatchEvent(new PrintRequestEvent())) return;
    await this.rows.expandForPrint();
    window.print();
  };

  /**
   * Shows more rows. Focus stays on the button while rows remain; when the
   * buttons go, it moves to the first row added, so it is never lost.
   */
  private handleMore = async (table: ReportTable, all: boolean): Promise<void> => {
    const total = table.rows.length;
    const before = all ? this.rows.all(table.id, total) : this.rows.more(table.id, total);
    await this.updateComplete;
    const block = this.renderRoot.querySelector(`[data-table=${table.id}]`);
    if (block?.querySelector('[data-action=more-rows]')) return;
    const first = block?.querySelectorAll<HTMLElement>('tbody tr > th')[before];
    if (!first) return;
    first.tabIndex = -1;
    first.focus();
  };

  private handleCsv(table: ReportTable): void {
    const filename = `bao-cao-thi-diem-${this.shownYear}${this.shownUnit ? `-${this.shownUnit}` : ''}-${table.id}.csv`;
    const csv = tableCsv(table);
    if (!this.dispatchEvent(new ExportRequestEvent({ table: table.id, filename, csv }))) return;
    downloadText(filename, csv);
    this.exported = this.s('csv.done', { file: filename });
    this.dispatchEvent(new ReportExportedEvent({ table: table.id, filename }));
  }

  private async focusTable(id: TableId): Promise<void> {
    const region = this.renderRoot.querySelector<HTMLElement>(`#table-${id}`);
    region?.scrollIntoView({ block: 'start' });
    region?.focus();
  }

  protected override render() {
    if (!this.token) return html`<p class="muted" data-no-api>${this.local(API_STRINGS, 'no-api')}</p>`;
    const report = this.report;
    const tables = report ? reportTables(report, this.language, this.s) : undefined;
    return html`<section class="report" aria-labelledby="report-title">
      <div class="head">
        <h2 id="report-title" part="title">${this.s('title', { year: this.shownYear })}</h2>
        ${this.renderControls()}
      </div>
      ${this.renderFailure()} ${this.renderLoading()}
      ${report && tables
        ? html`<p class="muted generated">${this.s('generated', { when: formatDateTime(this.language, report.generatedAt) })}</p>
            ${this.renderSummary(report)}
            ${report.meetings.length === 0 && report.cells.every((c) => c.onlineScheduled === 0)
              ? html`<p class="muted" data-empty>${this.s('empty')}</p>`
              : html`<div class="charts">${this.renderCharts(report)}</div>
                  ${this.renderWarnings(report)} ${this.renderShort(report)} ${this.renderDetailNote(report)}
                  ${(report.detail === 'summary' ? (['cells', 'months'] as const) : (['cells', 'months', 'meetings', 'members'] as const)).map((id) =>
                    renderReportTable({
                      say: this.s,
                      lang: this.language,
                      table: tables[id],
                      shown: this.rows.count(id, tables[id].rows.length),
                      long: this.rows.isLong(tables[id].rows.length),
                      pageSize: this.rows.size,
                      onCsv: (table) => this.handleCsv(table),
                      onMore: this.handleMore,
                    }),
                  )}`}
            <p role="status" class="visually-hidden" data-exported>${this.exported}</p>`
        : nothing}
    </section>`;
  }

  private renderControls() {
    const now = vietnamParts(new Date().toISOString()).year;
    const years = [...new Set([...Array.from({ length: 6 }, (_, i) => now + 1 - i), this.shownYear])].sort((a, b) => b - a);
    const parents = [...new Map(this.cells.filter((c) => c.parentId).map((c) => [c.parentId!, c.parentName ?? c.parentId!])).entries()];
    return html`<div class="controls" part="controls">
      <div class="field">
        <label for="year">${this.s('filter.year')}</label>
        <select id="year" @change=${this.handleYear}>
          ${years.map((y) => html`<option value=${y} ?selected=${y === this.shownYear}>${y}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="unit">${this.s('filter.unit')}</label>
        <select id="unit" @change=${this.handleUnit}>
          <option value="" ?selected=${this.shownUnit === ''}>${this.s('filter.all')}</option>
          ${parents.map(([id, name]) => html`<option value=${id} ?selected=${id === this.shownUnit}>${name}</option>`)}
          ${this.cells.map((c) => html`<option value=${c.id} ?selected=${c.id === this.shownUnit}>${c.name}</option>`)}
        </select>
      </div>
      <button type="button" data-action="print" @click=${this.handlePrint}>${this.s('print')}</button>
    </div>`;
  }

  /** In a summary, why the per-meeting and per-member tables are not here, and how to see them. */
  private renderDetailNote(report: PilotReport) {
    if (report.detail !== 'summary' || !report.totals) return nothing;
    const lang = this.language;
    const { meetings, members } = report.totals;
    return html`<p class="note" data-detail="summary">
      ${this.s('detail.summary', { cells: formatNumber(lang, report.cells.length), meetings: formatNumber(lang, meetings), members: formatNumber(lang, members) })}
    </p>`;
  }

  private renderSummary(report: PilotReport) {
    const lang = this.language;
    // A summary counts the whole scope in `totals`; its lists hold only the short meetings and the warned members.
    const counted = report.totals?.membersCounted ?? report.meetings.reduce((sum, m) => sum + m.membersCounted, 0);
    const present = report.totals?.present ?? report.meetings.reduce((sum, m) => sum + m.present, 0);
    const short = report.totals?.short ?? report.meetings.filter((m) => !m.durationMet).length;
    const warned = report.totals?.warned ?? report.members.filter((m) => m.level !== 'none').length;
    const parts = [
      plural(STRINGS, lang, 'summary.cells', report.cells.length),
      plural(STRINGS, lang, 'summary.meetings', report.totals?.meetings ?? report.meetings.length),
      counted > 0 ? this.s('summary.rate', { rate: formatShare(lang, present / counted) }) : this.s('summary.no-rate'),
      plural(STRINGS, lang, 'summary.short', short),
      plural(STRINGS, lang, 'summary.warned', warned),
    ];
    return html`<p class="summary" part="summary" role="status" data-summary>${parts.join(' · ')}</p>`;
  }

  private renderCharts(report: PilotReport) {
    const lang = this.language;
    const online: BarRow[] = report.cells.map((c) => ({
      key: c.cellId,
      label: c.cellName,
      value: c.onlineScheduled,
      inner: c.onlineHeld,
      limit: c.onlineLimit,
      valueText: `${c.onlineScheduled}/${c.onlineLimit}`,
      ...(c.onlineScheduled >= c.onlineLimit ? { tone: 'full' } : {}),
    }));
    const onlineMax = Math.max(1, ...report.cells.map((c) => Math.max(c.onlineLimit, c.onlineScheduled)));
    const byMonth = new Map(report.months.map((m) => [m.month, m]));
    const months: LinePoint[] = Array.from({ length: 12 }, (_, i) => {
      const rate = byMonth.get(i + 1)?.attendanceRate ?? null;
      return {
        key: String(i + 1),
        axis: String(i + 1),
        value: rate,
        title: rate === null ? this.s('chart.months-none', { month: i + 1 }) : this.s('chart.months-label', { month: i + 1, rate: formatShare(lang, rate) }),
      };
    });
    const meetings: BarRow[] = [...report.meetings]
      .sort((a, b) => Date.parse(a.heldAt) - Date.parse(b.heldAt))
      .map((m) => ({
        key: m.meetingId,
        label: `${formatDate(lang, m.heldAt)} — ${m.cellName}`,
        value: (m.attendanceRate ?? 0) * 100,
        valueText: m.attendanceRate === null ? '—' : formatShare(lang, m.attendanceRate, 0),
      }));
    const scored = report.cells.filter((c) => c.score !== null);
    const scores: BarRow[] = scored.map((c) => ({
      key: c.cellId,
      label: c.cellName,
      value: c.score!,
      valueText: formatNumber(lang, c.score!),
      ...(c.grade ? { tone: `grade-${c.grade.id}` } : {}),
    }));
    const bands = report.grades.filter((g) => g.minScore > 0);
    const bandText = bands.map((g) => `${g.name[lang]} ≥ ${g.minScore}`).join(', ');
    return html`
      ${this.renderFigure('online', this.s('chart.online'), this.s('chart.online-legend'), barChart(online, onlineMax), 'cells')}
      ${this.renderFigure('months', this.s('chart.months'), this.s('chart.month-axis'), lineChart(months, this.s('chart.months'), (v) => formatShare(lang, v, 0)), 'months')}
      ${report.detail === 'summary'
        ? nothing
        : this.renderFigure(
            'meetings',
            this.s('chart.meetings'),
            // A bar per meeting reads for a cell or a few; a unit's 600 would not: the latest ones, the table has all.
            meetings.length > MEETING_BARS
              ? this.s('chart.meetings-latest', { shown: formatNumber(lang, MEETING_BARS), total: formatNumber(lang, meetings.length) })
              : '',
            barChart(meetings.slice(-MEETING_BARS), 100),
            'meetings',
          )}
      ${scores.length
        ? this.renderFigure(
            'scores',
            this.s('chart.scores'),
            this.s('chart.scores-legend', { bands: bandText }),
            barChart(scores, Math.max(100, ...scores.map((r) => r.value)), bands.map((g) => g.minScore)),
            'cells',
          )
        : nothing}
    `;
  }

  private renderFigure(id: string, caption: string, legend: string, chart: unknown, table: TableId) {
    return html`<figure class="chart-figure" part="chart" data-chart=${id}>
      <figcaption>
        <strong>${caption}</strong>
        ${legend ? html`<span class="legend muted">${legend}</span>` : nothing}
      </figcaption>
      ${chart}
      <button type="button" class="link" data-action="figures" @click=${() => this.focusTable(table)}>
        ${this.s('table.data')}: ${this.s(`table.${table}`)}
      </button>
    </figure>`;
  }

  private renderWarnings(report: PilotReport) {
    const warned = report.members.filter((m) => m.level !== 'none');
    const cellName = (id: string) => report.cells.find((c) => c.cellId === id)?.cellName ?? id;
    return html`<section class="warnings" part="warnings" aria-labelledby="warnings-title">
      <h3 id="warnings-title">${this.s('warnings.title')}</h3>
      <p class="muted">${this.s('warnings.rule')}</p>
      ${warned.length === 0
        ? html`<p data-warnings-none>${this.s('warnings.none')}</p>`
        : html`<ul>
            ${warned.map(
              (m) => html`<li class=${m.level} data-member-id=${m.memberId}>
                <strong>${m.name}</strong> (${cellName(m.cellId)}): <span>${m.message[this.language]}</span>
              </li>`,
            )}
          </ul>`}
      ${this.renderMore(warned.length, report.totals?.warned)}
    </section>`;
  }

  private renderShort(report: PilotReport) {
    const short = report.meetings.filter((m) => !m.durationMet);
    return html`<section class="short" aria-labelledby="short-title">
      <h3 id="short-title">${this.s('short.title')}</h3>
      <p class="muted">${this.s('short.rule')}</p>
      ${short.length === 0
        ? html`<p data-short-none>${this.s('short.none')}</p>`
        : html`<ul>
            ${short.map(
              (m) => html`<li data-meeting-id=${m.meetingId}>
                ${this.s('short.item', { date: formatDate(this.language, m.heldAt), cell: m.cellName, minutes: m.durationMinutes, required: m.requiredMinutes })}
              </li>`,
            )}
          </ul>`}
      ${this.renderMore(short.length, report.totals?.short)}
    </section>`;
  }

  /** In a summary whose list was cut, how many more there are and where to see them. */
  private renderMore(shown: number, total: number | undefined) {
    if (total === undefined || total <= shown) return nothing;
    const lang = this.language;
    return html`<p class="muted" data-more>${this.s('detail.more', { count: formatNumber(lang, total - shown), shown: formatNumber(lang, shown) })}</p>`;
  }
}
