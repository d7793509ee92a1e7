import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type {
  DelegatesAssignedEvent,
  DelegatesRequestEvent,
  MeetingOpenEvent,
} from '../../../src/components/meeting-schedule/meeting-schedule.events.js';
import type { MeetingSchedule } from '../../../src/components/meeting-schedule/meeting-schedule.js';
import type { MeetingSummary } from '../../../src/client/index.js';
import { $, $$, adminToken, call, click, pick, scheduleMeeting, serverStarted, textIn, unique, until } from '../console-fixture.js';
import { eightMemberCell } from './schedule.fixture.js';

/** Two cells under one parent unit with three meetings in March 2027, and a cell of another unit with one; a token for the parent. */
async function province() {
  const parent = unique('dang-bo');
  const a = await eightMemberCell({ cannotMeet: 6, parentId: parent, name: 'Chi bộ VNPT Văn Yên' });
  const b = await eightMemberCell({ cannotMeet: 6, parentId: parent, name: 'Chi bộ VNPT Lục Yên' });
  const other = await eightMemberCell({ cannotMeet: 6, parentId: unique('dang-bo-khac'), name: 'Chi bộ Đơn vị khác' });
  const room = [{ id: 'phong-hop', name: 'Phòng họp chi bộ', main: true }];
  const meeting = (cell: typeof a, title: string, scheduledAt: string) =>
    scheduleMeeting(a.root, { cellId: cell.id, title, scheduledAt, mode: 'hybrid', chairId: cell.members[0]!.id, bridgePoints: room });
  const ids = {
    a10: await meeting(a, 'Sinh hoạt định kỳ tháng 3', '2027-03-10T19:30:00+07:00'),
    a24: await meeting(a, 'Sinh hoạt chuyên đề quý I', '2027-03-24T08:00:00+07:00'),
    b10: await meeting(b, 'Sinh hoạt định kỳ tháng 3 (Lục Yên)', '2027-03-10T14:00:00+07:00'),
    other: await meeting(other, 'Không thuộc đơn vị', '2027-03-12T19:30:00+07:00'),
  };
  const token = await adminToken({ units: [parent], subject: 'ban-to-chuc' });
  return { parent, a, b, other, ids, token };
}

async function upper(token: string, extra: { lang?: string; meetingUrl?: string; unit?: string } = {}): Promise<MeetingSchedule> {
  const el = await fixture<MeetingSchedule>(
    html`<meeting-schedule mode="upper" month="2027-03" token=${token} unit=${extra.unit ?? ''} lang=${extra.lang ?? ''} meeting-url=${extra.meetingUrl ?? ''}></meeting-schedule>`,
  );
  await until(() => $(el, '[data-calendar]') !== null && !$(el, '[data-loading]'), 'the calendar');
  return el;
}

const listed = (el: MeetingSchedule) => $$<HTMLLIElement>(el, 'li[data-meeting-id]').map((li) => li.dataset['meetingId']);
const item = (el: MeetingSchedule, id: string) => $$<HTMLLIElement>(el, 'li[data-meeting-id]').find((li) => li.dataset['meetingId'] === id)!;

describe('<meeting-schedule mode="upper"> against the real server', function () {
  // Setting up a province takes a dozen requests; the tests that only read share one.
  this.timeout(30_000);
  let shared: Awaited<ReturnType<typeof province>>;
  before(serverStarted);
  before(async () => {
    shared = await province();
  });

  it('is accessible with the month’s calendar and list', async () => {
    const { token } = shared;
    const el = await upper(token);
    await expect(el).to.be.accessible();
  });

  it('shows only its own cells’ meetings, by day on the calendar and in time order in the list', async () => {
    const { token, ids } = shared;
    const el = await upper(token);
    expect(textIn(el, '[data-calendar] caption')).to.equal('Lịch tháng 3 năm 2027');
    expect(listed(el)).to.deep.equal([ids.b10, ids.a10, ids.a24]);
    expect(textIn(el, '#list-title')).to.equal('3 cuộc họp trong tháng 3 năm 2027');
    const days = $$<HTMLButtonElement>(el, 'button[data-action=day] [data-day-name]').map((b) => b.textContent!.trim());
    expect(days).to.deep.equal(['Ngày 10/03/2027: 2 cuộc họp', 'Ngày 24/03/2027: 1 cuộc họp']);
    expect(textIn(el, `li[data-meeting-id="${ids.a10}"] .head`)).to.contain('19:30 10/03/2027').and.contain('Trực tiếp kết hợp trực tuyến');
    expect(textIn(el, `li[data-meeting-id="${ids.a10}"] .name`)).to.equal('Chi bộ VNPT Văn Yên — Sinh hoạt định kỳ tháng 3');
    expect(textIn(el, `li[data-meeting-id="${ids.a10}"] [data-delegates]`)).to.equal('Chưa phân công đại biểu cấp trên.');
  });

  it('moves between months and filters by unit', async () => {
    const { token, ids, b } = shared;
    const el = await upper(token);
    await click(el, $(el, 'button[data-action=next-month]'));
    await until(() => $(el, '[data-empty]') !== null, 'April, empty');
    expect(textIn(el, '#list-title')).to.equal('0 cuộc họp trong tháng 4 năm 2027');
    expect(textIn(el, '[data-empty]')).to.equal('Không có cuộc họp nào trong tháng này.');
    await click(el, $(el, 'button[data-action=prev-month]'));
    await until(() => listed(el).length === 3, 'March again');
    const options = $$<HTMLOptionElement>(el, '#unit option').map((o) => o.textContent!.trim());
    expect(options).to.have.members(['Tất cả đơn vị', 'Chi bộ VNPT Văn Yên', 'Chi bộ VNPT Lục Yên']);
    await pick(el, $<HTMLSelectElement>(el, '#unit'), b.id);
    await until(() => listed(el).length === 1, 'one unit');
    expect(listed(el)).to.deep.equal([ids.b10]);
  });

  it('takes the person from a day of the calendar to its meetings in the list', async () => {
    const { token, ids } = shared;
    const el = await upper(token);
    const day24 = $$<HTMLButtonElement>(el, 'button[data-action=day]')[1]!;
    day24.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(item(el, ids.a24));
  });

  it('assigns a delegate from a new bridge point of the upper level, with an invite link, as the registry records it', async () => {
    const { token, ids } = await province();
    const el = await upper(token);
    await click(el, item(el, ids.a10).querySelector('button[data-action=assign]'));
    expect(item(el, ids.a10).querySelector('button[data-action=assign]')!.getAttribute('aria-expanded')).to.equal('true');
    // The form opens with the focus in its first field: the name, since no committee list was given.
    expect(el.shadowRoot!.activeElement?.getAttribute('data-field')).to.equal('name');
    await sendKeys({ type: 'Đặng Văn Sơn' });
    item(el, ids.a10).querySelector<HTMLInputElement>('[data-field=organization]')!.focus();
    await sendKeys({ type: 'Ban Thường vụ Đảng ủy Khối' });
    expect(item(el, ids.a10).querySelector<HTMLSelectElement>('[data-field=point]')!.value).to.equal('__new');
    item(el, ids.a10).querySelector<HTMLInputElement>('[data-field=new-point]')!.focus();
    await sendKeys({ type: 'Điểm cầu Đảng ủy Khối' });
    const requested = oneEvent(el, 'party-delegates-request') as Promise<DelegatesRequestEvent>;
    const assigned = oneEvent(el, 'party-delegates-assigned') as Promise<DelegatesAssignedEvent>;
    await click(el, item(el, ids.a10).querySelector('button[data-action=assign-submit]'));
    const request = (await requested).detail;
    expect(request.meetingId).to.equal(ids.a10);
    expect(request.request.delegates).to.deep.equal([
      { id: 'cap-tren-dang-van-son', name: 'Đặng Văn Sơn', organization: 'Ban Thường vụ Đảng ủy Khối', bridgePointId: 'diem-cau-cap-tren-diem-cau-dang-uy-khoi' },
    ]);
    const response = (await assigned).detail;
    expect(response.assigned).to.deep.equal(['cap-tren-dang-van-son']);
    await until(() => textIn(el, `li[data-meeting-id="${ids.a10}"] [data-delegates]`).startsWith('Đại biểu cấp trên'), 'the delegate in the list');
    expect(textIn(el, `li[data-meeting-id="${ids.a10}"] [data-delegates]`)).to.equal('Đại biểu cấp trên: Đặng Văn Sơn (tại Điểm cầu Đảng ủy Khối)');
    expect(textIn(el, '[data-announcement]')).to.equal('Đã phân công đồng chí Đặng Văn Sơn dự “Sinh hoạt định kỳ tháng 3”.');
    const link = item(el, ids.a10).querySelector<HTMLAnchorElement>('.invites a')!;
    expect(link.textContent!.trim()).to.equal('Đường link mời gửi đồng chí Đặng Văn Sơn');
    expect(link.href).to.match(/\/\?invite=/);
    expect(el.shadowRoot!.activeElement).to.equal(item(el, ids.a10).querySelector('button[data-action=assign]'));
    // The registry has them too.
    const registry = await call<{ meetings: MeetingSummary[] }>(token, 'GET', `/api/meetings?from=2027-03-10T00:00:00%2B07:00&to=2027-03-11T00:00:00%2B07:00`);
    const saved = registry.meetings.find((m) => m.id === ids.a10)!;
    expect(saved.delegates.map((d) => d.name)).to.deep.equal(['Đặng Văn Sơn']);
  });

  it('assigns a member of the standing committee given by the page, at one of the meeting’s bridge points', async () => {
    const { token, ids } = await province();
    const el = await upper(token);
    el.committee = [{ id: 'tran-thi-mai', name: 'Trần Thị Mai', organization: 'Phó Bí thư Đảng ủy Khối' }];
    await click(el, item(el, ids.b10).querySelector('button[data-action=assign]'));
    expect(item(el, ids.b10).querySelector('[data-field=name]') === null, 'no name field while a committee member is chosen').to.be.true;
    await pick(el, item(el, ids.b10).querySelector<HTMLSelectElement>('[data-field=point]'), 'phong-hop');
    await click(el, item(el, ids.b10).querySelector('button[data-action=assign-submit]'));
    await until(() => textIn(el, `li[data-meeting-id="${ids.b10}"] [data-delegates]`).startsWith('Đại biểu cấp trên'), 'the delegate in the list');
    expect(textIn(el, `li[data-meeting-id="${ids.b10}"] [data-delegates]`)).to.equal('Đại biểu cấp trên: Trần Thị Mai (tại Phòng họp chi bộ)');
  });

  it('says what is missing in the delegate form and keeps the focus on it', async () => {
    const { token, ids } = shared;
    const el = await upper(token);
    await click(el, item(el, ids.a24).querySelector('button[data-action=assign]'));
    await click(el, item(el, ids.a24).querySelector('button[data-action=assign-submit]'));
    expect(textIn(el, '[data-assign-error]')).to.equal('Hãy ghi họ và tên đại biểu (tối đa 120 ký tự).');
    expect(el.shadowRoot!.activeElement?.getAttribute('data-field')).to.equal('name');
    await click(el, item(el, ids.a24).querySelector('button[data-action=assign-cancel]'));
    expect(item(el, ids.a24).querySelector('form') === null, 'form closed').to.be.true;
    expect(el.shadowRoot!.activeElement).to.equal(item(el, ids.a24).querySelector('button[data-action=assign]'));
  });

  it('opens a meeting: an event with its id, and the page’s link when it gave one', async () => {
    const { token, ids } = shared;
    const el = await upper(token);
    const opened = oneEvent(el, 'party-meeting-open') as Promise<MeetingOpenEvent>;
    await click(el, item(el, ids.a24).querySelector('[data-action=open]'));
    expect((await opened).detail.meetingId).to.equal(ids.a24);

    const linked = await upper(token, { meetingUrl: '/hop?meeting={id}' });
    const link = item(linked, ids.a24).querySelector<HTMLAnchorElement>('a[data-action=open]')!;
    expect(new URL(link.href).pathname + new URL(link.href).search).to.equal(`/hop?meeting=${encodeURIComponent(ids.a24)}`);
    // A page that opens meetings itself cancels the event: the link is not followed.
    let defaultPrevented = false;
    linked.addEventListener('party-meeting-open', (e) => e.preventDefault(), { once: true });
    link.addEventListener('click', (e) => (defaultPrevented = e.defaultPrevented), { once: true });
    link.click();
    expect(defaultPrevented).to.be.true;
  });

  it('never links a meeting-url that is not http(s)', async () => {
    const { token, ids } = shared;
    const el = await upper(token, { meetingUrl: 'javascript:alert({id})' });
    expect(item(el, ids.a24).querySelector('a[data-action=open]') === null, 'no link').to.be.true;
    expect(item(el, ids.a24).querySelector('button[data-action=open]') !== null, 'a button instead').to.be.true;
  });

  it('speaks English', async () => {
    const { token } = shared;
    const el = await upper(token, { lang: 'en' });
    expect(textIn(el, '#list-title')).to.equal('3 meetings in March 2027');
    expect($$<HTMLButtonElement>(el, 'button[data-action=day] [data-day-name]')[1]!.textContent!.trim()).to.equal('24/03/2027: 1 meeting');
  });

  it('says a unit outside the user’s scope is not theirs (403)', async () => {
    const { token, other } = shared;
    const el = await fixture<MeetingSchedule>(html`<meeting-schedule mode="upper" month="2027-03" token=${token} unit=${other.id}></meeting-schedule>`);
    await until(() => $(el, '[data-failure]') !== null, 'the failure');
    expect($(el, '[data-failure]')!.dataset['failure']).to.equal('forbidden');
  });
});
