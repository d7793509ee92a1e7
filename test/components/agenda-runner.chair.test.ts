import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/agenda-runner/define.js';
import type { LocalMeetingStore } from '../../src/client/index.js';
import type { AgendaRunner } from '../../src/components/agenda-runner/agenda-runner.js';
import { openMeetingAsChair, shadowOf, textOf } from './meeting-fixture.js';
import { alertOf, buttonNamed, click, elapsedSeconds, FIRST, itemRow, q, SECOND, shownOrder } from './agenda-runner.fixture.js';

describe('<agenda-runner> run by the chair', () => {
  describe('the chair running the program', () => {
    let store: LocalMeetingStore;
    let el: AgendaRunner;

    beforeEach(async () => {
      store = await openMeetingAsChair();
      el = await fixture<AgendaRunner>(html`<agenda-runner .store=${store}></agenda-runner>`);
    });

    it('is accessible in an open meeting with nothing started', async function () {
      // The first test of the file also loads axe.
      this.timeout(10_000);
      await expect(el).to.be.accessible();
      expect(textOf(q(el, '.current-none'))).to.equal('Chưa có mục nào đang tiến hành.');
    });

    it('"Bắt đầu" starts an item: highlighted, fires the events, focus goes to "Kết thúc mục này"', async () => {
      const requested = oneEvent(el, 'party-agenda-request');
      const changed = oneEvent(el, 'party-agenda-changed');
      await click(el, buttonNamed(el, `Bắt đầu: ${SECOND}`));
      const request = await requested;
      expect(request.cancelable).to.be.true;
      expect(request.detail.command).to.deep.equal({ type: 'start-agenda-item', itemId: 'r02' });
      expect((await changed).detail).to.deep.equal({ command: { type: 'start-agenda-item', itemId: 'r02' }, seq: store.getSnapshot().seq });
      await el.updateComplete;
      expect(itemRow(el, 'r02').getAttribute('aria-current')).to.equal('step');
      expect(itemRow(el, 'r02').querySelectorAll('button')).to.have.length(0);
      expect(textOf(q(el, '.current .current-title'))).to.equal(`2. ${SECOND}`);
      expect(textOf(q(el, '.current [data-elapsed]'))).to.equal('0:00');
      const finish = buttonNamed(el, 'Kết thúc mục này');
      expect(shadowOf(el).activeElement).to.equal(finish);
      expect(store.getSnapshot().meeting!.agenda[1]!.status).to.equal('running');
    });

    it('ticks the elapsed time every second while an item runs', async () => {
      await click(el, buttonNamed(el, `Bắt đầu: ${FIRST}`));
      expect(textOf(q(el, '.current [data-elapsed]'))).to.equal('0:00');
      await aTimeout(1300);
      await el.updateComplete;
      expect(elapsedSeconds(el)).to.be.at.least(1);
      expect(textOf(itemRow(el, 'r01').querySelector('.elapsed'))).to.equal(textOf(q(el, '.current [data-elapsed]')));
    });

    it('stops ticking when removed from the page, and starts again when put back', async function () {
      this.timeout(5000);
      await click(el, buttonNamed(el, `Bắt đầu: ${FIRST}`));
      const parent = el.parentNode!;
      el.remove();
      const frozen = textOf(q(el, '.current [data-elapsed]'));
      await aTimeout(1200);
      await el.updateComplete;
      expect(textOf(q(el, '.current [data-elapsed]'))).to.equal(frozen);
      parent.appendChild(el);
      await aTimeout(1200);
      await el.updateComplete;
      expect(elapsedSeconds(el)).to.be.at.least(2);
    });

    it('"Bỏ qua" opens a labelled reason field; an empty reason shows the core\'s refusal', async () => {
      await click(el, buttonNamed(el, `Bỏ qua: ${SECOND}`));
      const input = q<HTMLInputElement>(el, '#skip-r02')!;
      expect(textOf(input.labels![0])).to.equal(`Lý do bỏ qua mục “${SECOND}”`);
      expect(shadowOf(el).activeElement).to.equal(input);
      expect(buttonNamed(el, `Bỏ qua: ${SECOND}`)!.getAttribute('aria-expanded')).to.equal('true');
      await expect(el).to.be.accessible();

      const rejected = oneEvent(el, 'party-command-rejected');
      await sendKeys({ press: 'Enter' });
      expect((await rejected).detail.code).to.equal('reason-required');
      await el.updateComplete;
      expect(alertOf(el, 'skip')).to.equal('Hãy ghi lý do (tối đa 200 ký tự).');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(itemRow(el, 'r02').dataset.status).to.equal('pending');
      await expect(el).to.be.accessible();
    });

    it('skips an item with a typed reason (Enter submits) and shows the reason', async () => {
      await click(el, buttonNamed(el, `Bỏ qua: ${SECOND}`));
      await sendKeys({ type: 'Đã cử thư ký từ kỳ trước' });
      const changed = oneEvent(el, 'party-agenda-changed');
      await sendKeys({ press: 'Enter' });
      expect((await changed).detail.command).to.deep.equal({ type: 'skip-agenda-item', itemId: 'r02', reason: 'Đã cử thư ký từ kỳ trước' });
      await el.updateComplete;
      await el.updateComplete;
      expect(itemRow(el, 'r02').dataset.status).to.equal('skipped');
      expect(textOf(itemRow(el, 'r02').querySelector('[data-skip-reason]'))).to.equal('Lý do bỏ qua: Đã cử thư ký từ kỳ trước');
      expect(q(el, '#skip-r02'), 'the form closes').to.be.null;
      expect(shadowOf(el).activeElement).to.equal(itemRow(el, 'r02'));
    });

    it('"Hủy" closes the reason field and returns the focus to "Bỏ qua"', async () => {
      await click(el, buttonNamed(el, `Bỏ qua: ${SECOND}`));
      await click(el, buttonNamed(el, 'Hủy'));
      expect(q(el, '#skip-r02')).to.be.null;
      expect(shadowOf(el).activeElement).to.equal(buttonNamed(el, `Bỏ qua: ${SECOND}`));
    });

    it('Escape closes the reason field too, recording nothing', async () => {
      await click(el, buttonNamed(el, `Bỏ qua: ${SECOND}`));
      await sendKeys({ type: 'chưa xong' });
      await sendKeys({ press: 'Escape' });
      await aTimeout(0);
      await el.updateComplete;
      expect(q(el, '#skip-r02')).to.be.null;
      expect(itemRow(el, 'r02').dataset.status).to.equal('pending');
      expect(shadowOf(el).activeElement).to.equal(buttonNamed(el, `Bỏ qua: ${SECOND}`));
    });

    it('moves a pending item down and up within its step, keeping the focus on it', async () => {
      expect(shownOrder(el).slice(0, 3)).to.deep.equal(['r01', 'r02', 'r03']);
      expect(buttonNamed(el, `Chuyển lên: ${FIRST}`)!.disabled, 'first of its step').to.be.true;
      const changed = oneEvent(el, 'party-agenda-changed');
      await click(el, buttonNamed(el, `Chuyển xuống: ${FIRST}`));
      expect((await changed).detail.command).to.deep.equal({ type: 'move-agenda-item', itemId: 'r01', toIndex: 1 });
      await el.updateComplete;
      expect(shownOrder(el).slice(0, 3)).to.deep.equal(['r02', 'r01', 'r03']);
      expect(textOf(itemRow(el, 'r01').querySelector('.num'))).to.equal('2.');
      expect(shadowOf(el).activeElement).to.equal(buttonNamed(el, `Chuyển xuống: ${FIRST}`));
      await click(el, buttonNamed(el, `Chuyển lên: ${FIRST}`));
      expect(shownOrder(el).slice(0, 3)).to.deep.equal(['r01', 'r02', 'r03']);
      // Now first again: "up" is disabled, so the focus goes to "down".
      expect(shadowOf(el).activeElement).to.equal(buttonNamed(el, `Chuyển xuống: ${FIRST}`));
    });

    it('adds an item after the one under way', async () => {
      await store.send({ type: 'start-agenda-item', itemId: 'r06' });
      await click(el, buttonNamed(el, 'Thêm mục vào chương trình'));
      expect(shadowOf(el).activeElement).to.equal(q(el, '#add-title'));
      expect(q<HTMLSelectElement>(el, '#add-step')!.value, 'the running item\'s step').to.equal('content');
      expect(textOf(q(el, '.add-form .hint'))).to.equal(
        'Mục mới được thêm ngay sau mục đang tiến hành: “Báo cáo tình hình tháng và phương hướng tháng tới”.',
      );
      await expect(el).to.be.accessible();
      await sendKeys({ type: 'Phổ biến Nghị quyết Đại hội' });
      const minutes = q<HTMLInputElement>(el, '#add-minutes')!;
      minutes.focus();
      minutes.select();
      await sendKeys({ type: '20' });
      const changed = oneEvent(el, 'party-agenda-changed');
      await click(el, buttonNamed(el, 'Thêm mục'));
      const { command } = (await changed).detail;
      expect(command.type).to.equal('add-agenda-item');
      const added = command.type === 'add-agenda-item' ? command : undefined;
      expect(added!.item.id).to.match(/^x-\d+$/);
      expect(added).to.deep.include({ afterId: 'r06' });
      expect(added!.item).to.deep.include({ title: 'Phổ biến Nghị quyết Đại hội', step: 'content', plannedMinutes: 20 });
      await el.updateComplete;
      expect(shownOrder(el).slice(5, 8)).to.deep.equal(['r06', added!.item.id, 'r07']);
      expect(textOf(itemRow(el, added!.item.id))).to.contain('7. Phổ biến Nghị quyết Đại hội').and.contain('dự kiến 20 phút');
      expect(q(el, '.add-form'), 'the form closes').to.be.null;
      expect(shadowOf(el).activeElement).to.equal(itemRow(el, added!.item.id));
    });

    it('with nothing under way, adds the item at the end of the chosen step', async () => {
      await click(el, buttonNamed(el, 'Thêm mục vào chương trình'));
      await sendKeys({ type: 'Báo cáo công tác kiểm tra' });
      q<HTMLSelectElement>(el, '#add-step')!.value = 'opening';
      await click(el, buttonNamed(el, 'Thêm mục'));
      expect(shownOrder(el)[5]).to.match(/^x-/);
      expect(textOf(shadowOf(el).querySelectorAll('ol')[0]!)).to.contain('6. Báo cáo công tác kiểm tra');
    });

    it('refuses an item without a title, with a message that says what to write', async () => {
      await click(el, buttonNamed(el, 'Thêm mục vào chương trình'));
      await click(el, buttonNamed(el, 'Thêm mục'));
      expect(alertOf(el, 'add')).to.equal('Hãy ghi tên mục (tối đa 200 ký tự) và số phút dự kiến là số nguyên từ 0 đến 600.');
      expect(q(el, '#add-title')!.getAttribute('aria-invalid')).to.equal('true');
      expect(shadowOf(el).querySelectorAll('li[data-item-id]')).to.have.length(17);
      await expect(el).to.be.accessible();
    });

    it('refuses planned minutes left empty', async () => {
      await click(el, buttonNamed(el, 'Thêm mục vào chương trình'));
      await sendKeys({ type: 'Một mục' });
      q<HTMLInputElement>(el, '#add-minutes')!.value = '';
      await click(el, buttonNamed(el, 'Thêm mục'));
      expect(alertOf(el, 'add')).to.equal('Hãy ghi tên mục (tối đa 200 ký tự) và số phút dự kiến là số nguyên từ 0 đến 600.');
      expect(shadowOf(el).querySelectorAll('li[data-item-id]')).to.have.length(17);
    });

    it('a host page that cancels party-agenda-request stops the command', async () => {
      const requests: Event[] = [];
      el.addEventListener('party-agenda-request', (event) => {
        requests.push(event);
        event.preventDefault();
      });
      const seq = store.getSnapshot().seq;
      await click(el, buttonNamed(el, `Bắt đầu: ${FIRST}`));
      expect(requests).to.have.length(1);
      expect(store.getSnapshot().seq).to.equal(seq);
      expect(itemRow(el, 'r01').dataset.status).to.equal('pending');
      expect(q(el, '[aria-current]')).to.be.null;
    });

    it('keeps the controls while the meeting is closing, and drops them once closed', async () => {
      await store.send({ type: 'start-agenda-item', itemId: 'r16' });
      await store.send({ type: 'begin-closing' });
      await el.updateComplete;
      expect(buttonNamed(el, 'Kết thúc mục này')).to.exist;
      await store.send({ type: 'close-meeting' });
      await el.updateComplete;
      expect(shadowOf(el).querySelectorAll('button')).to.have.length(0);
      expect(itemRow(el, 'r16').dataset.status, 'closing ends the item under way').to.equal('done');
      expect(q(el, '[data-duration]')!.dataset.duration).to.equal('short');
      expect(textOf(q(el, '[data-duration-minutes]'))).to.equal('0/90 phút');
    });
  });
});
