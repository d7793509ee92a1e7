import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { DelegateWithdrawnEvent, DelegateWithdrawRequestEvent } from '../../../src/components/meeting-schedule/meeting-schedule.events.js';
import type { MeetingSchedule } from '../../../src/components/meeting-schedule/meeting-schedule.js';
import { $, $$, adminToken, call, click, holdMeeting, scheduleMeeting, serverStarted, textIn, unique, until } from '../console-fixture.js';
import { eightMemberCell } from './schedule.fixture.js';

const SON = { id: 'cap-tren-dang-van-son', name: 'Đặng Văn Sơn', organization: 'Ban Thường vụ Đảng ủy Khối' };
const HA = { id: 'cap-tren-le-thu-ha', name: 'Lê Thu Hà' };

/** A cell with two meetings in April 2027 (one ahead with two delegates, one held with one); a token for its parent. */
async function setUp() {
  const parent = unique('dang-bo');
  const cell = await eightMemberCell({ cannotMeet: 6, parentId: parent, name: 'Chi bộ VNPT Văn Yên' });
  const room = [{ id: 'phong-hop', name: 'Phòng họp chi bộ', main: true }];
  const meeting = (title: string, scheduledAt: string) =>
    scheduleMeeting(cell.root, { cellId: cell.id, title, scheduledAt, mode: 'hybrid', chairId: cell.members[0]!.id, bridgePoints: room });
  const ahead = await meeting('Sinh hoạt định kỳ tháng 4', '2027-04-10T19:30:00+07:00');
  const held = await meeting('Sinh hoạt chuyên đề tháng 4', '2027-04-03T08:00:00+07:00');
  await call(cell.root, 'POST', `/api/meetings/${ahead}/delegates`, { delegates: [SON, HA], invites: false });
  await call(cell.root, 'POST', `/api/meetings/${held}/delegates`, { delegates: [SON], invites: false });
  await holdMeeting(held, '2027-04-03T08:00:00+07:00', 95, {});
  return { root: cell.root, cellId: cell.id, ahead, held, token: await adminToken({ units: [parent], subject: 'ban-to-chuc' }) };
}

async function upper(token: string, lang = ''): Promise<MeetingSchedule> {
  const el = await fixture<MeetingSchedule>(html`<meeting-schedule mode="upper" month="2027-04" token=${token} lang=${lang}></meeting-schedule>`);
  await until(() => $(el, '[data-calendar]') !== null && !$(el, '[data-loading]') && $$(el, 'li[data-meeting-id]').length === 2, 'the month’s list');
  return el;
}

const item = (el: MeetingSchedule, id: string) => $$<HTMLLIElement>(el, 'li[data-meeting-id]').find((li) => li.dataset['meetingId'] === id)!;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<meeting-schedule mode="upper">: withdrawing a delegate before the meeting, against the real server', function () {
  this.timeout(30_000);
  before(serverStarted);

  it('is accessible while asking to confirm', async () => {
    const { ahead, token } = await setUp();
    const el = await upper(token);
    await click(el, item(el, ahead).querySelector(`button[data-action=withdraw][data-delegate-id="${SON.id}"]`));
    await expect(el).to.be.accessible();
  });

  it('offers a button per delegate only before the meeting opens; asks first; withdraws on "Bỏ phân công", and the list and the server agree', async () => {
    const { root, cellId, ahead, held, token } = await setUp();
    const el = await upper(token);
    expect([...item(el, held).querySelectorAll('button[data-action=withdraw]')].length, 'none for a held meeting').to.equal(0);
    const buttons = [...item(el, ahead).querySelectorAll<HTMLButtonElement>('button[data-action=withdraw]')];
    expect(buttons.map(text)).to.deep.equal(['Bỏ phân công đồng chí Đặng Văn Sơn', 'Bỏ phân công đồng chí Lê Thu Hà']);

    // "Giữ nguyên" sends nothing.
    await click(el, buttons[0]!);
    expect(text(item(el, ahead).querySelector('[data-withdraw-confirm] p'))).to.equal(
      'Bỏ phân công đồng chí Đặng Văn Sơn dự “Sinh hoạt định kỳ tháng 4”? Đường link mời đã gửi sẽ không dùng được nữa.',
    );
    expect(el.shadowRoot!.activeElement?.getAttribute('data-action')).to.equal('withdraw-cancel');
    await click(el, item(el, ahead).querySelector('button[data-action=withdraw-cancel]'));
    expect(item(el, ahead).querySelector('[data-withdraw-confirm]') === null, 'the question is gone').to.be.true;

    await click(el, item(el, ahead).querySelector(`button[data-action=withdraw][data-delegate-id="${SON.id}"]`));
    const asked = oneEvent(el, 'party-delegate-withdraw-request') as Promise<DelegateWithdrawRequestEvent>;
    const withdrawn = oneEvent(el, 'party-delegate-withdrawn') as Promise<DelegateWithdrawnEvent>;
    await click(el, item(el, ahead).querySelector('button[data-action=withdraw-confirm]'));
    expect((await asked).detail).to.deep.equal({ meetingId: ahead, delegateId: SON.id });
    expect((await withdrawn).detail.delegates.map((d) => d.id)).to.deep.equal([HA.id]);
    await until(() => textIn(el, '[data-announcement]') !== '', 'the announcement');
    expect(textIn(el, '[data-announcement]')).to.equal('Đã bỏ phân công đồng chí Đặng Văn Sơn dự “Sinh hoạt định kỳ tháng 4”; đường link mời đã gửi không còn dùng được.');
    expect(text(item(el, ahead).querySelector('[data-delegates]'))).to.equal('Đại biểu cấp trên: Lê Thu Hà');
    expect([...item(el, ahead).querySelectorAll('button[data-action=withdraw]')].map(text)).to.deep.equal(['Bỏ phân công đồng chí Lê Thu Hà']);
    const listed = await call<{ meetings: Array<{ id: string; delegates: Array<{ id: string }> }> }>(root, 'GET', `/api/meetings?unit=${encodeURIComponent(cellId)}`);
    expect(listed.meetings.find((m) => m.id === ahead)!.delegates.map((d) => d.id)).to.deep.equal([HA.id]);
  });

  it('a page may veto the withdrawal; a refusal of the server is said in words (someone withdrew them already)', async () => {
    const { root, ahead, token } = await setUp();
    const el = await upper(token);
    await click(el, item(el, ahead).querySelector(`button[data-action=withdraw][data-delegate-id="${HA.id}"]`));
    const veto = (e: Event) => e.preventDefault();
    el.addEventListener('party-delegate-withdraw-request', veto, { once: true });
    await click(el, item(el, ahead).querySelector('button[data-action=withdraw-confirm]'));
    expect(text(item(el, ahead).querySelector('[data-delegates]'))).to.contain('Lê Thu Hà');
    expect(item(el, ahead).querySelector('[data-withdraw-confirm]') !== null, 'still asking').to.be.true;

    await call(root, 'DELETE', `/api/meetings/${ahead}/delegates/${HA.id}`);
    await click(el, item(el, ahead).querySelector('button[data-action=withdraw-confirm]'));
    await until(() => text(item(el, ahead).querySelector('[data-withdraw-error]')) !== '', 'the refusal');
    expect(text(item(el, ahead).querySelector('[data-withdraw-error]'))).to.equal('Không tìm thấy nội dung yêu cầu.');
  });

  it('speaks English', async () => {
    const { ahead, token } = await setUp();
    const el = await upper(token, 'en');
    await click(el, item(el, ahead).querySelector(`button[data-action=withdraw][data-delegate-id="${SON.id}"]`));
    expect(text(item(el, ahead).querySelector('[data-withdraw-confirm] p'))).to.equal('Withdraw Đặng Văn Sơn from “Sinh hoạt định kỳ tháng 4”? The invite link sent to them will stop working.');
    expect(text(item(el, ahead).querySelector('button[data-action=withdraw-confirm]'))).to.equal('Withdraw');
    expect(text(item(el, ahead).querySelector('button[data-action=withdraw-cancel]'))).to.equal('Keep');
  });
});
