import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/agenda-runner/define.js';
import type { AgendaRunner } from '../../src/components/agenda-runner/agenda-runner.js';
import { chairStore, meetingDefinition, memberStore, openMeetingAsChair, shadowOf, textOf, viewAs } from './meeting-fixture.js';
import {
  alertOf,
  announcementOf,
  buttonNamed,
  CHAIR,
  click,
  elapsedSeconds,
  FIRST,
  itemRow,
  meetingUnderWay,
  MEMBER,
  nameOf,
  q,
  shownOrder,
  TimedMeeting,
} from './agenda-runner.fixture.js';

describe('<agenda-runner>', () => {
  it('is accessible for the chair before the meeting opens', async function () {
    // The first test also loads axe.
    this.timeout(10_000);
    const el = await fixture<AgendaRunner>(html`<agenda-runner .store=${chairStore()}></agenda-runner>`);
    await expect(el).to.be.accessible();
  });

  it('says it is loading while it has no store', async () => {
    const el = await fixture<AgendaRunner>(html`<agenda-runner></agenda-runner>`);
    expect(textOf(shadowOf(el))).to.equal('Đang tải cuộc họp…');
  });

  it('shows the 17 items of the regular program under the three steps, numbered, with planned minutes', async () => {
    const el = await fixture<AgendaRunner>(html`<agenda-runner .store=${chairStore()}></agenda-runner>`);
    const headings = [...shadowOf(el).querySelectorAll('h3')].map(textOf);
    expect(headings).to.deep.equal(['Phần mở đầu', 'Phần nội dung', 'Phần kết thúc']);
    const lists = [...shadowOf(el).querySelectorAll('ol')].map((ol) => ol.children.length);
    expect(lists).to.deep.equal([5, 7, 5]);
    expect(textOf(itemRow(el, 'r01'))).to.equal(`1. ${FIRST} dự kiến 3 phút`);
    expect(textOf(itemRow(el, 'r17'))).to.equal('17. Kết thúc dự kiến 1 phút');
    expect(textOf(q(el, '.planned-total'))).to.equal('Thời gian dự kiến của chương trình: 96 phút');
    expect(textOf(q(el, '[data-duration]'))).to.equal('Thời lượng tối thiểu: 90 phút.');
    expect(textOf(q(el, '.current'))).to.equal('Cuộc họp chưa khai mạc. Chương trình bắt đầu sau khi khai mạc.');
  });

  it('gives the chair no controls before the meeting opens: the program starts after opening', async () => {
    const el = await fixture<AgendaRunner>(html`<agenda-runner .store=${chairStore()}></agenda-runner>`);
    expect(shadowOf(el).querySelectorAll('button')).to.have.length(0);
  });

  describe('a meeting under way', () => {
    let meeting: TimedMeeting;
    let el: AgendaRunner;

    beforeEach(async () => {
      meeting = meetingUnderWay();
      el = await fixture<AgendaRunner>(html`<agenda-runner .store=${meeting.storeFor(CHAIR)}></agenda-runner>`);
    });

    it('is accessible with every kind of item and the chair\'s controls', async () => {
      await expect(el).to.be.accessible();
    });

    it('highlights the item under way with its elapsed time against the planned minutes', async () => {
      const row = itemRow(el, 'r06');
      expect(row.getAttribute('aria-current')).to.equal('step');
      expect(shadowOf(el).querySelectorAll('[aria-current]')).to.have.length(1);
      expect(textOf(row.querySelector('[data-status-text]'))).to.equal('Đang tiến hành');
      const current = q(el, '.current')!;
      expect(current.dataset.current).to.equal('r06');
      expect(textOf(current.querySelector('.current-title'))).to.equal('6. Báo cáo tình hình tháng và phương hướng tháng tới');
      expect(elapsedSeconds(el)).to.be.within(12 * 60 + 29, 12 * 60 + 33);
      expect(textOf(current.querySelector('.clock'))).to.match(/^Đã diễn ra 12:3\d dự kiến 15 phút$/);
      expect(current.querySelector('[data-overtime]')).to.be.null;
    });

    it('shows done items with the time they took, and overtime', async () => {
      expect(textOf(itemRow(el, 'r01').querySelector('[data-status-text]'))).to.equal('Đã xong');
      expect(textOf(itemRow(el, 'r01').querySelector('[data-actual]'))).to.equal('Thực tế 3 phút');
      expect(textOf(itemRow(el, 'r03').querySelector('[data-actual]'))).to.equal('Thực tế 7 phút (vượt 2 phút)');
      expect(itemRow(el, 'r01').querySelector('.overtime')).to.be.null;
    });

    it('shows a skipped item with its reason', async () => {
      const row = itemRow(el, 'r14');
      expect(row.dataset.status).to.equal('skipped');
      expect(textOf(row.querySelector('[data-status-text]'))).to.equal('Bỏ qua');
      expect(textOf(row.querySelector('[data-skip-reason]'))).to.equal('Lý do bỏ qua: Tháng này không có hồ sơ kết nạp');
      expect(textOf(q(el, '.planned-total')), 'a skipped item no longer counts').to.equal('Thời gian dự kiến của chương trình: 91 phút');
    });

    it('reports the meeting\'s length against the 90-minute minimum, from the core', async () => {
      const duration = q(el, '[data-duration]')!;
      expect(duration.dataset.duration).to.equal('short');
      expect(textOf(duration.querySelector('[data-duration-minutes]'))).to.equal('50/90 phút');
      expect(textOf(duration.querySelector('.chip'))).to.equal('Còn 40 phút');
      expect(textOf(duration.querySelector('.rule'))).to.equal(
        'Thời lượng 50 phút, chưa đủ tối thiểu 90 phút cho sinh hoạt thường kỳ (còn 40 phút) — Hướng dẫn 42-HD/BTCTW (28/10/2025).',
      );
    });

    it('gives pending items start, skip and move buttons named after the item; none on started or skipped items', async () => {
      const names = [...itemRow(el, 'r07').querySelectorAll('button')].map(nameOf);
      expect(names).to.deep.equal([
        'Bắt đầu: Triển khai văn bản của cấp trên',
        'Bỏ qua: Triển khai văn bản của cấp trên',
        'Chuyển lên: Triển khai văn bản của cấp trên',
        'Chuyển xuống: Triển khai văn bản của cấp trên',
      ]);
      for (const id of ['r01', 'r05', 'r06', 'r14']) expect(itemRow(el, id).querySelectorAll('button'), id).to.have.length(0);
      // r07 follows the running item, so it cannot go above it.
      expect(buttonNamed(el, 'Chuyển lên: Triển khai văn bản của cấp trên')!.disabled).to.be.true;
      expect(buttonNamed(el, 'Chuyển xuống: Triển khai văn bản của cấp trên')!.disabled).to.be.false;
      // The last item of a step does not leave its step.
      expect(buttonNamed(el, 'Chuyển xuống: Tổng hợp ý kiến, phân công nhiệm vụ')!.disabled).to.be.true;
    });

    it('"Kết thúc mục này" finishes the item under way and offers the next one', async () => {
      const changed = oneEvent(el, 'party-agenda-changed');
      await click(el, buttonNamed(el, 'Kết thúc mục này'));
      expect((await changed).detail.command).to.deep.equal({ type: 'finish-agenda-item' });
      await el.updateComplete;
      expect(itemRow(el, 'r06').dataset.status).to.equal('done');
      expect(textOf(itemRow(el, 'r06').querySelector('[data-actual]'))).to.equal('Thực tế 13 phút');
      expect(q(el, '[aria-current]')).to.be.null;
      expect(textOf(q(el, '.current-none'))).to.equal('Chưa có mục nào đang tiến hành.');
      const next = q<HTMLButtonElement>(el, '[data-action=start-next]')!;
      expect(textOf(next)).to.equal('Bắt đầu mục tiếp theo: Triển khai văn bản của cấp trên');
      expect(shadowOf(el).activeElement).to.equal(next);
    });

    it('"Bắt đầu mục tiếp theo" starts the next item, which ends the one under way', async () => {
      await click(el, q<HTMLButtonElement>(el, '[data-action=start-next]'));
      expect(itemRow(el, 'r06').dataset.status).to.equal('done');
      expect(itemRow(el, 'r07').dataset.status).to.equal('running');
      expect(q(el, '.current')!.dataset.current).to.equal('r07');
      expect(elapsedSeconds(el)).to.be.below(2);
    });

    it('a reading past the planned minutes shows the overtime', async () => {
      meeting.at(Date.now() - 5 * 60_000 - 10_000, CHAIR, { type: 'start-agenda-item', itemId: 'r08' });
      await el.updateComplete;
      expect(textOf(q(el, '.current .current-title'))).to.equal('8. Định hướng sinh hoạt của đảng ủy');
      expect(textOf(q(el, '.current [data-overtime]'))).to.match(/^quá 0:1\d$/);
      meeting.at(Date.now() - 6 * 60_000, CHAIR, { type: 'start-agenda-item', itemId: 'r09' });
      await el.updateComplete;
      expect(q(el, '.current [data-overtime]'), 'item 9 has 10 planned minutes').to.be.null;
    });
  });

  describe('a member', () => {
    it('sees the program and the item under way, read-only', async () => {
      const meeting = meetingUnderWay();
      const el = await fixture<AgendaRunner>(html`<agenda-runner .store=${meeting.storeFor(MEMBER)}></agenda-runner>`);
      await expect(el).to.be.accessible();
      expect(shadowOf(el).querySelectorAll('button')).to.have.length(0);
      expect(itemRow(el, 'r06').getAttribute('aria-current')).to.equal('step');
      expect(textOf(q(el, '.current .current-title'))).to.equal('6. Báo cáo tình hình tháng và phương hướng tháng tới');
      expect(textOf(itemRow(el, 'r14').querySelector('[data-skip-reason]'))).to.contain('Tháng này không có hồ sơ kết nạp');
    });

    it('hears when the chair starts an item and when it ends, but not what was under way on arrival', async () => {
      const meeting = meetingUnderWay();
      const el = await fixture<AgendaRunner>(html`<agenda-runner .store=${meeting.storeFor(MEMBER)}></agenda-runner>`);
      expect(announcementOf(el)).to.equal('');
      meeting.at(Date.now(), CHAIR, { type: 'start-agenda-item', itemId: 'r07' });
      await el.updateComplete;
      expect(announcementOf(el)).to.equal('Bắt đầu mục: Triển khai văn bản của cấp trên');
      expect(q(el, '.current')!.dataset.current).to.equal('r07');
      meeting.at(Date.now(), CHAIR, { type: 'finish-agenda-item' });
      await el.updateComplete;
      expect(announcementOf(el)).to.equal('Đã kết thúc mục: Triển khai văn bản của cấp trên');
    });

    it('gets no controls in an open meeting, while the chair does', async () => {
      const store = await openMeetingAsChair();
      const member = await fixture<AgendaRunner>(
        html`<agenda-runner .store=${viewAs(store, 'binh', 'member', 'Trần Thị Bình')}></agenda-runner>`,
      );
      const chair = await fixture<AgendaRunner>(html`<agenda-runner .store=${store}></agenda-runner>`);
      expect(shadowOf(member).querySelectorAll('button')).to.have.length(0);
      expect(shadowOf(chair).querySelectorAll('li button[data-action=start]')).to.have.length(17);
      await store.send({ type: 'start-agenda-item', itemId: 'r01' });
      await member.updateComplete;
      expect(itemRow(member, 'r01').getAttribute('aria-current')).to.equal('step');
    });

    it('before the meeting, sees the program and no controls', async () => {
      const el = await fixture<AgendaRunner>(html`<agenda-runner .store=${memberStore()}></agenda-runner>`);
      expect(shadowOf(el).querySelectorAll('li[data-item-id]')).to.have.length(17);
      expect(shadowOf(el).querySelectorAll('button')).to.have.length(0);
    });
  });

  describe('the minimum length', () => {
    it('is met after 95 minutes of a regular meeting', async () => {
      const meeting = meetingUnderWay(95);
      const el = await fixture<AgendaRunner>(html`<agenda-runner .store=${meeting.storeFor(MEMBER)}></agenda-runner>`);
      expect(q(el, '[data-duration]')!.dataset.duration).to.equal('met');
      expect(textOf(q(el, '[data-duration-minutes]'))).to.equal('95/90 phút');
      expect(textOf(q(el, '[data-duration] .chip'))).to.equal('Đã đủ tối thiểu');
      await expect(el).to.be.accessible();
    });

    it('is 120 minutes when the regular and thematic meetings run in one session', async () => {
      const meeting = new TimedMeeting({ ...meetingDefinition, kind: 'combined' });
      meeting.at(Date.now() - 100 * 60_000, CHAIR, { type: 'open-meeting' });
      const el = await fixture<AgendaRunner>(html`<agenda-runner .store=${meeting.storeFor(CHAIR)}></agenda-runner>`);
      expect(textOf(q(el, '[data-duration-minutes]'))).to.equal('100/120 phút');
      expect(textOf(q(el, '[data-duration] .chip'))).to.equal('Còn 20 phút');
    });
  });

  it('shows a combined session in program order: the thematic content after the regular meeting\'s vote and rating', async () => {
    const meeting = new TimedMeeting({ ...meetingDefinition, kind: 'combined' });
    const el = await fixture<AgendaRunner>(html`<agenda-runner .store=${meeting.storeFor(CHAIR)}></agenda-runner>`);
    const headings = [...shadowOf(el).querySelectorAll('h3')].map(textOf);
    expect(headings).to.deep.equal([
      'Phần mở đầu',
      'Phần nội dung',
      'Phần kết thúc',
      'Phần nội dung (sinh hoạt chuyên đề)',
      'Phần kết thúc',
    ]);
    expect(shownOrder(el)).to.deep.equal(meeting.meeting.agenda.map((i) => i.id));
  });

  describe('language', () => {
    it('renders English with lang="en"', async () => {
      const meeting = meetingUnderWay();
      const el = await fixture<AgendaRunner>(html`<agenda-runner lang="en" .store=${meeting.storeFor(CHAIR)}></agenda-runner>`);
      await expect(el).to.be.accessible();
      expect(textOf(q(el, 'h2'))).to.equal('Meeting program');
      expect([...shadowOf(el).querySelectorAll('h3')].map(textOf)).to.deep.equal(['Opening', 'Content', 'Closing']);
      expect(textOf(itemRow(el, 'r03').querySelector('[data-actual]'))).to.equal('Took 7 min (2 min over)');
      expect(textOf(q(el, '[data-duration] .rule'))).to.equal(
        'Duration 50 min, short of the minimum of 90 min for a regular meeting (40 min to go) — Guideline 42-HD/BTCTW (28/10/2025).',
      );
      expect(buttonNamed(el, 'Finish this item')).to.exist;
      expect(buttonNamed(el, 'Move down: Triển khai văn bản của cấp trên')).to.exist;
      await click(el, buttonNamed(el, 'Skip: Triển khai văn bản của cấp trên'));
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(alertOf(el, 'skip')).to.equal('Please write the reason (at most 200 characters).');
    });
  });
});
