import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/speaker-queue/define.js';
import type { SpeakerQueue } from '../../src/components/speaker-queue/speaker-queue.js';
import { meetingDefinition, shadowOf, textOf } from './meeting-fixture.js';
import { $, $$, click, handButton, queueNames, render, row, rowButton, seconds, SharedMeeting, sharedMeeting, status } from './speaker-queue.fixture.js';

const CHAIR = { participantId: 'an', role: 'chair' } as const;
const BINH = { participantId: 'binh', role: 'member' } as const;
const DUNG = { participantId: 'dung', role: 'member' } as const;

describe('<speaker-queue>', () => {
  it('is accessible before the meeting opens, and explains that hands are raised once it is open', async () => {
    const { binh } = sharedMeeting(false);
    const el = await render(binh);
    await expect(el).to.be.accessible();
    expect(textOf($(el, '[data-phase-note]'))).to.equal('Đăng ký phát biểu được mở khi cuộc họp khai mạc.');
    expect($$(el, 'button')).to.have.length(0);
    expect($(el, '[part=queue]')).to.be.null;
  });

  it('says it is loading while it has no store', async () => {
    const el = await fixture<SpeakerQueue>(html`<speaker-queue></speaker-queue>`);
    expect(textOf(shadowOf(el))).to.equal('Đang tải cuộc họp…');
  });

  describe('a member in an open meeting', () => {
    it('is accessible, shows nobody speaking, an empty queue and the raise-hand toggle', async () => {
      const { binh } = sharedMeeting();
      const el = await render(binh);
      await expect(el).to.be.accessible();
      expect(textOf($(el, 'h2'))).to.equal('Phát biểu ý kiến');
      expect(textOf($(el, '[data-floor-none]'))).to.equal('Chưa có ai được mời phát biểu.');
      expect(textOf($(el, '[data-queue-empty]'))).to.equal('Chưa có ai giơ tay.');
      expect(textOf($(el, '[data-times-empty]'))).to.equal('Chưa có lượt phát biểu nào.');
      expect(textOf(handButton(el))).to.equal('Giơ tay phát biểu');
      expect(handButton(el)!.dataset.hand, 'an action button named for what it does, not a toggle').to.equal('down');
      expect($$(el, 'button')).to.have.length(1);
    });

    it('raises the hand: the toggle is pressed, reads "Hạ tay", and says the place in the queue', async () => {
      const { meeting, binh } = sharedMeeting();
      const el = await render(binh);
      await click(el, handButton(el));
      expect(handButton(el)!.dataset.hand).to.equal('raised');
      expect(textOf(handButton(el))).to.equal('Hạ tay');
      expect(textOf($(el, '[data-position]'))).to.equal('Bạn đứng thứ 1 trong danh sách chờ.');
      expect(queueNames(el)).to.deep.equal(['Trần Thị Bình']);
      expect(textOf(row(el, 'binh'))).to.contain('(bạn)');
      expect(textOf($(el, '#queue-title'))).to.equal('Danh sách chờ phát biểu (1)');
      expect(meeting.meeting.hands.map((h) => h.participantId)).to.deep.equal(['binh']);
      await expect(el).to.be.accessible();
    });

    it('raises the hand with Enter and lowers it with Space: the focus stays on the toggle', async () => {
      const { meeting, binh } = sharedMeeting();
      const el = await render(binh);
      handButton(el)!.focus();
      await sendKeys({ press: 'Enter' });
      await aTimeout(0);
      await el.updateComplete;
      expect(handButton(el)!.dataset.hand).to.equal('raised');
      expect(meeting.meeting.hands).to.have.length(1);
      await sendKeys({ press: 'Space' });
      await aTimeout(0);
      await el.updateComplete;
      expect(handButton(el)!.dataset.hand, 'an action button named for what it does, not a toggle').to.equal('down');
      expect(meeting.meeting.hands).to.have.length(0);
    });

    it('shows the place behind earlier hands, and moves up when one ahead lowers theirs', async () => {
      const { meeting, binh } = sharedMeeting();
      meeting.apply(DUNG, { type: 'raise-hand' });
      const el = await render(binh);
      await click(el, handButton(el));
      expect(textOf($(el, '[data-position]'))).to.equal('Bạn đứng thứ 2 trong danh sách chờ.');
      expect(queueNames(el)).to.deep.equal(['Phạm Thị Dung', 'Trần Thị Bình']);
      expect($$(el, '.queue .position').map((p) => textOf(p))).to.deep.equal(['1', '2']);
      meeting.apply(DUNG, { type: 'lower-hand' });
      await el.updateComplete;
      expect(textOf($(el, '[data-position]'))).to.equal('Bạn đứng thứ 1 trong danh sách chờ.');
      expect(queueNames(el)).to.deep.equal(['Trần Thị Bình']);
    });

    it('lowers the hand again with the toggle, without announcing it', async () => {
      const { meeting, binh } = sharedMeeting();
      const el = await render(binh);
      await click(el, handButton(el));
      await click(el, handButton(el));
      expect(handButton(el)!.dataset.hand, 'an action button named for what it does, not a toggle').to.equal('down');
      expect(textOf(handButton(el))).to.equal('Giơ tay phát biểu');
      expect($(el, '[data-position]')!.dataset.position).to.equal('');
      expect(meeting.meeting.hands).to.have.length(0);
      expect(status(el)).to.equal('');
    });

    it('sees no chair controls', async () => {
      const { meeting, binh } = sharedMeeting();
      meeting.apply(DUNG, { type: 'raise-hand' });
      const el = await render(binh);
      expect(queueNames(el)).to.deep.equal(['Phạm Thị Dung']);
      expect($$(el, '[data-action]')).to.have.length(0);
      expect($$(el, 'input[type=checkbox]')).to.have.length(0);
      expect($(el, '[part=delegates]')).to.be.null;
    });

    it('shows how long each hand has waited, ticking every second', async () => {
      const { meeting, binh } = sharedMeeting();
      meeting.offsetSeconds = -65;
      meeting.apply(DUNG, { type: 'raise-hand' });
      const el = await render(binh);
      const wait = () => textOf(row(el, 'dung')!.querySelector('[data-wait] time'));
      expect(textOf(row(el, 'dung')!.querySelector('[data-wait]'))).to.match(/^Đã chờ 1:0[56]$/);
      const first = seconds(wait());
      await aTimeout(1100);
      await el.updateComplete;
      expect(seconds(wait())).to.be.greaterThan(first);
      expect(row(el, 'dung')!.querySelector('[data-wait] time')!.getAttribute('datetime')).to.match(/^PT0H1M\d+S$/);
    });

    it('stops ticking when taken off the page, and resumes when put back', async function () {
      // Two real seconds: a second detached, a second back on the page.
      this.timeout(5000);
      const { meeting, binh } = sharedMeeting();
      meeting.apply(DUNG, { type: 'raise-hand' });
      const el = await render(binh);
      const wait = () => textOf(row(el, 'dung')!.querySelector('[data-wait] time'));
      const parent = el.parentNode!;
      el.remove();
      const detached = wait();
      await aTimeout(1200);
      expect(wait(), 'no update while detached').to.equal(detached);
      parent.appendChild(el);
      await el.updateComplete;
      await aTimeout(1050);
      await el.updateComplete;
      expect(seconds(wait())).to.be.greaterThan(seconds(detached));
    });
  });

  describe('the chair', () => {
    it('is accessible with a queue, and has per person a mute choice, "Mời phát biểu" and "Hạ tay"', async () => {
      const { meeting, chair } = sharedMeeting();
      meeting.apply(DUNG, { type: 'raise-hand' });
      meeting.apply(BINH, { type: 'raise-hand' });
      const el = await render(chair);
      await expect(el).to.be.accessible();
      expect(queueNames(el)).to.deep.equal(['Phạm Thị Dung', 'Trần Thị Bình']);
      const group = row(el, 'binh')!.querySelector('[role=group]')!;
      expect(group.getAttribute('aria-label')).to.equal('Điều hành phát biểu của Trần Thị Bình');
      expect(textOf(group.querySelector('label'))).to.equal('Tắt micro người khác');
      expect(group.querySelector<HTMLInputElement>('input[type=checkbox]')!.checked).to.be.false;
      expect(textOf(rowButton(el, 'binh', 'give'))).to.equal('Mời phát biểu: Trần Thị Bình');
      expect(textOf(rowButton(el, 'binh', 'lower'))).to.equal('Hạ tay: Trần Thị Bình');
      // The chair may raise a hand too (the chair is a full member).
      expect(handButton(el)).to.exist;
    });

    it('gives the floor with others muted: the floor shows the speaker, the timer and the mute, and the hand leaves the queue', async () => {
      const { meeting, chair } = sharedMeeting();
      meeting.apply(DUNG, { type: 'raise-hand' });
      meeting.apply(BINH, { type: 'raise-hand' });
      const el = await render(chair);
      await click(el, row(el, 'dung')!.querySelector('input[type=checkbox]'));
      const changed = oneEvent(el, 'party-speaker-changed');
      await click(el, rowButton(el, 'dung', 'give'));
      const event = await changed;
      expect(event.detail.command).to.deep.equal({ type: 'give-floor', participantId: 'dung', muteOthers: true });
      expect(event.detail.seq).to.be.a('number');
      expect(meeting.meeting.floor).to.include({ participantId: 'dung', muteOthers: true });
      expect(textOf($(el, '[data-floor]'))).to.match(/^Đang phát biểu: Phạm Thị Dung 0:0[01]$/);
      expect($(el, '[data-mute]')!.dataset.mute).to.equal('on');
      expect(textOf($(el, '[data-mute]'))).to.equal('Micro của những người khác đang tắt.');
      expect(queueNames(el)).to.deep.equal(['Trần Thị Bình']);
      expect(status(el)).to.equal('Đồng chí Phạm Thị Dung được mời phát biểu. Micro của những người khác đã tắt.');
      const end = $(el, 'button[data-action=end]');
      expect(textOf(end)).to.equal('Kết thúc lượt phát biểu');
      expect(shadowOf(el).activeElement, 'focus moves to the end button').to.equal(end);
      await expect(el).to.be.accessible();
    });

    it('gives the floor without muting when the box is left unticked', async () => {
      const { meeting, chair } = sharedMeeting();
      meeting.apply(BINH, { type: 'raise-hand' });
      const el = await render(chair);
      await click(el, rowButton(el, 'binh', 'give'));
      expect(meeting.meeting.floor).to.include({ participantId: 'binh', muteOthers: false });
      expect($(el, '[data-mute]')!.dataset.mute).to.equal('off');
      expect(textOf($(el, '[data-mute]'))).to.equal('Micro của những người khác vẫn bật.');
      expect(status(el)).to.equal('Đồng chí Trần Thị Bình được mời phát biểu.');
    });

    it('lowers a hand; that member hears it, and the focus goes to the next person', async () => {
      const { meeting, chair, binh } = sharedMeeting();
      meeting.apply(DUNG, { type: 'raise-hand' });
      meeting.apply(BINH, { type: 'raise-hand' });
      meeting.apply({ participantId: 'em', role: 'delegate' }, { type: 'raise-hand' });
      const el = await render(chair);
      const member = await render(binh);
      await click(el, rowButton(el, 'binh', 'lower'));
      expect(queueNames(el)).to.deep.equal(['Phạm Thị Dung', 'Hoàng Văn Em']);
      expect(shadowOf(el).activeElement).to.equal(rowButton(el, 'em', 'give'));
      await member.updateComplete;
      expect(handButton(member)!.dataset.hand, 'an action button named for what it does, not a toggle').to.equal('down');
      expect(status(member)).to.equal('Đồng chí chủ trì đã hạ tay của bạn.');
    });

    it('marks a delegate in the queue', async () => {
      const { meeting, chair } = sharedMeeting();
      meeting.apply({ participantId: 'em', role: 'delegate' }, { type: 'raise-hand' });
      const el = await render(chair);
      expect(textOf(row(el, 'em')!.querySelector('.badge'))).to.equal('Đại biểu cấp trên');
    });

    it('ends the turn: nobody has the floor, the speech counts in the times, and everyone hears it', async () => {
      const { meeting, chair, binh } = sharedMeeting();
      meeting.offsetSeconds = -200;
      meeting.apply(CHAIR, { type: 'give-floor', participantId: 'dung' });
      meeting.offsetSeconds = 0;
      const el = await render(chair);
      const member = await render(binh);
      // Still speaking: 200 s so far in the times.
      expect(seconds(textOf($(el, 'li[data-speaker-id=dung] [data-speaking-time]')))).to.be.within(200, 201);
      meeting.offsetSeconds = -80;
      await click(el, $(el, 'button[data-action=end]'));
      expect(meeting.meeting.floor).to.be.undefined;
      expect(textOf($(el, '[data-floor-none]'))).to.equal('Chưa có ai được mời phát biểu.');
      expect(textOf($(el, 'li[data-speaker-id=dung]'))).to.equal('Phạm Thị Dung 2:00');
      await member.updateComplete;
      expect(status(member)).to.equal('Đồng chí Phạm Thị Dung đã kết thúc phát biểu.');
      expect(status(el)).to.equal('Đồng chí Phạm Thị Dung đã kết thúc phát biểu.');
    });

    it('invites an upper-level delegate who has not raised a hand', async () => {
      const { meeting, chair } = sharedMeeting();
      const el = await render(chair);
      await expect(el).to.be.accessible();
      const delegate = $(el, 'li[data-delegate-id=em]')!;
      expect(textOf(delegate.querySelector('.name'))).to.equal('Hoàng Văn Em');
      expect(textOf(delegate.querySelector('.org'))).to.equal('Đảng ủy VNPT Yên Bái');
      expect(delegate.querySelector('[data-offline]'), 'the delegate is connected').to.be.null;
      await click(el, delegate.querySelector('input[type=checkbox]'));
      await click(el, delegate.querySelector('button[data-action=give-delegate]'));
      expect(meeting.meeting.floor).to.include({ participantId: 'em', muteOthers: true });
      expect(textOf($(el, '[data-floor]'))).to.match(/^Đang phát biểu: Hoàng Văn Em 0:0[01]$/);
      expect($(el, 'li[data-delegate-id=em] button'), 'no second invitation while speaking').to.be.null;
      expect(textOf($(el, 'li[data-delegate-id=em]'))).to.contain('(đang phát biểu)');
    });

    it('names the delegate in the invitation button and says when they have not joined', async () => {
      const meeting = new SharedMeeting();
      const chair = meeting.join('an', 'chair');
      meeting.apply(CHAIR, { type: 'open-meeting' });
      const el = await render(chair);
      const delegate = $(el, 'li[data-delegate-id=em]')!;
      expect(textOf(delegate.querySelector('button'))).to.equal('Mời đại biểu cấp trên phát biểu: Hoàng Văn Em');
      expect(textOf(delegate.querySelector('[data-offline]'))).to.equal('Chưa vào cuộc họp');
    });

    it('shows a refusal when the hand was lowered by its owner a moment before', async () => {
      const { meeting, chair } = sharedMeeting();
      meeting.apply(BINH, { type: 'raise-hand' });
      const el = await render(chair);
      const lower = rowButton(el, 'binh', 'lower')!;
      // Both act at once: the member lowers it, the chair clicks before the screen has caught up.
      meeting.apply(BINH, { type: 'lower-hand' });
      const rejected = oneEvent(el, 'party-command-rejected');
      lower.click();
      expect((await rejected).detail.code).to.equal('hand-not-raised');
      await el.updateComplete;
      expect(textOf($(el, '[role=alert]'))).to.equal('Chưa giơ tay.');
      expect(queueNames(el)).to.deep.equal([]);
    });

    it('fires a cancelable party-speaker-request; preventDefault sends nothing', async () => {
      const { meeting, chair } = sharedMeeting();
      meeting.apply(BINH, { type: 'raise-hand' });
      const el = await render(chair);
      const requests: HTMLElementEventMap['party-speaker-request'][] = [];
      el.addEventListener('party-speaker-request', (event) => {
        requests.push(event);
        event.preventDefault();
      });
      await click(el, rowButton(el, 'binh', 'give'));
      expect(requests).to.have.length(1);
      expect(requests[0]!.cancelable).to.be.true;
      expect(requests[0]!.detail.command).to.deep.equal({ type: 'give-floor', participantId: 'binh', muteOthers: false });
      expect(meeting.meeting.floor).to.be.undefined;
      expect(queueNames(el)).to.deep.equal(['Trần Thị Bình']);
      expect($(el, '[data-floor-none]')).to.exist;
    });
  });

  describe('the person given the floor', () => {
    it('hears "Đồng chí được mời phát biểu", sees the running timer and may end the turn', async () => {
      const { meeting, dung, binh } = sharedMeeting();
      const el = await render(dung);
      const other = await render(binh);
      await click(el, handButton(el));
      meeting.offsetSeconds = -135;
      meeting.apply(CHAIR, { type: 'give-floor', participantId: 'dung', muteOthers: true });
      meeting.offsetSeconds = 0;
      await el.updateComplete;
      await other.updateComplete;
      expect(status(el)).to.equal('Đồng chí được mời phát biểu.');
      expect(textOf($(el, '[data-floor-you]'))).to.equal('Đồng chí được mời phát biểu.');
      expect(textOf($(el, '[data-floor]'))).to.match(/^Đang phát biểu: Phạm Thị Dung 2:1[56]$/);
      expect(handButton(el), 'no raise toggle while speaking').to.be.null;
      expect(status(other)).to.equal('Đồng chí Phạm Thị Dung được mời phát biểu. Micro của những người khác đã tắt.');
      expect($(other, '[data-floor-you]')).to.be.null;
      expect($(other, 'button[data-action]'), 'another member cannot end the turn').to.be.null;
      await expect(el).to.be.accessible();

      const end = $(el, 'button[data-action=end-own]');
      expect(textOf(end)).to.equal('Kết thúc phát biểu');
      await click(el, end);
      expect(meeting.meeting.floor).to.be.undefined;
      expect(meeting.meeting.speeches.map((s) => s.participantId)).to.deep.equal(['dung']);
      expect(shadowOf(el).activeElement, 'focus returns to the raise toggle').to.equal(handButton(el));
      await other.updateComplete;
      expect(status(other)).to.equal('Đồng chí Phạm Thị Dung đã kết thúc phát biểu.');
    });
  });

  describe('speaking time', () => {
    it('adds up each person\'s turns, in the order they first spoke, the current turn included', async () => {
      const { meeting, binh } = sharedMeeting();
      meeting.offsetSeconds = -300;
      meeting.apply(CHAIR, { type: 'give-floor', participantId: 'dung' });
      meeting.offsetSeconds = -180;
      meeting.apply(CHAIR, { type: 'give-floor', participantId: 'em' });
      meeting.offsetSeconds = -90;
      meeting.apply(CHAIR, { type: 'give-floor', participantId: 'dung' });
      meeting.offsetSeconds = 0;
      const el = await render(binh);
      const rows = $$(el, '.times li');
      expect(rows.map((r) => r.dataset.speakerId)).to.deep.equal(['dung', 'em']);
      // 120 s, then 90 s so far.
      expect(seconds(textOf(rows[0]!.querySelector('[data-speaking-time]')))).to.be.within(210, 211);
      expect(textOf(rows[0])).to.contain('(đang phát biểu)');
      expect(textOf(rows[1])).to.equal('Hoàng Văn Em 1:30');
    });

    it('shows the times after the meeting closes, with the explanation', async () => {
      const { meeting, binh } = sharedMeeting();
      meeting.offsetSeconds = -60;
      meeting.apply(CHAIR, { type: 'give-floor', participantId: 'dung' });
      meeting.offsetSeconds = 0;
      meeting.apply(CHAIR, { type: 'close-meeting' });
      const el = await render(binh);
      await expect(el).to.be.accessible();
      expect(textOf($(el, '[data-phase-note]'))).to.equal('Cuộc họp đã bế mạc, không còn đăng ký phát biểu.');
      expect(seconds(textOf($(el, 'li[data-speaker-id=dung] [data-speaking-time]')))).to.be.within(60, 61);
      expect($$(el, 'button')).to.have.length(0);
    });
  });

  describe('other participants', () => {
    it('a delegate may raise a hand', async () => {
      const { meeting, em } = sharedMeeting();
      const el = await render(em);
      await click(el, handButton(el));
      expect(meeting.meeting.hands.map((h) => h.participantId)).to.deep.equal(['em']);
      expect(textOf($(el, '[data-position]'))).to.equal('Bạn đứng thứ 1 trong danh sách chờ.');
      expect($(el, '[part=delegates]'), 'only the chair invites delegates').to.be.null;
    });

    it('a guest follows the floor and the queue but has no controls', async () => {
      const meeting = new SharedMeeting({ ...meetingDefinition, guests: [{ id: 'khach', name: 'Vũ Thị Khách', kind: 'guest' }] });
      meeting.join('an', 'chair');
      meeting.apply(CHAIR, { type: 'open-meeting' });
      const guest = meeting.join('khach', 'guest');
      meeting.apply(BINH, { type: 'join' });
      meeting.apply(BINH, { type: 'raise-hand' });
      const el = await render(guest);
      await expect(el).to.be.accessible();
      expect(queueNames(el)).to.deep.equal(['Trần Thị Bình']);
      expect($$(el, 'button')).to.have.length(0);
    });

    it('works while the meeting is closing', async () => {
      const { meeting, binh } = sharedMeeting();
      meeting.apply(CHAIR, { type: 'begin-closing' });
      const el = await render(binh);
      expect($(el, '[data-phase-note]')).to.be.null;
      await click(el, handButton(el));
      expect(meeting.meeting.hands).to.have.length(1);
    });
  });

  describe('language', () => {
    it('renders English with lang="en"', async () => {
      const { meeting, chair } = sharedMeeting();
      meeting.apply(BINH, { type: 'raise-hand' });
      const el = await render(chair, 'en');
      await expect(el).to.be.accessible();
      expect(textOf($(el, 'h2'))).to.equal('Speakers');
      expect(textOf(handButton(el))).to.equal('Raise hand to speak');
      expect(textOf(rowButton(el, 'binh', 'give'))).to.equal('Give the floor: Trần Thị Bình');
      expect(textOf($(el, '#queue-title'))).to.equal('Waiting to speak (1)');
      await click(el, rowButton(el, 'binh', 'give'));
      expect(textOf($(el, '[data-floor]'))).to.match(/^Speaking now: Trần Thị Bình 0:0[01]$/);
      expect(status(el)).to.equal('Trần Thị Bình has the floor.');
    });
  });
});
