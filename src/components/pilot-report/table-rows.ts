/**
 * How many rows of each long table `<pilot-report>` puts on the page. A
 * unit's per-member table has thousands of rows (a unit of 50 cells: 2,500,
 * 1.7 MB of JSON); built all at once they take over a second to draw on a
 * laptop and no one reads them on screen. So a table longer than the page
 * size shows its first rows and grows by a page at the person's request,
 * while the CSV export always writes every row (it is made from the data,
 * not from the page) and printing prints every row: a printed report is the
 * document of record, and a person printing it expects the whole table, not
 * what happened to be open on screen. The print path is both the element's
 * print button and the browser's own (Ctrl+P), through `beforeprint` and
 * `afterprint`: Lit renders in a microtask, which runs before the browser
 * lays the page out for printing.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The rows shown per table, and whether the page is being printed. */
export class TableRowsController implements ReactiveController {
  private shown = new Map<string, number>();
  private printing = false;

  /** `pageSize` is read on each render: the element's property, 0 (or nonsense) for every row. */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly pageSize: () => number,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('beforeprint', this.handleBeforePrint);
    window.addEventListener('afterprint', this.handleAfterPrint);
  }

  hostDisconnected(): void {
    window.removeEventListener('beforeprint', this.handleBeforePrint);
    window.removeEventListener('afterprint', this.handleAfterPrint);
  }

  /** The page size in force: a whole number of rows, or 0 for every row. */
  get size(): number {
    const size = Math.floor(this.pageSize());
    return Number.isFinite(size) && size > 0 ? size : 0;
  }

  /** Whether a table of `total` rows is cut on screen (then it has the count and the buttons). */
  isLong(total: number): boolean {
    return this.size > 0 && total > this.size;
  }

  /** How many of a table's `total` rows to render now (all of them while printing). */
  count(id: string, total: number): number {
    if (this.printing || !this.isLong(total)) return total;
    return Math.min(total, this.shown.get(id) ?? this.size);
  }

  /** One more page of a table; returns how many rows were shown before. */
  more(id: string, total: number): number {
    const before = this.count(id, total);
    this.shown.set(id, Math.min(total, before + this.size));
    this.host.requestUpdate();
    return before;
  }

  /** Every row of a table; returns how many rows were shown before. */
  all(id: string, total: number): number {
    const before = this.count(id, total);
    this.shown.set(id, total);
    this.host.requestUpdate();
    return before;
  }

  /** Back to the first page of every table (a new report was loaded). */
  reset(): void {
    this.shown.clear();
  }

  /** Renders every row for printing and resolves once they are on the page; `afterprint` goes back. */
  async expandForPrint(): Promise<void> {
    this.handleBeforePrint();
    await this.host.updateComplete;
  }

  private handleBeforePrint = (): void => {
    if (this.printing) return;
    this.printing = true;
    this.host.requestUpdate();
  };

  private handleAfterPrint = (): void => {
    if (!this.printing) return;
    this.printing = false;
    this.host.requestUpdate();
  };
}
