import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../src/components/pilot-report/define.js';
import type { ReportExportedEvent } from '../../../src/components/pilot-report/pilot-report.events.js';
import type { PilotReportElement } from '../../../src/components/pilot-report/pilot-report.js';
import type { AttendanceMark } from '../../../src/core/index.js';
import { $, $$, adminToken, call, click, createCell, holdMeeting, membersOf, pick, scheduleMeeting, serverStarted, textIn, unique, until } from '../console-fixture.js';

const NAMES = ['Hoàng Văn Minh', 'Nguyễn Thị Lan', 'Trần Đức Thắng', 'Lê Thị Hoa'];

/**
 * A province of two cells held in 2027: Văn Yên met three times (January,
 * February, March), Lê Thị Hoa absent without reason in January and
 * February (the warning before the 3-month rule), the March meeting only 40
 * minutes, and the February one assessed 82 (Khá); Lục Yên met once, on the same day in March, earlier.
 */
async function province() {
  const root = await adminToken();
  const parent = unique('dang-bo');
  const cells = [
    { id: unique('van-yen'), name: 'Chi bộ VNPT Văn Yên' },
    { id: unique('luc-yen'), name: '=Chi bộ VNPT Lục Yên' },
  ];
  const members = Object.fromEntries(cells.map((c) => [c.id, membersOf(c.id, 4, NAMES)]));
  for (const c of cells) {
    await createCell(root, { ...c, parentId: parent, parentName: 'Đảng bộ VNPT Yên Bái', members: members[c.id]!, cannotMeetInPerson: members[c.id]!.slice(0, 3).map((m) => m.id) });
  }
  const delegate = { id: 'dang-van-son', name: 'Đặng Văn Sơn' };
  const hold = async (cellId: string, month: number, minutes: number, absentWithoutReason: string[] = [], time = '19:30') => {
    const at = `2027-0${month}-10T${time}:00+07:00`;
    const id = await scheduleMeeting(root, {
      cellId,
      title: `Sinh hoạt tháng ${month}/2027`,
      scheduledAt: at,
      mode: 'hybrid',
      chairId: members[cellId]![0]!.id,
      bridgePoints: [{ id: 'phong-hop', name: 'Phòng họp', main: true }],
      delegates: [delegate],
    });
    const roll = Object.fromEntries(
      members[cellId]!.map((m) => [m.id, { mark: (absentWithoutReason.includes(m.id) ? 'absent-without-reason' : 'present-online') as AttendanceMark }]),
    );
    await holdMeeting(id, at, minutes, roll);
    return id;
  };
  const [vy, ly] = cells.map((c) => c.id) as [string, string];
  const hoa = members[vy]![3]!.id;
  const ids = { jan: await hold(vy, 1, 95, [hoa]), feb: await hold(vy, 2, 100, [hoa]), mar: await hold(vy, 3, 40), lucYen: await hold(ly, 3, 120, [], '14:00') };
  await call(root, 'POST', `/api/meetings/${ids.feb}/assessment`, {
    delegateId: delegate.id,
    strengths: 'Tốt.',
    limitations: '',
    lessons: '',
    criteria: { preparation: 18, attendance: 14, procedure: 18, content: 20, technology: 12 },
  });
  const token = await adminToken({ units: [parent] });
  return { token, parent, vy, ly, ids, hoa };
}

async function render(token: string, extra: { lang?: string; unit?: string } = {}): Promise<PilotReportElement> {
  const el = await fixture<PilotReportElement>(html`<pilot-report year="2027" token=${token} unit=${extra.unit ?? ''} lang=${extra.lang ?? ''}></pilot-report>`);
  await until(() => $(el, '[data-loading]') === null && ($(el, '[data-summary]') !== null || $(el, '[data-failure]') !== null), 'the report');
  return el;
}

const rowTexts = (el: PilotReportElement, table: string) =>
  $$<HTMLTableRowElement>(el, `[data-table=${table}] tbody tr`).map((tr) => [...tr.cells].map((c) => c.textContent!.trim()));

describe('<pilot-report> against the real server', function () {
  this.timeout(30_000);
  let shared: Awaited<ReturnType<typeof province>>;
  before(serverStarted);
  before(async () => {
    shared = await province();
  });

  it('is accessible, charts and tables included', async () => {
    const el = await render(shared.token);
    await expect(el).to.be.accessible();
  });

  it('sums the year up in one sentence', async () => {
    const el = await render(shared.token);
    expect(textIn(el, 'h2')).to.equal('Đánh giá thí điểm sinh hoạt trực tuyến năm 2027');
    // 16 members called, 14 present: 87,5 %.
    expect(textIn(el, '[data-summary]')).to.equal(
      '2 chi bộ · 4 buổi sinh hoạt đã tổ chức · tỷ lệ đảng viên dự 87,5% · 1 buổi ngắn hơn thời lượng tối thiểu · 1 đảng viên cần cảnh báo vắng không lý do',
    );
  });

  it('draws each chart as an SVG image with a label, its figures in a table', async () => {
    const el = await render(shared.token);
    const charts = $$(el, 'figure[data-chart]').map((f) => f.dataset['chart']);
    expect(charts).to.deep.equal(['online', 'months', 'meetings', 'scores']);
    // Bars: each row's label and figure are text, the bar an SVG; the line chart is one SVG image with a label.
    expect($$(el, 'figure[data-chart] svg').length).to.equal(2 + 1 + 4 + 1);
    const line = $(el, '[data-chart=months] svg')!;
    expect(line.getAttribute('role')).to.equal('img');
    expect(line.getAttribute('aria-label')).to.equal('Tỷ lệ đảng viên dự họp theo tháng');
    const online = $$<HTMLLIElement>(el, '[data-chart=online] li.row').map((li) => [li.dataset['key'], li.querySelector('.figure')!.textContent]);
    // By name, as the server sorts them ("=" before "C").
    expect(online).to.deep.equal([
      [shared.ly, '1/3'],
      [shared.vy, '3/3'],
    ]);
    expect($(el, `[data-chart=online] li.row[data-key="${shared.vy}"]`)!.classList.contains('full')).to.be.true;
    expect(textIn(el, `[data-chart=online] li.row[data-key="${shared.vy}"]`)).to.equal('Chi bộ VNPT Văn Yên 3/3');
    // Attendance by month: points in January, February and March only.
    expect($$<SVGCircleElement>(el, '[data-chart=months] circle').map((c) => c.dataset['key'])).to.deep.equal(['1', '2', '3']);
    expect($$(el, '[data-chart=months] circle title').map((t) => t.textContent)).to.deep.equal(['Tháng 1: 75%', 'Tháng 2: 75%', 'Tháng 3: 100%']);
    expect($$(el, '[data-chart=meetings] li.row').length).to.equal(4);
    expect($$<HTMLLIElement>(el, '[data-chart=scores] li.row').map((li) => li.classList.contains('grade-fair'))).to.deep.equal([true]);
    expect($$(el, '[data-chart=scores] line.marker').length).to.equal(3);
    // "The chart's figures" takes the person to the table.
    await click(el, $(el, '[data-chart=months] button[data-action=figures]'));
    expect(el.shadowRoot!.activeElement?.id).to.equal('table-months');
  });

  it('lists cells, meetings and members with attendance over the months, the warning, and the short meeting', async () => {
    const el = await render(shared.token);
    expect(rowTexts(el, 'cells').map((r) => r.slice(0, 8))).to.deep.equal([
      ['=Chi bộ VNPT Lục Yên', 'Đảng bộ VNPT Yên Bái', 'Chi bộ', '1', '1', '3', '1', '100%'],
      ['Chi bộ VNPT Văn Yên', 'Đảng bộ VNPT Yên Bái', 'Chi bộ', '3', '3', '3', '3', '83,3%'],
    ]);
    const meetings = rowTexts(el, 'meetings');
    expect(meetings.map((r) => [r[0], r[1], r[6], r[8], r[9], r[10], r[12]])).to.deep.equal([
      ['10/01/2027', 'Chi bộ VNPT Văn Yên', '75%', '1', 'Lê Thị Hoa', '95', 'Có'],
      ['10/02/2027', 'Chi bộ VNPT Văn Yên', '75%', '1', 'Lê Thị Hoa', '100', 'Có'],
      ['10/03/2027', '=Chi bộ VNPT Lục Yên', '100%', '0', '', '120', 'Có'],
      ['10/03/2027', 'Chi bộ VNPT Văn Yên', '100%', '0', '', '40', 'Không'],
    ]);
    expect(meetings[1]!.slice(14)).to.deep.equal(['82', 'Khá']);
    const hoa = rowTexts(el, 'members').find((r) => r[0] === 'Lê Thị Hoa' && r[1] === 'Chi bộ VNPT Văn Yên')!;
    expect(hoa.slice(2, 8)).to.deep.equal(['3', '1', '33,3%', '0/1', '0/1', '1/1']);
    expect(hoa.slice(-2)).to.deep.equal(['1, 2', 'Cảnh báo']);
    expect(textIn(el, `.warnings li[data-member-id="${shared.hoa}"]`)).to.contain('Lê Thị Hoa').and.contain('Cảnh báo').and.contain('Điều lệ Đảng, Điều 8, khoản 2');
    expect($$(el, '.short li').map((li) => li.textContent!.trim())).to.deep.equal(['10/03/2027 — Chi bộ VNPT Văn Yên: 40/90 phút']);
  });

  it('exports every table as CSV made in the browser: UTF-8 with a BOM, quoted, and a name never run as a formula', async () => {
    const el = await render(shared.token);
    const tables = $$<HTMLButtonElement>(el, 'button[data-action=csv]');
    expect(tables.length).to.equal(4);
    const files: Record<string, string> = {};
    el.addEventListener('party-export-request', (e) => {
      files[e.detail.table] = e.detail.csv;
      e.preventDefault();
    });
    for (const button of tables) await click(el, button);
    expect(Object.keys(files)).to.deep.equal(['cells', 'months', 'meetings', 'members']);
    expect(files['cells']!.startsWith('\uFEFFChi bộ,Đảng bộ,Loại,Trực tuyến đã đăng ký')).to.be.true;
    expect(files['cells']!.split('\r\n')[1]).to.equal("'=Chi bộ VNPT Lục Yên,Đảng bộ VNPT Yên Bái,Chi bộ,1,1,3,1,100,0,0,,,0");
    expect(files['cells']!.split('\r\n')[2]).to.equal('Chi bộ VNPT Văn Yên,Đảng bộ VNPT Yên Bái,Chi bộ,3,3,3,3,83.3,2,1,82,Khá,1');
    expect(files['months']!.split('\r\n').slice(1, 4)).to.deep.equal(['1,1,4,3,75', '2,1,4,3,75', '3,2,8,8,100']);
    expect(files['members']).to.contain('Lê Thị Hoa,Chi bộ VNPT Văn Yên,3,1,33.3,0 / 1,0 / 1,1 / 1,,,,,,,,,,"1, 2",Cảnh báo');
    // Without a host page that cancels, the browser is given the file.
    const fresh = await render(shared.token);
    const done = oneEvent(fresh, 'party-report-exported') as Promise<ReportExportedEvent>;
    await click(fresh, $(fresh, '[data-table=meetings] button[data-action=csv]'));
    expect((await done).detail.filename).to.equal('bao-cao-thi-diem-2027-meetings.csv');
    expect(textIn(fresh, '[data-exported]')).to.equal('Đã tạo tệp bao-cao-thi-diem-2027-meetings.csv.');
  });

  it('asks the page before printing', async () => {
    const el = await render(shared.token);
    const asked = oneEvent(el, 'party-print-request');
    el.addEventListener('party-print-request', (e) => e.preventDefault(), { once: true });
    await click(el, $(el, 'button[data-action=print]'));
    expect((await asked).cancelable).to.be.true;
  });

  it('narrows to one cell, and to another year', async () => {
    const el = await render(shared.token);
    await pick(el, $<HTMLSelectElement>(el, '#unit'), shared.ly);
    await until(() => rowTexts(el, 'cells').length === 1, 'one cell');
    expect(rowTexts(el, 'cells')[0]![0]).to.equal('=Chi bộ VNPT Lục Yên');
    await pick(el, $<HTMLSelectElement>(el, '#year'), '2026');
    await until(() => $(el, '[data-empty]') !== null, 'an empty year');
    expect(textIn(el, 'h2')).to.equal('Đánh giá thí điểm sinh hoạt trực tuyến năm 2026');
    expect(textIn(el, '[data-empty]')).to.equal('Chưa có số liệu cho năm này.');
  });

  it('as a summary (what a province gets): the whole scope in the sentence, every cell and month, the short meeting and the warning, and a note to choose a unit', async () => {
    const el = await fixture<PilotReportElement>(html`<pilot-report year="2027" detail="summary" token=${shared.token}></pilot-report>`);
    await until(() => $(el, '[data-loading]') === null && $(el, '[data-summary]') !== null, 'the report');
    expect(textIn(el, '[data-summary]')).to.equal(
      '2 chi bộ · 4 buổi sinh hoạt đã tổ chức · tỷ lệ đảng viên dự 87,5% · 1 buổi ngắn hơn thời lượng tối thiểu · 1 đảng viên cần cảnh báo vắng không lý do',
    );
    expect(textIn(el, '[data-detail=summary]')).to.equal(
      'Báo cáo chung của 2 đơn vị chỉ gồm số liệu tổng hợp (4 buổi sinh hoạt, 8 đảng viên). Chọn một đơn vị ở ô “Đơn vị” để xem và xuất CSV từng buổi sinh hoạt, từng đảng viên.',
    );
    expect($$(el, 'section[data-table]').map((t) => t.dataset['table'])).to.deep.equal(['cells', 'months']);
    expect($$(el, 'figure[data-chart]').map((f) => f.dataset['chart'])).to.deep.equal(['online', 'months', 'scores']);
    expect($$(el, '.short li').map((li) => li.textContent!.trim())).to.deep.equal(['10/03/2027 — Chi bộ VNPT Văn Yên: 40/90 phút']);
    expect($(el, `.warnings li[data-member-id="${shared.hoa}"]`) !== null, 'the warning').to.be.true;
    await expect(el).to.be.accessible();
  });

  it('speaks English', async () => {
    const el = await render(shared.token, { lang: 'en' });
    expect(textIn(el, '[data-summary]')).to.equal('2 cells · 4 meetings held · attendance 87.5% · 1 meeting shorter than the minimum · 1 member to be warned for absences without reason');
  });

  it('says the session expired (401)', async () => {
    const el = await render(await adminToken({ expiresIn: '-10s' }));
    expect($(el, '[data-failure]')!.dataset['failure']).to.equal('token-expired');
  });
});
