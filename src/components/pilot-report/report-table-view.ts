/**
 * One table of `<pilot-report>` on the page: its caption and CSV button, the
 * rows the person has asked to see, and, under a long table, how many rows
 * are shown ("Đang hiện 50/2.431 dòng", a polite status that a screen reader
 * announces when it changes, and that describes the table's region) with the
 * buttons that show more.
 */
import { html, nothing } from 'lit';
import { formatNumber } from '../shared/format.js';
import type { Lang } from '../shared/i18n.js';
import type { ReportKey } from './pilot-report.strings.js';
import type { ReportTable } from './report-tables.js';

type Say = (key: ReportKey, params?: Record<string, string | number>) => string;

/** What a table shows and how it reports back. */
export interface TableView {
  readonly say: Say;
  readonly lang: Lang;
  readonly table: ReportTable;
  /** How many rows to render. */
  readonly shown: number;
  /** Whether the table is cut on screen (longer than a page): then it has the count, and buttons while rows are hidden. */
  readonly long: boolean;
  /** Rows one "show more" adds. */
  readonly pageSize: number;
  onCsv(table: ReportTable): void;
  onMore(table: ReportTable, all: boolean): void;
}

/** The table block: heading, CSV button, the rows, and the count with its buttons. */
export function renderReportTable(view: TableView) {
  const { table, say } = view;
  const captionId = `caption-${table.id}`;
  const countId = `rows-${table.id}`;
  return html`<section class="table-block" data-table=${table.id}>
    <div class="table-head">
      <h3 id=${captionId}>${table.caption}</h3>
      <button type="button" part="csv" data-action="csv" @click=${() => view.onCsv(table)}>
        ${say('csv')}<span class="visually-hidden"> ${say('csv.which', { table: table.caption })}</span>
      </button>
    </div>
    <div class="scroll" id="table-${table.id}" tabindex="0" role="region" aria-labelledby=${captionId} aria-describedby=${view.long ? countId : nothing}>
      <table part="table">
        <thead>
          <tr>
            ${table.headers.map((h) => html`<th scope="col">${h}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${table.rows.slice(0, view.shown).map(
            (row) => html`<tr data-key=${row.key}>
              ${row.cells.map((c, i) =>
                i === 0 ? html`<th scope="row" class=${c.tone ?? ''}>${c.text}</th>` : html`<td class="${c.numeric ? 'num' : ''} ${c.tone ?? ''}">${c.text}</td>`,
              )}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${view.long ? renderRowsFooter(view, countId) : nothing}
  </section>`;
}

function renderRowsFooter(view: TableView, countId: string) {
  const { table, say, lang } = view;
  const total = table.rows.length;
  const next = Math.min(view.pageSize, total - view.shown);
  return html`<div class="rows" part="rows">
    <p id=${countId} role="status" data-rows-count>${say('rows.shown', { shown: formatNumber(lang, view.shown), total: formatNumber(lang, total) })}</p>
    ${next > 0
      ? html`<div class="rows-actions">
          <button type="button" data-action="more-rows" @click=${() => view.onMore(table, false)}>
            ${say('rows.more', { n: formatNumber(lang, next) })}<span class="visually-hidden"> ${say('rows.which', { table: table.caption })}</span>
          </button>
          <button type="button" class="link" data-action="all-rows" @click=${() => view.onMore(table, true)}>
            ${say('rows.all')}<span class="visually-hidden"> ${say('rows.all-which', { total: formatNumber(lang, total), table: table.caption })}</span>
          </button>
        </div>`
      : nothing}
  </div>`;
}
