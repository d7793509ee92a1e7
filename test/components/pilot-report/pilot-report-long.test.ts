import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../../src/components/pilot-report/define.js';
import type { PilotReportElement } from '../../../src/components/pilot-report/pilot-report.js';
import type { AttendanceMark } from '../../../src/core/index.js';
import { $, $$, adminToken, click, createCell, holdMeeting, membersOf, scheduleMeeting, serverStarted, textIn, unique, until } from '../console-fixture.js';

const CELLS = 50;
const MEMBERS = 50;

/**
 * One unit of 50 cells of 50 members held in 2027, each cell once in
 * February with three members marked (the rest never marked): the
 * per-member table has 2,500 rows, the others 50 (a unit's report in full,
 * under the server's summary threshold of 3,000 rows).
 */
async function largeUnit(): Promise<{ token: string; parent: string }> {
  const root = await adminToken();
  const parent = unique('dang-bo-lon');
  const marks: AttendanceMark[] = ['present-online', 'present-in-person', 'absent-without-reason'];
  const one = async (i: number) => {
    const id = `${parent}-cb${String(i + 1).padStart(2, '0')}`;
    const members = membersOf(id, MEMBERS);
    await createCell(root, { id, name: `Chi bộ ${String(i + 1).padStart(2, '0')}`, parentId: parent, parentName: 'Đảng bộ lớn', members, cannotMeetInPerson: members.slice(0, 30).map((m) => m.id) });
    const at = '2027-02-10T19:30:00+07:00';
    const meeting = await scheduleMeeting(root, {
      cellId: id,
      title: 'Sinh hoạt tháng 2/2027',
      scheduledAt: at,
      mode: 'hybrid',
      chairId: members[0]!.id,
      bridgePoints: [{ id: 'phong-hop', name: 'Phòng họp', main: true }],
    });
    await holdMeeting(meeting, at, 95, Object.fromEntries(marks.map((mark, k) => [members[k]!.id, { mark }])));
  };
  // Ten at a time: the server is real, and two cores are shared.
  for (let i = 0; i < CELLS; i += 10) await Promise.all(Array.from({ length: 10 }, (_, k) => one(i + k)));
  return { token: await adminToken({ units: [parent] }), parent };
}

/** Milliseconds from the report's arrival to the page rendered and laid out, for a `page-size` (absent: the element's default). */
async function renderTime(token: string, unit: string, pageSize?: number): Promise<{ el: PilotReportElement; ms: number }> {
  let arrived = 0;
  const el = await fixture<PilotReportElement>(
    html`<pilot-report year="2027" unit=${unit} token=${token} page-size=${pageSize ?? 50} @party-report-loaded=${() => (arrived = performance.now())}></pilot-report>`,
  );
  await until(() => arrived > 0, 'the report', 30_000);
  await el.updateComplete;
  // Layout too: what the person waits for is the page drawn, not only the DOM built.
  el.shadowRoot!.querySelector('[data-table=members] table')!.getBoundingClientRect();
  const ms = performance.now() - arrived;
  return { el, ms };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const memberRows = (el: PilotReportElement) => $$(el, '[data-table=members] tbody tr').length;
const active = (el: PilotReportElement) => el.shadowRoot!.activeElement as HTMLElement | null;

describe('<pilot-report> with a unit of 2,500 members', function () {
  this.timeout(180_000);
  let unit: Awaited<ReturnType<typeof largeUnit>>;
  before(serverStarted);
  before(async function () {
    this.timeout(300_000);
    unit = await largeUnit();
  });

  const render = async (extra: { lang?: string; pageSize?: number } = {}) => {
    const el = await fixture<PilotReportElement>(
      html`<pilot-report year="2027" unit=${unit.parent} token=${unit.token} lang=${extra.lang ?? ''} page-size=${extra.pageSize ?? 50}></pilot-report>`,
    );
    await until(() => $(el, '[data-loading]') === null && $(el, '[data-table=members]') !== null, 'the report', 30_000);
    return el;
  };

  it('is accessible with the first rows, the count and the buttons', async () => {
    const el = await render();
    await expect(el).to.be.accessible();
  });

  it('shows the first 50 of 2,500 rows with the count, and more by keyboard; focus stays on the button, then goes to the first row added', async () => {
    const el = await render();
    expect(memberRows(el)).to.equal(50);
    expect(textIn(el, '[data-table=members] [data-rows-count]')).to.equal('Đang hiện 50/2.500 dòng');
    const count = $(el, '[data-table=members] [data-rows-count]')!;
    expect(count.getAttribute('role')).to.equal('status');
    // The table's region is described by the count: a screen reader says it on entering the table.
    expect($(el, '#table-members')!.getAttribute('aria-describedby')).to.equal(count.id);
    expect(textIn(el, '[data-table=members] [data-action=more-rows]')).to.equal('Xem thêm 50 dòng của bảng “Từng đảng viên theo tháng”');
    expect(textIn(el, '[data-table=members] [data-action=all-rows]')).to.equal('Xem tất cả 2.500 dòng của bảng “Từng đảng viên theo tháng”');
    // 50 cells and 50 meetings: not longer than a page, so whole and without a count.
    expect($$(el, '[data-table=cells] tbody tr').length).to.equal(50);
    expect($(el, '[data-table=cells] [data-rows-count]') === null, 'no count under a table of one page').to.be.true;
    expect($(el, '#table-cells')!.hasAttribute('aria-describedby')).to.be.false;

    const more = $<HTMLButtonElement>(el, '[data-table=members] [data-action=more-rows]')!;
    more.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => memberRows(el) === 100, '100 rows');
    await el.updateComplete;
    expect(textIn(el, '[data-table=members] [data-rows-count]')).to.equal('Đang hiện 100/2.500 dòng');
    expect(active(el) === more, 'focus on "Xem thêm"').to.be.true;
    await sendKeys({ press: 'Space' });
    await until(() => memberRows(el) === 150, '150 rows');

    await click(el, $(el, '[data-table=members] [data-action=all-rows]'));
    await until(() => memberRows(el) === 2500, 'every row');
    await el.updateComplete;
    expect(textIn(el, '[data-table=members] [data-rows-count]')).to.equal('Đang hiện 2.500/2.500 dòng');
    expect($(el, '[data-table=members] [data-action=more-rows]') === null, 'no more button').to.be.true;
    const focused = active(el)!;
    expect(focused.localName).to.equal('th');
    expect([...$$(el, '[data-table=members] tbody tr')].indexOf(focused.parentElement!)).to.equal(150);
  });

  it('adds what is left when less than a page is left', async () => {
    const el = await render({ pageSize: 1000 });
    expect(memberRows(el)).to.equal(1000);
    await click(el, $(el, '[data-table=members] [data-action=more-rows]'));
    expect(memberRows(el)).to.equal(2000);
    expect(textIn(el, '[data-table=members] [data-action=more-rows]')).to.equal('Xem thêm 500 dòng của bảng “Từng đảng viên theo tháng”');
  });

  it('draws the latest 30 meetings in the per-meeting chart and says the table has them all', async () => {
    const el = await render();
    const bars = $$<HTMLLIElement>(el, '[data-chart=meetings] li.row');
    const rows = $$(el, '[data-table=meetings] tbody tr');
    expect(bars.length).to.equal(30);
    expect(rows.length).to.equal(50);
    expect($(el, '[data-chart=meetings] .legend')!.textContent!.trim()).to.equal('30 buổi gần nhất trong 50 buổi; bảng số liệu có đủ mọi buổi.');
  });

  it('exports every row as CSV while 50 are shown', async () => {
    const el = await render();
    let csv = '';
    el.addEventListener('party-export-request', (e) => {
      csv = e.detail.csv;
      e.preventDefault();
    });
    await click(el, $(el, '[data-table=members] button[data-action=csv]'));
    const lines = csv.split('\r\n').filter((line) => line !== '');
    expect(lines.length).to.equal(1 + CELLS * MEMBERS);
    expect(lines.filter((line) => line.startsWith(`Đảng viên ${MEMBERS},Chi bộ ${CELLS},`)).length).to.equal(1);
    expect(memberRows(el)).to.equal(50);
  });

  it('prints every row, from its button and from the browser (Ctrl+P), and hides the count on paper', async () => {
    const el = await render();
    // The browser's print dialog cannot open in headless Chromium: what matters is the page when it is called.
    const print = window.print;
    let rowsPrinted = 0;
    window.print = () => {
      rowsPrinted = memberRows(el);
    };
    try {
      await click(el, $(el, 'button[data-action=print]'));
      await until(() => rowsPrinted > 0, 'the print');
    } finally {
      window.print = print;
    }
    expect(rowsPrinted).to.equal(2500);
    window.dispatchEvent(new Event('afterprint'));
    await el.updateComplete;
    expect(memberRows(el)).to.equal(50);
    // The browser's own print: beforeprint, then the page laid out once the microtasks ran.
    window.dispatchEvent(new Event('beforeprint'));
    await el.updateComplete;
    expect(memberRows(el)).to.equal(2500);
    await emulateMedia({ media: 'print' });
    try {
      expect(getComputedStyle($(el, '[data-table=members] .rows')!).display).to.equal('none');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
    window.dispatchEvent(new Event('afterprint'));
    await el.updateComplete;
    expect(memberRows(el)).to.equal(50);
  });

  it('speaks English', async () => {
    const el = await render({ lang: 'en' });
    expect(textIn(el, '[data-table=members] [data-rows-count]')).to.equal('Showing 50 of 2,500 rows');
    expect(textIn(el, '[data-table=members] [data-action=more-rows]')).to.equal('Show 50 more rows of the table “By member and month”');
  });

  it('renders the first rows much faster than every row (figures in the browser log)', async () => {
    const all: number[] = [];
    const first: number[] = [];
    for (let run = 0; run < 3; run++) {
      const a = await renderTime(unit.token, unit.parent, 0);
      expect(memberRows(a.el)).to.equal(CELLS * MEMBERS);
      all.push(a.ms);
      a.el.remove();
      await aTimeout(50);
      const f = await renderTime(unit.token, unit.parent);
      expect(memberRows(f.el)).to.equal(50);
      first.push(f.ms);
      f.el.remove();
      await aTimeout(50);
    }
    console.log(
      `pilot-report render, 2,500-member table: every row ${all.map(Math.round).join('/')} ms (median ${Math.round(median(all))}); first 50 rows ${first.map(Math.round).join('/')} ms (median ${Math.round(median(first))})`,
    );
    expect(median(first)).to.be.below(median(all));
  });
});
