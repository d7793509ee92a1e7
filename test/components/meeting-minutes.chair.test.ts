import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/meeting-minutes/define.js';
import type { MeetingStore } from '../../src/client/index.js';
import type { MeetingMinutes } from '../../src/components/meeting-minutes/meeting-minutes.js';
import type { MinutesCommand } from '../../src/components/meeting-minutes/meeting-minutes.events.js';
import { shadowOf, textOf } from './meeting-fixture.js';
import { adoptMinutes, heldMeeting, minutesDefinition, openedMeeting, SharedMeeting } from './meeting-minutes.fixture.js';

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => shadowOf(el).querySelector<T>(selector);
const $$ = (el: Element, selector: string) => [...shadowOf(el).querySelectorAll<HTMLElement>(selector)];
const field = (el: Element, name: string) => textOf($(el, `[data-field=${name}]`));
/** Whether the selector matches: a boolean, so that a failing assertion never prints a DOM node (which can hang the runner). */
const has = (el: Element, selector: string) => $(el, selector) !== null;
const CHAIR_FORMS = ['recorder', 'conclusion', 'task', 'rating'];
const chairFormsOf = (el: Element) => $$(el, 'form').map((f) => f.dataset.form).filter((name) => CHAIR_FORMS.includes(name!));

async function render(store: MeetingStore, lang = 'vi'): Promise<MeetingMinutes> {
  return fixture<MeetingMinutes>(html`<meeting-minutes lang=${lang} .store=${store}></meeting-minutes>`);
}

/** Lets the command's promise settle, then the re-render. */
async function settle(el: MeetingMinutes): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await el.updateComplete;
}

/** Clicks the submit button of one of the element's forms. */
async function submit(el: MeetingMinutes, form: string): Promise<void> {
  const button = $<HTMLButtonElement>(el, `form[data-form=${form}] button[type=submit]`);
  expect(button, `the ${form} form's button`).to.exist;
  button!.click();
  await settle(el);
}

/** Types into a field of the shadow DOM with the keyboard. */
async function typeInto(el: MeetingMinutes, selector: string, text: string): Promise<void> {
  const input = $<HTMLInputElement>(el, selector);
  expect(input, selector).to.exist;
  input!.focus();
  await sendKeys({ type: text });
}

/** Chooses an option of a select with the arrow keys, as a person on a keyboard would. */
async function choose(el: MeetingMinutes, selector: string, label: string): Promise<void> {
  const select = $<HTMLSelectElement>(el, selector)!;
  select.focus();
  await sendKeys({ press: 'Home' });
  for (let i = 0; i <= select.options.length && textOf(select.selectedOptions[0]) !== label; i++) await sendKeys({ press: 'ArrowDown' });
  expect(textOf(select.selectedOptions[0])).to.equal(label);
}

/** Opens a collapsible group from the keyboard: focus on its summary, Enter. */
async function openGroup(el: MeetingMinutes, group: 'chair' | 'recorder'): Promise<void> {
  const details = $<HTMLDetailsElement>(el, `details[data-group=${group}]`);
  expect(details, `the ${group} group`).to.exist;
  expect(details!.open, 'collapsed at first').to.be.false;
  details!.querySelector('summary')!.focus();
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
  expect(details!.open).to.be.true;
}

/** The labels of a form control, as read by a screen reader. */
const labelOf = (el: Element, id: string) => textOf($<HTMLInputElement>(el, `#${id}`)!.labels![0]);

describe("<meeting-minutes>: the chair's forms", () => {
  it('is accessible: the open election of the minute-taker, then the group expanded', async () => {
    const { chair } = await openedMeeting();
    const el = await render(chair);
    expect(chairFormsOf(el)).to.deep.equal(['recorder', 'conclusion', 'task', 'rating']);
    await expect(el).to.be.accessible();
    await openGroup(el, 'chair');
    await expect(el).to.be.accessible();
  });

  describe('the minute-taker', () => {
    it('the chair elects them from the roster; the minutes\' "Thư ký" line and signature name them', async () => {
      const meeting = await openedMeeting();
      const el = await render(meeting.chair);
      expect(field(el, 'recorder')).to.equal('Thư ký: chưa cử.');
      // At the top of the controls, open, before the note form.
      expect($$(el, '[part=controls] form').map((f) => f.dataset.form)[0]).to.equal('recorder');
      expect(textOf($(el, 'form[data-form=recorder] legend'))).to.equal('Cử thư ký cuộc họp');
      expect(labelOf(el, 'recorder-member')).to.equal('Đồng chí được cử làm thư ký');
      expect([...$<HTMLSelectElement>(el, '#recorder-member')!.options].map((o) => textOf(o))).to.deep.equal([
        '— Chọn đồng chí —',
        'Nguyễn Văn An',
        'Trần Thị Bình',
        'Lê Văn Cường',
        'Phạm Thị Dung',
        'Đỗ Văn Hải',
      ]);
      expect(textOf($(el, 'form[data-form=recorder] button'))).to.equal('Cử thư ký');

      const requests: MinutesCommand[] = [];
      el.addEventListener('party-minutes-request', (event) => requests.push(event.detail.command));
      await choose(el, '#recorder-member', 'Lê Văn Cường');
      const changed = oneEvent(el, 'party-minutes-changed');
      await submit(el, 'recorder');
      const { detail } = await changed;
      expect(requests).to.deep.equal([{ type: 'elect-recorder', memberId: 'cuong' }]);
      expect(detail.command).to.deep.equal({ type: 'elect-recorder', memberId: 'cuong' });
      expect(detail.seq).to.equal(meeting.chair.getSnapshot().seq);
      await el.updateComplete;
      expect(field(el, 'recorder')).to.equal('Thư ký: đồng chí Lê Văn Cường.');
      expect(textOf($(el, '[data-sign=recorder] .sign-name'))).to.equal('Lê Văn Cường');
      expect(textOf($(el, '.notice'))).to.equal('Đã cử đồng chí Lê Văn Cường làm thư ký cuộc họp.');
      // Once elected, the form folds away into a "change" group.
      expect(textOf($(el, 'details[data-group=recorder] > summary'))).to.equal('Đổi thư ký (hiện nay: đồng chí Lê Văn Cường)');
      expect($<HTMLDetailsElement>(el, 'details[data-group=recorder]')!.open).to.be.false;
      // The new minute-taker now has the note form.
      const recorder = await render(meeting.cuong);
      expect(has(recorder, 'form[data-form=note]')).to.be.true;
      await expect(el).to.be.accessible();
    });

    it('the chair may change the minute-taker before the minutes are adopted', async () => {
      const meeting = await heldMeeting();
      const el = await render(meeting.chair);
      await openGroup(el, 'recorder');
      expect($<HTMLSelectElement>(el, '#recorder-member')!.value, 'the current one is selected').to.equal('cuong');
      await choose(el, '#recorder-member', 'Trần Thị Bình');
      await submit(el, 'recorder');
      expect(field(el, 'recorder')).to.equal('Thư ký: đồng chí Trần Thị Bình.');
      expect(meeting.hub.meeting.recorderId).to.equal('binh');
    });

    it('electing without choosing anyone is refused with a clear message and records nothing', async () => {
      const meeting = await openedMeeting();
      const el = await render(meeting.chair);
      const seq = meeting.chair.getSnapshot().seq;
      const rejected = oneEvent(el, 'party-command-rejected');
      await submit(el, 'recorder');
      expect((await rejected).detail.code).to.equal('unknown-member');
      await el.updateComplete;
      expect(textOf($(el, '[role=alert]'))).to.equal('Hãy chọn đồng chí được cử làm thư ký.');
      expect(meeting.chair.getSnapshot().seq).to.equal(seq);
      expect(field(el, 'recorder')).to.equal('Thư ký: chưa cử.');
    });
  });

  describe('conclusions, tasks and the rating', () => {
    it('are in one group, collapsed at first, its summary a clear label', async () => {
      const { chair } = await heldMeeting();
      const el = await render(chair);
      expect(textOf($(el, 'details[data-group=chair] > summary'))).to.equal('Kết luận, nhiệm vụ, chấm điểm');
      expect($(el, 'form[data-form=conclusion]')!.checkVisibility(), 'hidden while collapsed').to.be.false;
      await openGroup(el, 'chair');
      expect($(el, 'form[data-form=conclusion]')!.checkVisibility()).to.be.true;
      expect($$(el, 'details[data-group=chair] legend').map(textOf)).to.deep.equal(['Kết luận', 'Phân công nhiệm vụ', 'Chấm điểm buổi sinh hoạt']);
    });

    it('the chair records a conclusion; it appears under section V for everyone', async () => {
      const meeting = await heldMeeting();
      const el = await render(meeting.chair);
      const member = await render(meeting.member);
      await openGroup(el, 'chair');
      expect(labelOf(el, 'conclusion-text')).to.equal('Nội dung kết luận');
      await typeInto(el, '#conclusion-text', 'Chi bộ thống nhất đẩy mạnh chuyển đổi số trong tháng 12.');
      const changed = oneEvent(el, 'party-minutes-changed');
      await submit(el, 'conclusion');
      expect((await changed).detail.command).to.deep.equal({ type: 'record-conclusion', text: 'Chi bộ thống nhất đẩy mạnh chuyển đổi số trong tháng 12.' });
      await el.updateComplete;
      await member.updateComplete;
      for (const view of [el, member]) {
        expect($$(view, '[data-section=conclusions] [data-field=conclusions] li').map(textOf)).to.deep.equal([
          'Tập trung thu cước tồn đọng trước ngày 15/12.',
          'Chi bộ thống nhất đẩy mạnh chuyển đổi số trong tháng 12.',
        ]);
      }
      const text = $<HTMLTextAreaElement>(el, '#conclusion-text')!;
      expect(text.value, 'emptied for the next one').to.equal('');
      expect(shadowOf(el).activeElement === text, 'focus back in the field').to.be.true;
      expect(textOf($(el, '.notice'))).to.equal('Đã ghi kết luận vào biên bản.');
    });

    it('an empty conclusion is refused with the element\'s message', async () => {
      const meeting = await heldMeeting();
      const el = await render(meeting.chair);
      await openGroup(el, 'chair');
      const seq = meeting.chair.getSnapshot().seq;
      await typeInto(el, '#conclusion-text', '   ');
      await submit(el, 'conclusion');
      expect(textOf($(el, '[role=alert]'))).to.equal('Hãy viết nội dung kết luận (tối đa 2000 ký tự).');
      expect(meeting.chair.getSnapshot().seq).to.equal(seq);
    });

    it('the chair assigns a task with a person and a deadline; it appears in the task list', async () => {
      const meeting = await heldMeeting();
      const el = await render(meeting.chair);
      await openGroup(el, 'chair');
      expect(labelOf(el, 'task-description')).to.equal('Nội dung nhiệm vụ');
      expect(labelOf(el, 'task-assignee')).to.equal('Người thực hiện');
      expect(labelOf(el, 'task-deadline')).to.equal('Thời hạn hoàn thành');
      expect($$(el, '#task-assignee optgroup').map((g) => g.getAttribute('label'))).to.deep.equal(['Đảng viên', 'Đại biểu cấp trên']);
      expect($$(el, '#task-assignee option').map(textOf)).to.deep.equal([
        '— Chọn người thực hiện —',
        'Nguyễn Văn An',
        'Trần Thị Bình',
        'Lê Văn Cường',
        'Phạm Thị Dung',
        'Đỗ Văn Hải',
        'Hoàng Văn Em',
      ]);
      await typeInto(el, '#task-description', 'Hướng dẫn chi bộ triển khai Sổ tay đảng viên điện tử');
      await choose(el, '#task-assignee', 'Hoàng Văn Em');
      // The date picker's keyboard order follows the browser's locale, so the date is set as the picker would set it.
      const deadline = $<HTMLInputElement>(el, '#task-deadline')!;
      deadline.value = '2026-12-20';
      deadline.dispatchEvent(new Event('change', { bubbles: true }));
      const changed = oneEvent(el, 'party-minutes-changed');
      await submit(el, 'task');
      const command = (await changed).detail.command as Extract<MinutesCommand, { type: 'assign-task' }>;
      expect(command.taskId).to.match(/^t-\d+$/);
      expect({ ...command, taskId: 't' }).to.deep.equal({
        type: 'assign-task',
        taskId: 't',
        description: 'Hướng dẫn chi bộ triển khai Sổ tay đảng viên điện tử',
        assigneeId: 'em',
        deadline: '2026-12-20',
      });
      await el.updateComplete;
      expect($$(el, '[data-section=conclusions] [data-field=tasks] li').map(textOf)).to.deep.equal([
        'Hoàn thành báo cáo quý IV Người thực hiện: đồng chí Lê Văn Cường; thời hạn: 15/12/2026.',
        'Hướng dẫn chi bộ triển khai Sổ tay đảng viên điện tử Người thực hiện: đồng chí Hoàng Văn Em; thời hạn: 20/12/2026.',
      ]);
      expect(textOf($(el, '.notice'))).to.equal('Đã giao nhiệm vụ cho đồng chí Hoàng Văn Em, thời hạn 20/12/2026.');
      expect([$<HTMLTextAreaElement>(el, '#task-description')!.value, $<HTMLSelectElement>(el, '#task-assignee')!.value, deadline.value]).to.deep.equal([
        '',
        '',
        '',
      ]);

      // A second task at once gets an id of its own.
      await typeInto(el, '#task-description', 'Thu đảng phí quý IV');
      await choose(el, '#task-assignee', 'Trần Thị Bình');
      deadline.value = '2026-12-31';
      await submit(el, 'task');
      const ids = meeting.hub.meeting.tasks.map((t) => t.id);
      expect(ids).to.have.length(3);
      expect(new Set(ids).size).to.equal(3);
    });

    it('a task without a person, or without a deadline, is refused and nothing is recorded', async () => {
      const meeting = await heldMeeting();
      const el = await render(meeting.chair);
      await openGroup(el, 'chair');
      const seq = meeting.chair.getSnapshot().seq;
      await typeInto(el, '#task-description', 'Rà soát hồ sơ đảng viên');
      $<HTMLInputElement>(el, '#task-deadline')!.value = '2026-12-20';
      await submit(el, 'task');
      expect(textOf($(el, '[role=alert]'))).to.equal('Hãy chọn người thực hiện nhiệm vụ.');
      await choose(el, '#task-assignee', 'Lê Văn Cường');
      $<HTMLInputElement>(el, '#task-deadline')!.value = '';
      await submit(el, 'task');
      expect(textOf($(el, '[role=alert]'))).to.equal('Hãy ghi nội dung nhiệm vụ (tối đa 2000 ký tự) và chọn thời hạn hoàn thành.');
      expect(meeting.chair.getSnapshot().seq).to.equal(seq);
      expect($<HTMLTextAreaElement>(el, '#task-description')!.value, 'what was typed is kept').to.equal('Rà soát hồ sơ đảng viên');
      await expect(el).to.be.accessible();
    });

    it('the chair rates the meeting 85 with a remark', async () => {
      const meeting = await openedMeeting();
      const el = await render(meeting.chair);
      expect(field(el, 'rating')).to.equal('Chấm điểm buổi sinh hoạt: chưa chấm.');
      await openGroup(el, 'chair');
      expect(labelOf(el, 'rating-score')).to.equal('Điểm (số nguyên từ 0 đến 100)');
      expect(labelOf(el, 'rating-note')).to.equal('Nhận xét (không bắt buộc)');
      expect(has(el, '[data-field=rating-current]'), 'not rated yet').to.be.false;
      await typeInto(el, '#rating-score', '85');
      await typeInto(el, '#rating-note', 'Sinh hoạt đúng giờ, thảo luận sôi nổi');
      const changed = oneEvent(el, 'party-minutes-changed');
      await submit(el, 'rating');
      expect((await changed).detail.command).to.deep.equal({ type: 'rate-meeting', score: 85, note: 'Sinh hoạt đúng giờ, thảo luận sôi nổi' });
      await el.updateComplete;
      expect(field(el, 'rating')).to.equal('Chấm điểm buổi sinh hoạt: 85 điểm. Nhận xét: Sinh hoạt đúng giờ, thảo luận sôi nổi');
      expect(textOf($(el, '.notice'))).to.equal('Đã chấm 85 điểm.');
      expect(field(el, 'rating-current')).to.equal('Đã chấm 85 điểm; chấm lại sẽ thay điểm cũ.');
      expect($<HTMLInputElement>(el, '#rating-score')!.value).to.equal('');
    });

    it('a score out of range, or none, shows the refusal and keeps the rating', async () => {
      const meeting = await heldMeeting();
      const el = await render(meeting.chair);
      await openGroup(el, 'chair');
      const seq = meeting.chair.getSnapshot().seq;
      await typeInto(el, '#rating-score', '150');
      const rejected = oneEvent(el, 'party-command-rejected');
      await submit(el, 'rating');
      expect((await rejected).detail.code).to.equal('invalid-value');
      await el.updateComplete;
      expect(textOf($(el, '[role=alert]'))).to.equal('Điểm chấm phải là số nguyên từ 0 đến 100.');
      expect($<HTMLInputElement>(el, '#rating-score')!.value, 'kept to correct').to.equal('150');
      $<HTMLInputElement>(el, '#rating-score')!.value = '';
      await submit(el, 'rating');
      expect(textOf($(el, '[role=alert]'))).to.equal('Điểm chấm phải là số nguyên từ 0 đến 100.');
      expect(meeting.chair.getSnapshot().seq).to.equal(seq);
      expect(field(el, 'rating')).to.equal('Chấm điểm buổi sinh hoạt: 90 điểm. Nhận xét: Sinh hoạt đúng quy định');
      await expect(el).to.be.accessible();
    });

    it('fires a cancelable party-minutes-request; preventDefault records nothing', async () => {
      const meeting = await heldMeeting();
      const el = await render(meeting.chair);
      const requests: string[] = [];
      el.addEventListener('party-minutes-request', (event) => {
        expect(event.cancelable).to.be.true;
        requests.push(event.detail.command.type);
        event.preventDefault();
      });
      let changed = 0;
      el.addEventListener('party-minutes-changed', () => changed++);
      const seq = meeting.chair.getSnapshot().seq;
      await openGroup(el, 'chair');
      await typeInto(el, '#conclusion-text', 'Không gửi');
      await submit(el, 'conclusion');
      await typeInto(el, '#rating-score', '70');
      await submit(el, 'rating');
      expect(requests).to.deep.equal(['record-conclusion', 'rate-meeting']);
      expect(changed).to.equal(0);
      expect(meeting.chair.getSnapshot().seq).to.equal(seq);
      expect(field(el, 'conclusions')).not.to.contain('Không gửi');
    });
  });

  describe('who sees them, and when', () => {
    it('a member, the delegate and the minute-taker see none of these forms', async () => {
      const meeting = await heldMeeting();
      const opened = await openedMeeting();
      for (const store of [meeting.member, meeting.delegate, meeting.recorder, opened.member, opened.cuong, opened.delegate]) {
        const el = await render(store);
        expect(chairFormsOf(el)).to.deep.equal([]);
        expect($$(el, 'details')).to.have.length(0);
      }
      expect(has(await render(meeting.recorder), 'form[data-form=note]'), 'the minute-taker keeps the note form').to.be.true;
      await expect(await render(opened.member)).to.be.accessible();
    });

    it('before the meeting opens the chair has none of them (the core refuses them then)', async () => {
      const hub = new SharedMeeting(minutesDefinition);
      const el = await render(hub.storeFor('an', 'chair'));
      expect(chairFormsOf(el)).to.deep.equal([]);
      expect(field(el, 'recorder')).to.equal('Thư ký: chưa cử.');
    });

    it('after adoption the forms are gone; only the annex form is left', async () => {
      const meeting = await heldMeeting();
      const el = await render(meeting.chair);
      expect(chairFormsOf(el)).to.deep.equal(['recorder', 'conclusion', 'task', 'rating']);
      await adoptMinutes(meeting);
      await el.updateComplete;
      expect(field(el, 'state')).to.contain('Đã thông qua');
      expect(chairFormsOf(el)).to.deep.equal([]);
      expect($$(el, 'details')).to.have.length(0);
      expect($$(el, 'form').map((f) => f.dataset.form)).to.deep.equal(['annex']);
      const refused = await meeting.chair.send({ type: 'record-conclusion', text: 'Sau khi khóa' }).then(
        () => 'recorded',
        (error: { rejection: { code: string } }) => error.rejection.code,
      );
      expect(refused).to.equal('minutes-locked');
      await expect(el).to.be.accessible();
    });

    it('speaks English with lang="en"', async () => {
      const { chair } = await openedMeeting();
      const el = await render(chair, 'en');
      expect(textOf($(el, 'form[data-form=recorder] legend'))).to.equal('Elect the minute-taker');
      expect(textOf($(el, 'form[data-form=recorder] button'))).to.equal('Elect minute-taker');
      expect(textOf($(el, 'details[data-group=chair] > summary'))).to.equal('Conclusions, tasks, rating');
      expect($$(el, 'details[data-group=chair] button').map(textOf)).to.deep.equal(['Record conclusion', 'Assign task', 'Rate']);
      await expect(el).to.be.accessible();
    });
  });
});
