import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { LocalMeetingStore } from '../../src/client/index.js';
import type { AttendanceRoll } from '../../src/components/attendance-roll/attendance-roll.js';
import {
  chairStore,
  countOf,
  markButton,
  markOf,
  memberIds,
  memberStore,
  openMeetingAsChair,
  rowOf,
  shadowOf,
  textOf,
  viewAs,
} from './meeting-fixture.js';

const REASON_REQUIRED_VI = 'Hãy ghi lý do vắng (tối đa 200 ký tự).';
const NOT_OPEN_VI = 'Chủ trì điểm danh sau khi khai mạc cuộc họp.';

function alertOf(el: AttendanceRoll): string {
  return textOf(shadowOf(el).querySelector('[role=alert]'));
}

function reasonInput(el: AttendanceRoll, memberId: string): HTMLInputElement | null {
  return shadowOf(el).querySelector<HTMLInputElement>(`#reason-${memberId}`);
}

async function click(el: AttendanceRoll, button: HTMLButtonElement | null): Promise<void> {
  expect(button, 'button to click').to.exist;
  button!.click();
  await el.updateComplete;
}

describe('<attendance-roll>', () => {
  it('is accessible for the chair before the meeting opens', async () => {
    const el = await fixture<AttendanceRoll>(html`<attendance-roll .store=${chairStore()}></attendance-roll>`);
    await expect(el).to.be.accessible();
  });

  it('says it is loading while it has no store', async () => {
    const el = await fixture<AttendanceRoll>(html`<attendance-roll></attendance-roll>`);
    expect(textOf(shadowOf(el))).to.equal('Đang tải cuộc họp…');
  });

  it('counts the roster: total, full, probationary, and everyone unmarked', async () => {
    const el = await fixture<AttendanceRoll>(html`<attendance-roll .store=${chairStore()}></attendance-roll>`);
    expect(countOf(el, 'total')).to.equal('4');
    expect(countOf(el, 'full')).to.equal('3');
    expect(countOf(el, 'probationary')).to.equal('1');
    expect(countOf(el, 'present')).to.equal('0');
    expect(countOf(el, 'absentWithReason')).to.equal('0');
    expect(countOf(el, 'absentWithoutReason')).to.equal('0');
    expect(countOf(el, 'unmarked')).to.equal('4');
    expect(shadowOf(el).querySelectorAll('li[data-member-id]')).to.have.length(4);
    for (const id of memberIds) expect(markOf(el, id).dataset.mark).to.equal('unmarked');
    expect(textOf(rowOf(el, 'dung'))).to.contain('Phạm Thị Dung').and.contain('Dự bị');
    // Only the chair has joined this in-memory meeting.
    expect(textOf(rowOf(el, 'an'))).to.contain('Đang trực tuyến');
    expect(textOf(rowOf(el, 'binh'))).to.contain('Không trực tuyến');
  });

  it('before the meeting opens, shows the chair the hint and no mark buttons', async () => {
    const el = await fixture<AttendanceRoll>(html`<attendance-roll .store=${chairStore()}></attendance-roll>`);
    expect(textOf(shadowOf(el))).to.contain(NOT_OPEN_VI);
    expect(shadowOf(el).querySelectorAll('button')).to.have.length(0);
  });

  describe('the chair in an open meeting', () => {
    let store: LocalMeetingStore;
    let el: AttendanceRoll;

    beforeEach(async () => {
      store = await openMeetingAsChair();
      el = await fixture<AttendanceRoll>(html`<attendance-roll .store=${store}></attendance-roll>`);
    });

    it('is accessible with the mark buttons', async () => {
      await expect(el).to.be.accessible();
    });

    it('shows three mark buttons per member, in a group named after the member, none pressed', async () => {
      expect(textOf(shadowOf(el))).not.to.contain(NOT_OPEN_VI);
      for (const id of memberIds) {
        const buttons = [...rowOf(el, id).querySelectorAll<HTMLButtonElement>('.actions button')];
        expect(buttons.map((b) => b.dataset.mark)).to.deep.equal(['present-online', 'absent-with-reason', 'absent-without-reason']);
        expect(buttons.map((b) => textOf(b))).to.deep.equal(['Có mặt trực tuyến', 'Vắng có lý do', 'Vắng không lý do']);
        expect(buttons.map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['false', 'false', 'false']);
      }
      const group = rowOf(el, 'binh').querySelector('[role=group]');
      expect(group?.getAttribute('aria-label')).to.equal('Điểm danh Trần Thị Bình');
    });

    it('clicking "present" counts the member present and presses the button', async () => {
      await click(el, markButton(el, 'binh', 'present-online'));
      expect(countOf(el, 'present')).to.equal('1');
      expect(countOf(el, 'unmarked')).to.equal('3');
      expect(markOf(el, 'binh').dataset.mark).to.equal('present-online');
      expect(textOf(markOf(el, 'binh'))).to.equal('Có mặt trực tuyến');
      expect(markButton(el, 'binh', 'present-online')!.getAttribute('aria-pressed')).to.equal('true');
      expect(markButton(el, 'binh', 'absent-without-reason')!.getAttribute('aria-pressed')).to.equal('false');
      expect(markOf(el, 'cuong').dataset.mark).to.equal('unmarked');
      expect(store.getSnapshot().meeting!.attendance.binh?.mark).to.equal('present-online');
    });

    it('clicking "absent without reason" counts it', async () => {
      await click(el, markButton(el, 'cuong', 'absent-without-reason'));
      expect(countOf(el, 'absentWithoutReason')).to.equal('1');
      expect(countOf(el, 'unmarked')).to.equal('3');
      expect(markOf(el, 'cuong').dataset.mark).to.equal('absent-without-reason');
      expect(textOf(markOf(el, 'cuong'))).to.equal('Vắng không lý do');
      expect(markButton(el, 'cuong', 'absent-without-reason')!.getAttribute('aria-pressed')).to.equal('true');
    });

    it('changing a mark moves the member from one count to another', async () => {
      await click(el, markButton(el, 'dung', 'present-online'));
      await click(el, markButton(el, 'dung', 'absent-without-reason'));
      expect(countOf(el, 'present')).to.equal('0');
      expect(countOf(el, 'absentWithoutReason')).to.equal('1');
      expect(markButton(el, 'dung', 'present-online')!.getAttribute('aria-pressed')).to.equal('false');
      expect(markButton(el, 'dung', 'absent-without-reason')!.getAttribute('aria-pressed')).to.equal('true');
    });

    it('"absent with reason" opens a labelled input that gets the focus, and records nothing yet', async () => {
      expect(reasonInput(el, 'binh')).to.be.null;
      await click(el, markButton(el, 'binh', 'absent-with-reason'));
      const input = reasonInput(el, 'binh');
      expect(input).to.exist;
      expect(textOf(input!.labels![0])).to.equal('Lý do vắng của Trần Thị Bình');
      expect(shadowOf(el).activeElement).to.equal(input);
      expect(countOf(el, 'absentWithReason')).to.equal('0');
      expect(markOf(el, 'binh').dataset.mark).to.equal('unmarked');
      await expect(el).to.be.accessible();
    });

    it('refuses a reason of only spaces with the localized message, which the core rejected', async () => {
      await click(el, markButton(el, 'binh', 'absent-with-reason'));
      await sendKeys({ type: '   ' });
      const rejected = oneEvent(el, 'party-command-rejected');
      await click(el, shadowOf(el).querySelector<HTMLButtonElement>('form button[type=submit]'));
      expect((await rejected).detail.code).to.equal('reason-required');
      await el.updateComplete;
      expect(alertOf(el)).to.equal(REASON_REQUIRED_VI);
      expect(countOf(el, 'absentWithReason')).to.equal('0');
      expect(markOf(el, 'binh').dataset.mark).to.equal('unmarked');
      expect(reasonInput(el, 'binh'), 'the form stays open').to.exist;
      await expect(el).to.be.accessible();
    });

    it('refuses an empty reason with the localized message, not the browser\'s own', async () => {
      await click(el, markButton(el, 'binh', 'absent-with-reason'));
      const rejected = oneEvent(el, 'party-command-rejected');
      await click(el, shadowOf(el).querySelector<HTMLButtonElement>('form button[type=submit]'));
      expect((await rejected).detail.code).to.equal('reason-required');
      await el.updateComplete;
      expect(alertOf(el)).to.equal(REASON_REQUIRED_VI);
      expect(countOf(el, 'absentWithReason')).to.equal('0');
      expect(markOf(el, 'binh').dataset.mark).to.equal('unmarked');
    });

    it('records a typed reason "ốm" (Enter submits), shows it and clears an earlier error', async () => {
      await click(el, markButton(el, 'binh', 'absent-with-reason'));
      await sendKeys({ type: ' ' });
      await click(el, shadowOf(el).querySelector<HTMLButtonElement>('form button[type=submit]'));
      expect(alertOf(el)).to.equal(REASON_REQUIRED_VI);

      await sendKeys({ type: 'ốm' });
      const marked = oneEvent(el, 'party-attendance-marked');
      await sendKeys({ press: 'Enter' });
      await marked;
      await el.updateComplete;
      expect(countOf(el, 'absentWithReason')).to.equal('1');
      expect(countOf(el, 'unmarked')).to.equal('3');
      expect(markOf(el, 'binh').dataset.mark).to.equal('absent-with-reason');
      expect(textOf(markOf(el, 'binh'))).to.equal('Vắng có lý do: ốm');
      expect(markButton(el, 'binh', 'absent-with-reason')!.getAttribute('aria-pressed')).to.equal('true');
      expect(alertOf(el)).to.equal('');
      expect(reasonInput(el, 'binh'), 'the form closes').to.be.null;
      // The core trims the reason it records.
      expect(store.getSnapshot().meeting!.attendance.binh).to.include({ mark: 'absent-with-reason', reason: 'ốm' });
    });

    it('fires a cancelable party-attendance-request; preventDefault records nothing', async () => {
      const requests: Event[] = [];
      el.addEventListener('party-attendance-request', (event) => {
        requests.push(event);
        event.preventDefault();
      });
      const seqBefore = store.getSnapshot().seq;
      await click(el, markButton(el, 'binh', 'present-online'));
      expect(requests).to.have.length(1);
      expect(requests[0]!.cancelable).to.be.true;
      expect((requests[0] as HTMLElementEventMap['party-attendance-request']).detail).to.deep.equal({
        memberId: 'binh',
        mark: 'present-online',
      });
      expect(store.getSnapshot().seq).to.equal(seqBefore);
      expect(countOf(el, 'present')).to.equal('0');
      expect(markOf(el, 'binh').dataset.mark).to.equal('unmarked');
      expect(markButton(el, 'binh', 'present-online')!.getAttribute('aria-pressed')).to.equal('false');
    });

    it('fires party-attendance-marked with the mark and its sequence number once recorded', async () => {
      const marked = oneEvent(el, 'party-attendance-marked');
      markButton(el, 'an', 'present-online')!.click();
      const event = await marked;
      expect(event.detail).to.deep.equal({ memberId: 'an', mark: 'present-online', seq: store.getSnapshot().seq });
      expect(store.getSnapshot().meeting!.attendance.an?.mark).to.equal('present-online');
    });
  });

  describe('a member who is not the chair', () => {
    it('sees the counts but no mark buttons and no chair hint', async () => {
      const el = await fixture<AttendanceRoll>(html`<attendance-roll .store=${memberStore()}></attendance-roll>`);
      await expect(el).to.be.accessible();
      expect(countOf(el, 'total')).to.equal('4');
      expect(shadowOf(el).querySelectorAll('button')).to.have.length(0);
      expect(textOf(shadowOf(el))).not.to.contain(NOT_OPEN_VI);
    });

    it('sees no mark buttons in an open meeting either, while the chair does', async () => {
      const store = await openMeetingAsChair();
      await store.send({ type: 'mark-attendance', memberId: 'binh', mark: 'present-online' });
      const chair = await fixture<AttendanceRoll>(html`<attendance-roll .store=${store}></attendance-roll>`);
      const member = await fixture<AttendanceRoll>(
        html`<attendance-roll .store=${viewAs(store, 'binh', 'member', 'Trần Thị Bình')}></attendance-roll>`,
      );
      expect(shadowOf(chair).querySelectorAll('.actions button')).to.have.length(12);
      expect(shadowOf(member).querySelectorAll('button')).to.have.length(0);
      expect(countOf(member, 'present')).to.equal('1');
      expect(markOf(member, 'binh').dataset.mark).to.equal('present-online');
    });
  });

  describe('language', () => {
    it('renders English with lang="en"', async () => {
      const store = await openMeetingAsChair();
      const el = await fixture<AttendanceRoll>(html`<attendance-roll lang="en" .store=${store}></attendance-roll>`);
      await expect(el).to.be.accessible();
      expect(textOf(shadowOf(el).querySelector('h2'))).to.equal('Roll call');
      expect(textOf(shadowOf(el).querySelector('[data-count=total]')!.previousElementSibling)).to.equal('Members in total');
      expect(textOf(markButton(el, 'binh', 'present-online'))).to.equal('Present online');
      await click(el, markButton(el, 'binh', 'absent-with-reason'));
      await sendKeys({ type: ' ' });
      await click(el, shadowOf(el).querySelector<HTMLButtonElement>('form button[type=submit]'));
      expect(alertOf(el)).to.equal('Please write the reason for the absence (at most 200 characters).');
    });

    it('takes English from an ancestor\'s lang', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="en-GB"><attendance-roll .store=${chairStore()}></attendance-roll></div>`,
      );
      const el = wrapper.querySelector('attendance-roll')!;
      await el.updateComplete;
      expect(textOf(shadowOf(el).querySelector('h2'))).to.equal('Roll call');
      expect(textOf(shadowOf(el))).to.contain('The chair takes the roll once the meeting is open.');
    });

    it('leaves the page\'s language to assistive technology (no empty lang attribute)', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="vi"><attendance-roll .store=${chairStore()}></attendance-roll></div>`,
      );
      const el = wrapper.querySelector('attendance-roll')!;
      await el.updateComplete;
      // null (no attribute) inherits the page's language; '' declares it unknown.
      expect(el.getAttribute('lang')).not.to.equal('');
    });
  });
});
