import type { PilotReport } from '../../client/index.js';
import type { TableId } from './report-tables.js';

/** Fired when the report for the year (and unit) has loaded. */
export class ReportLoadedEvent extends Event {
  static readonly type = 'party-report-loaded';
  constructor(readonly detail: { readonly report: PilotReport }) {
    super(ReportLoadedEvent.type, { bubbles: true, composed: true });
  }
}

/** Fired before a table is saved as CSV; cancel it with `preventDefault()` to save `detail.csv` yourself. */
export class ExportRequestEvent extends Event {
  static readonly type = 'party-export-request';
  constructor(readonly detail: { readonly table: TableId; readonly filename: string; readonly csv: string }) {
    super(ExportRequestEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

/** Fired after the browser was given the CSV file to save. */
export class ReportExportedEvent extends Event {
  static readonly type = 'party-report-exported';
  constructor(readonly detail: { readonly table: TableId; readonly filename: string }) {
    super(ReportExportedEvent.type, { bubbles: true, composed: true });
  }
}

/** Fired before the report is printed; cancel it with `preventDefault()` to print in your own way. */
export class PrintRequestEvent extends Event {
  static readonly type = 'party-print-request';
  constructor() {
    super(PrintRequestEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'party-report-loaded': ReportLoadedEvent;
    'party-export-request': ExportRequestEvent;
    'party-report-exported': ReportExportedEvent;
    'party-print-request': PrintRequestEvent;
  }
}
