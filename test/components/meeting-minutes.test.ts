import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/components/meeting-minutes/define.js';
import type { MeetingStore } from '../../src/client/index.js';
import type { MeetingMinutes } from '../../src/components/meeting-minutes/meeting-minutes.js';
import type { MinutesCommand } from '../../src/components/meeting-minutes/meeting-minutes.events.js';
import { shadowOf, textOf } from './meeting-fixture.js';
import { heldMeeting, minutesDefinition, SharedMeeting, type HeldMeeting } from './meeting-minutes.fixture.js';

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => shadowOf(el).querySelector<T>(selector);
const $$ = (el: Element, selector: string) => [...shadowOf(el).querySelectorAll<HTMLElement>(selector)];
const sectionText = (el: Element, name: string) => textOf($(el, `[data-section=${name}]`));
const field = (el: Element, name: string) => textOf($(el, `[data-field=${name}]`));
const itemOf = (el: Element, id: string) => $(el, `[data-item-id=${id}]`);
const button = (el: Element, action: string) => $<HTMLButtonElement>(el, `button[data-action=${action}]`);

async function render(store: MeetingStore, locality = 'Yên Bái'): Promise<MeetingMinutes> {
  return fixture<MeetingMinutes>(html`<meeting-minutes locality=${locality} .store=${store}></meeting-minutes>`);
}

async function click(el: MeetingMinutes, target: HTMLButtonElement | null): Promise<void> {
  expect(target, 'button to click').to.exist;
  target!.click();
  // Let the command's promise settle, then the re-render.
  await new Promise((resolve) => setTimeout(resolve));
  await el.updateComplete;
}

/** Types into a field of the shadow DOM with the keyboard. */
async function typeInto(el: MeetingMinutes, selector: string, text: string): Promise<void> {
  const input = $<HTMLTextAreaElement>(el, selector);
  expect(input, selector).to.exist;
  input!.focus();
  await sendKeys({ type: text });
}

describe('<meeting-minutes>', () => {
  let meeting: HeldMeeting;

  beforeEach(async () => {
    meeting = await heldMeeting();
  });

  it('is accessible for the minute-taker with the note form', async () => {
    const el = await render(meeting.recorder);
    expect($(el, 'form[data-form=note]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('says it is loading while it has no store', async () => {
    const el = await fixture<MeetingMinutes>(html`<meeting-minutes></meeting-minutes>`);
    expect(textOf(shadowOf(el))).to.equal('Đang tải biên bản…');
  });

  describe('the document', () => {
    it('heads like a party document: organisation, party heading, place and date, title', async () => {
      const el = await render(meeting.member);
      expect(textOf($(el, '.org'))).to.equal('ĐẢNG BỘ VNPT YÊN BÁI CHI BỘ KỸ THUẬT *');
      expect(textOf($(el, '.party-name'))).to.equal('ĐẢNG CỘNG SẢN VIỆT NAM');
      expect(textOf($(el, '.dateline'))).to.equal('Yên Bái, ngày 25 tháng 11 năm 2026');
      expect(getComputedStyle($(el, '.dateline')!).fontStyle).to.equal('italic');
      expect(textOf($(el, 'h2'))).to.equal('BIÊN BẢN SINH HOẠT CHI BỘ ĐỊNH KỲ tháng 11 năm 2026');
      expect($$(el, '[data-section] > h3').map(textOf)).to.deep.equal([
        'I. THỜI GIAN, ĐỊA ĐIỂM',
        'II. THÀNH PHẦN',
        'III. NỘI DUNG',
        'IV. BIỂU QUYẾT',
        'V. KẾT LUẬN VÀ PHÂN CÔNG NHIỆM VỤ',
      ]);
    });

    it('without a locality, the dateline is the date alone', async () => {
      const el = await render(meeting.member, '');
      expect(textOf($(el, '.dateline'))).to.equal('Ngày 25 tháng 11 năm 2026');
    });

    it('I: the time opened in Vietnam time, the place and the form', async () => {
      const el = await render(meeting.member);
      expect(field(el, 'time')).to.equal('Thời gian: bắt đầu lúc 19 giờ 30 phút, ngày 25 tháng 11 năm 2026.');
      expect(field(el, 'place')).to.equal('Địa điểm: Trực tuyến.');
      expect(field(el, 'mode')).to.equal('Hình thức: trực tuyến.');
      expect($(el, '[data-field=bridge-points]')).to.be.null;
    });

    it('I: a hybrid meeting lists its bridge points, the main one named', async () => {
      const hub = new SharedMeeting({
        ...minutesDefinition,
        mode: 'hybrid',
        bridgePoints: [
          { id: 'hall', name: 'Hội trường VNPT Yên Bái', main: true },
          { id: 'luc-yen', name: 'Trung tâm Viễn thông Lục Yên' },
        ],
      });
      const el = await render(hub.storeFor('an', 'chair'));
      expect(field(el, 'time')).to.contain('dự kiến bắt đầu lúc 19 giờ 30 phút');
      expect(field(el, 'place')).to.equal('Địa điểm: Hội trường VNPT Yên Bái.');
      expect(field(el, 'mode')).to.equal('Hình thức: trực tiếp kết hợp trực tuyến.');
      expect($$(el, '[data-field=bridge-points] li').map(textOf)).to.deep.equal([
        'Hội trường VNPT Yên Bái (điểm cầu chính)',
        'Trung tâm Viễn thông Lục Yên',
      ]);
    });

    it('II: chair, minute-taker, delegate and the attendance counts with absentees by name and reason', async () => {
      const el = await render(meeting.member);
      expect(field(el, 'chair')).to.equal('Chủ trì: đồng chí Nguyễn Văn An.');
      expect(field(el, 'recorder')).to.equal('Thư ký: đồng chí Lê Văn Cường.');
      expect(field(el, 'delegates')).to.equal('Đồng chí Hoàng Văn Em, Đảng ủy VNPT Yên Bái');
      expect(field(el, 'total')).to.equal('Tổng số đảng viên của chi bộ: 5 (chính thức 4, dự bị 1; sinh hoạt tạm thời tại chi bộ 0).');
      expect(field(el, 'exempt')).to.equal('Miễn công tác và sinh hoạt đảng: 0.');
      expect(field(el, 'present')).to.equal('Có mặt: 3 đồng chí (trực tiếp 0, trực tuyến 3).');
      expect(field(el, 'with-reason')).to.equal('Vắng có lý do: 1 đồng chí: Đồng chí Trần Thị Bình: ốm');
      expect(field(el, 'without-reason')).to.equal('Vắng không lý do: 1 đồng chí: Đồng chí Đỗ Văn Hải');
      expect($(el, '[data-field=unmarked]')).to.be.null;
    });

    it('III: each item in order, with its speakers and notes under it, and a skipped item with its reason', async () => {
      const el = await render(meeting.member);
      const items = $$(el, '.course > li');
      expect(items).to.have.length(17);
      expect(items.map((li) => li.dataset.itemId)).to.deep.equal(meeting.hub.meeting.agenda.map((i) => i.id));
      const report = itemOf(el, 'r06')!;
      expect(textOf(report.querySelector('.item-title'))).to.equal('Báo cáo tình hình tháng và phương hướng tháng tới');
      expect(textOf(report.querySelector('.when'))).to.equal('Từ 19:37 đến 19:42.');
      expect([...report.querySelectorAll('.speeches li')].map(textOf)).to.deep.equal(['Đồng chí Lê Văn Cường (19:38–19:39)']);
      expect([...report.querySelectorAll('.notes li')].map(textOf)).to.deep.equal(['19:40 Chi bộ hoàn thành 95 % kế hoạch tháng.']);
      const discussion = itemOf(el, 'r11')!;
      expect([...discussion.querySelectorAll('.speeches li')].map(textOf)).to.deep.equal([
        'Đồng chí Phạm Thị Dung (19:43–19:44)',
        'Đồng chí Hoàng Văn Em (19:44–19:45)',
      ]);
      expect(discussion.querySelector('.notes')).to.be.null;
      expect(textOf(itemOf(el, 'r14')!.querySelector('.when'))).to.equal('Không tiến hành. Lý do: Tháng này không có hồ sơ');
      expect(textOf(itemOf(el, 'r01')!.querySelector('.when'))).to.equal('Chưa tiến hành.');
      expect(itemOf(el, 'r01')!.querySelector('.speeches')).to.be.null;
    });

    it('IV: the vote with counts, denominator, percent with a decimal comma, passed and the rule', async () => {
      const el = await render(meeting.member);
      const vote = $(el, '[data-motion-id=nq]')!;
      expect(textOf(vote.querySelector('.item-title'))).to.equal('Thông qua nghị quyết tháng 11');
      expect(textOf(vote)).to.contain('Biểu quyết công khai');
      expect(textOf(vote.querySelector('[data-field=agree]'))).to.equal('Tán thành: 2/3 (66,7 %) — ĐẠT');
      expect(textOf(vote.querySelector('[data-field=others]'))).to.equal('Không tán thành: 0; ý kiến khác: 0; tổng số phiếu: 2.');
      expect(textOf(vote.querySelector('[data-field=denominator]'))).to.equal('Mẫu số 3: 4 đảng viên chính thức được triệu tập, trừ 1 vắng có lý do.');
      expect(textOf(vote.querySelector('[data-field=rule]'))).to.equal(
        'Quy tắc: quá một nửa, cần ít nhất 2 phiếu tán thành (Quy định 294-QĐ/TW, điểm 9.3).',
      );
    });

    it('V: conclusions, tasks with person and deadline, the rating; then the time closed and the signatures', async () => {
      const el = await render(meeting.member);
      expect($$(el, '[data-field=conclusions] li').map(textOf)).to.deep.equal(['Tập trung thu cước tồn đọng trước ngày 15/12.']);
      expect($$(el, '[data-field=tasks] li').map(textOf)).to.deep.equal([
        'Hoàn thành báo cáo quý IV Người thực hiện: đồng chí Lê Văn Cường; thời hạn: 15/12/2026.',
      ]);
      expect(field(el, 'rating')).to.equal('Chấm điểm buổi sinh hoạt: 90 điểm. Nhận xét: Sinh hoạt đúng quy định');
      expect(field(el, 'closed')).to.equal('Cuộc họp chưa kết thúc.');
      expect(textOf($(el, '[data-sign=recorder]'))).to.equal('THƯ KÝ (Ký, ghi rõ họ tên) Lê Văn Cường');
      expect(textOf($(el, '[data-sign=chair]'))).to.equal('CHỦ TRÌ (Ký, ghi rõ họ tên) Nguyễn Văn An');
      expect(field(el, 'state')).to.equal('Dự thảo');
    });

    it('renders the labels in English with lang="en", the record\'s own text unchanged', async () => {
      const el = await fixture<MeetingMinutes>(html`<meeting-minutes lang="en" .store=${meeting.chair}></meeting-minutes>`);
      await expect(el).to.be.accessible();
      expect(textOf($(el, '.party-name'))).to.equal('COMMUNIST PARTY OF VIET NAM');
      expect(textOf($(el, 'h2')), 'the title of the Vietnamese record').to.equal('BIÊN BẢN SINH HOẠT CHI BỘ ĐỊNH KỲ tháng 11 năm 2026');
      expect($(el, 'h2')!.lang).to.equal('vi');
      expect(field(el, 'time')).to.equal('Time: began at 19:30 on 25/11/2026.');
      expect(textOf($(el, '[data-motion-id=nq] [data-field=agree]'))).to.equal('In favour: 2/3 (66.7%) — PASSED');
      expect(textOf(button(el, 'read-back'))).to.equal('Read the minutes back');
    });
  });

  describe('notes', () => {
    it('shows the note form and the read-back to the minute-taker and the chair only', async () => {
      const recorder = await render(meeting.recorder);
      const chair = await render(meeting.chair);
      const member = await render(meeting.member);
      const delegate = await render(meeting.delegate);
      for (const el of [recorder, chair]) {
        expect($(el, 'form[data-form=note]')).to.exist;
        expect(button(el, 'read-back')).to.exist;
        expect(button(el, 'adopt'), 'no adoption before the read-back').to.be.null;
      }
      for (const el of [member, delegate]) {
        expect($$(el, 'button, form, textarea, select')).to.have.length(0);
      }
      await expect(member).to.be.accessible();
    });

    it('the minute-taker writes a note under the item chosen with the keyboard; it appears there with its time', async () => {
      const el = await render(meeting.recorder);
      const select = $<HTMLSelectElement>(el, '#note-item')!;
      expect(textOf(select.labels![0])).to.equal('Ghi vào mục');
      expect(select.value, 'no item is running: a general note').to.equal('');
      expect([...select.options].map((o) => textOf(o))).to.include('11. Thảo luận');
      select.focus();
      for (let i = 0; i < 11; i++) await sendKeys({ press: 'ArrowDown' });
      expect(select.value).to.equal('r11');
      await typeInto(el, '#note-text', 'Các đồng chí thống nhất với báo cáo.');
      const changed = oneEvent(el, 'party-minutes-changed');
      await click(el, $<HTMLButtonElement>(el, 'form[data-form=note] button[type=submit]'));
      const { detail } = await changed;
      expect(detail.command).to.deep.equal({ type: 'add-minutes-note', text: 'Các đồng chí thống nhất với báo cáo.', agendaItemId: 'r11' });
      expect(detail.seq).to.equal(meeting.recorder.getSnapshot().seq);
      await el.updateComplete;
      expect([...itemOf(el, 'r11')!.querySelectorAll('.notes li')].map(textOf)).to.deep.equal(['19:55 Các đồng chí thống nhất với báo cáo.']);
      expect($<HTMLTextAreaElement>(el, '#note-text')!.value, 'the field is emptied').to.equal('');
      expect(textOf($(el, '.notice'))).to.equal('Đã ghi vào biên bản.');
      // Everyone sees it: the member's view of the same meeting.
      const member = await render(meeting.member);
      expect(textOf(itemOf(member, 'r11'))).to.contain('Các đồng chí thống nhất với báo cáo.');
    });

    it('a note written while an item runs goes under that item by default; a general note goes to the conclusions', async () => {
      await meeting.chair.send({ type: 'start-agenda-item', itemId: 'r12' });
      const el = await render(meeting.recorder);
      expect($<HTMLSelectElement>(el, '#note-item')!.value).to.equal('r12');
      await typeInto(el, '#note-text', 'Giao đồng chí Cường tổng hợp.');
      await click(el, $<HTMLButtonElement>(el, 'form[data-form=note] button[type=submit]'));
      expect(textOf(itemOf(el, 'r12')!.querySelector('.notes'))).to.contain('Giao đồng chí Cường tổng hợp.');
      const select = $<HTMLSelectElement>(el, '#note-item')!;
      select.focus();
      await sendKeys({ press: 'Home' });
      expect(select.value).to.equal('');
      await typeInto(el, '#note-text', 'Ý kiến chung: giữ nếp sinh hoạt.');
      await click(el, $<HTMLButtonElement>(el, 'form[data-form=note] button[type=submit]'));
      expect($$(el, '[data-field=conclusions] li').map(textOf)).to.include('Ý kiến chung: giữ nếp sinh hoạt.');
      expect(textOf(itemOf(el, 'r12'))).not.to.contain('giữ nếp sinh hoạt');
    });

    it('refuses an empty note with the element\'s own message and records nothing', async () => {
      const el = await render(meeting.recorder);
      const seq = meeting.recorder.getSnapshot().seq;
      await typeInto(el, '#note-text', '   ');
      const rejected = oneEvent(el, 'party-command-rejected');
      await click(el, $<HTMLButtonElement>(el, 'form[data-form=note] button[type=submit]'));
      expect((await rejected).detail.code).to.equal('invalid-value');
      await el.updateComplete;
      expect(textOf($(el, '[role=alert]'))).to.equal('Hãy viết nội dung ghi chép (tối đa 2000 ký tự).');
      expect(meeting.recorder.getSnapshot().seq).to.equal(seq);
      await expect(el).to.be.accessible();
    });

    it('fires a cancelable party-minutes-request; preventDefault records nothing', async () => {
      const el = await render(meeting.recorder);
      const requests: MinutesCommand[] = [];
      el.addEventListener('party-minutes-request', (event) => {
        expect(event.cancelable).to.be.true;
        requests.push(event.detail.command);
        event.preventDefault();
      });
      const seq = meeting.recorder.getSnapshot().seq;
      await typeInto(el, '#note-text', 'Không gửi');
      await click(el, $<HTMLButtonElement>(el, 'form[data-form=note] button[type=submit]'));
      await click(el, button(el, 'read-back'));
      expect(requests.map((c) => c.type)).to.deep.equal(['add-minutes-note', 'read-back-minutes']);
      expect(meeting.recorder.getSnapshot().seq).to.equal(seq);
      expect(textOf(shadowOf(el))).not.to.contain('Không gửi Ghi');
      expect(field(el, 'state')).to.equal('Dự thảo');
    });
  });

  describe('read-back and adoption', () => {
    it('"Đọc lại biên bản" switches everyone to the read-back: larger text, no note form', async () => {
      const recorder = await render(meeting.recorder);
      const chair = await render(meeting.chair);
      const member = await render(meeting.member);
      const before = parseFloat(getComputedStyle($(member, '.document')!).fontSize);
      await click(recorder, button(recorder, 'read-back'));
      await chair.updateComplete;
      await member.updateComplete;
      for (const el of [recorder, chair, member]) {
        expect($(el, '.minutes')!.dataset.status).to.equal('read-back');
        expect(field(el, 'state')).to.equal('Đang đọc lại');
        expect(field(el, 'live')).to.equal('Thư ký đang đọc lại biên bản trước chi bộ.');
        expect($(el, 'form[data-form=note]') === null, 'no note form (the chair keeps the collapsed chair forms)').to.be.true;
        expect(button(el, 'read-back')).to.be.null;
      }
      expect(parseFloat(getComputedStyle($(member, '.document')!).fontSize)).to.be.greaterThan(before);
      expect(button(chair, 'adopt'), 'the chair puts it to the vote').to.exist;
      expect(button(recorder, 'adopt'), 'the minute-taker does not').to.be.null;
      await expect(chair).to.be.accessible();
    });

    it('during the read-back the minute-taker may reopen the note form to correct the record', async () => {
      await meeting.recorder.send({ type: 'read-back-minutes' });
      const el = await render(meeting.recorder);
      const amend = button(el, 'amend')!;
      expect(amend.getAttribute('aria-expanded')).to.equal('false');
      await click(el, amend);
      expect(button(el, 'amend')!.getAttribute('aria-expanded')).to.equal('true');
      await typeInto(el, '#note-text', 'Sửa: hoàn thành 96 % kế hoạch.');
      await click(el, $<HTMLButtonElement>(el, 'form[data-form=note] button[type=submit]'));
      expect(field(el, 'conclusions')).to.contain('Sửa: hoàn thành 96 % kế hoạch.');
      await click(el, button(el, 'amend'));
      expect($(el, 'form')).to.be.null;
    });

    it('the chair puts the minutes to an open majority vote; when it passes they are locked with the time adopted', async () => {
      await meeting.recorder.send({ type: 'read-back-minutes' });
      const chair = await render(meeting.chair);
      const member = await render(meeting.member);
      const requests: MinutesCommand[] = [];
      chair.addEventListener('party-minutes-request', (event) => requests.push(event.detail.command));
      await click(chair, button(chair, 'adopt'));
      expect(requests).to.deep.equal([
        {
          type: 'create-motion',
          motion: { id: 'minutes-1', title: 'Thông qua biên bản sinh hoạt chi bộ', ballot: 'open', threshold: 'majority', tags: ['minutes-adoption'] },
        },
        { type: 'open-vote', motionId: 'minutes-1' },
      ]);
      const motion = meeting.hub.meeting.motions.find((m) => m.id === 'minutes-1')!;
      expect(motion.status).to.equal('voting');
      expect(motion.tags).to.deep.equal(['minutes-adoption']);
      await member.updateComplete;
      expect(field(member, 'live')).to.equal('Chi bộ đang biểu quyết thông qua biên bản: 0 đồng chí đã biểu quyết.');
      expect(button(chair, 'adopt'), 'no second vote while this one runs').to.be.null;

      // The vote itself happens in <vote-panel>; here the voters send their ballots.
      await meeting.chair.send({ type: 'cast-ballot', motionId: 'minutes-1', choice: 'agree' });
      await member.updateComplete;
      expect(field(member, 'live')).to.equal('Chi bộ đang biểu quyết thông qua biên bản: 1 đồng chí đã biểu quyết.');
      await meeting.recorder.send({ type: 'cast-ballot', motionId: 'minutes-1', choice: 'agree' });
      await meeting.chair.send({ type: 'close-vote', motionId: 'minutes-1' });
      await chair.updateComplete;
      await member.updateComplete;

      const adoptedAt = meeting.hub.meeting.minutes.adoptedAt!;
      expect(adoptedAt).to.equal('2026-11-25T13:00:00.000Z');
      for (const el of [chair, member]) {
        expect(field(el, 'state')).to.equal('Đã thông qua lúc 20:00 ngày 25/11/2026');
        expect(field(el, 'live')).to.equal('Biên bản đã được thông qua và khóa; chỉ có thể thêm phụ lục.');
        expect(field(el, 'adopted')).to.equal('Biên bản đã được đọc lại trước chi bộ và được thông qua lúc 20 giờ 00 phút, ngày 25 tháng 11 năm 2026.');
        expect($(el, 'form[data-form=note]')).to.be.null;
      }
      expect(textOf($(chair, '[data-motion-id=minutes-1] [data-field=agree]'))).to.equal('Tán thành: 2/3 (66,7 %) — ĐẠT');
      expect($$(member, 'button, form')).to.have.length(0);
      await expect(chair).to.be.accessible();
    });

    it('a vote that fails leaves the minutes open; the chair may put them to the vote again', async () => {
      await meeting.recorder.send({ type: 'read-back-minutes' });
      const chair = await render(meeting.chair);
      await click(chair, button(chair, 'adopt'));
      await meeting.chair.send({ type: 'cast-ballot', motionId: 'minutes-1', choice: 'agree' });
      await meeting.recorder.send({ type: 'cast-ballot', motionId: 'minutes-1', choice: 'disagree' });
      await meeting.chair.send({ type: 'close-vote', motionId: 'minutes-1' });
      await chair.updateComplete;
      expect(field(chair, 'live')).to.equal('Biểu quyết thông qua biên bản không đạt: 1/3 tán thành (33,3 %).');
      expect(field(chair, 'state')).to.equal('Đang đọc lại');
      expect(textOf($(chair, '[data-motion-id=minutes-1] [data-field=agree]'))).to.equal('Tán thành: 1/3 (33,3 %) — KHÔNG ĐẠT');
      await click(chair, button(chair, 'adopt'));
      expect(meeting.hub.meeting.motions.find((m) => m.id === 'minutes-2')?.status).to.equal('voting');
    });

    it('an adoption motion left in draft (its opening vetoed by the host) is reused, not duplicated', async () => {
      await meeting.recorder.send({ type: 'read-back-minutes' });
      const chair = await render(meeting.chair);
      const veto = (event: HTMLElementEventMap['party-minutes-request']) => {
        if (event.detail.command.type === 'open-vote') event.preventDefault();
      };
      chair.addEventListener('party-minutes-request', veto);
      await click(chair, button(chair, 'adopt'));
      expect(meeting.hub.meeting.motions.find((m) => m.id === 'minutes-1')?.status).to.equal('draft');
      chair.removeEventListener('party-minutes-request', veto);
      const requests: string[] = [];
      chair.addEventListener('party-minutes-request', (event) => requests.push(event.detail.command.type));
      await click(chair, button(chair, 'adopt'));
      expect(requests).to.deep.equal(['open-vote']);
      expect(meeting.hub.meeting.motions.filter((m) => m.tags.includes('minutes-adoption')).map((m) => [m.id, m.status])).to.deep.equal([
        ['minutes-1', 'voting'],
      ]);
    });

    it('after adoption a note is refused and there is no form for it, while an annex is added and shown under "Phụ lục"', async () => {
      await meeting.recorder.send({ type: 'read-back-minutes' });
      await meeting.chair.send({ type: 'create-motion', motion: { id: 'minutes-1', title: 'Thông qua biên bản', ballot: 'open', threshold: 'majority', tags: ['minutes-adoption'] } });
      await meeting.chair.send({ type: 'open-vote', motionId: 'minutes-1' });
      await meeting.chair.send({ type: 'cast-ballot', motionId: 'minutes-1', choice: 'agree' });
      await meeting.recorder.send({ type: 'cast-ballot', motionId: 'minutes-1', choice: 'agree' });
      await meeting.chair.send({ type: 'close-vote', motionId: 'minutes-1' });

      const el = await render(meeting.recorder);
      expect($(el, 'form[data-form=note]')).to.be.null;
      expect($(el, '#note-text')).to.be.null;
      const refused = await meeting.recorder.send({ type: 'add-minutes-note', text: 'Sửa sau' }).then(
        () => 'recorded',
        (error: { rejection: { code: string } }) => error.rejection.code,
      );
      expect(refused).to.equal('minutes-locked');
      expect($(el, '[data-section=annexes]')).to.be.null;
      await expect(el).to.be.accessible();

      await typeInto(el, '#annex-text', 'Bổ sung: đồng chí Bình đã nộp đảng phí.');
      const changed = oneEvent(el, 'party-minutes-changed');
      await click(el, $<HTMLButtonElement>(el, 'form[data-form=annex] button[type=submit]'));
      expect((await changed).detail.command).to.deep.equal({ type: 'add-minutes-annex', text: 'Bổ sung: đồng chí Bình đã nộp đảng phí.' });
      await el.updateComplete;
      expect(textOf($(el, '[data-section=annexes] h3'))).to.equal('PHỤ LỤC');
      expect(sectionText(el, 'annexes')).to.contain('Bổ sung: đồng chí Bình đã nộp đảng phí.').and.contain('Lê Văn Cường');
      expect(textOf($(el, '.notice'))).to.equal('Đã thêm phụ lục.');
      expect(meeting.hub.meeting.minutes.notes.map((n) => n.text)).not.to.include('Sửa sau');
      await expect(el).to.be.accessible();
    });
  });

  describe('print', () => {
    afterEach(() => emulateMedia({ media: 'screen' }));

    it('prints the document alone, black on white, without buttons or forms', async () => {
      const el = await render(meeting.recorder);
      expect(getComputedStyle($(el, '.controls')!).display).not.to.equal('none');
      await emulateMedia({ media: 'print' });
      expect(getComputedStyle($(el, '.controls')!).display).to.equal('none');
      expect($(el, 'form[data-form=note]')!.offsetParent, 'the note form is not laid out').to.be.null;
      expect(getComputedStyle($(el, '.passed')!).color).to.equal('rgb(0, 0, 0)');
      expect(getComputedStyle($(el, '.document')!).borderStyle).to.equal('none');
      expect(textOf($(el, '.document'))).to.contain('BIÊN BẢN SINH HOẠT CHI BỘ');
    });
  });
});
