import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/lobby-gate/define.js';
import type { LobbyGate } from '../../src/components/lobby-gate/lobby-gate.js';
import { LocalMeetingStore } from '../../src/client/index.js';
import { meetingDefinition, shadowOf, textOf } from './meeting-fixture.js';
import { $, $$, click, focused, lobby, lobbyDefinition, names, render, renderBoth, row, rowButton, seconds, settle, status } from './lobby-gate.fixture.js';

const WAITING_VI = 'Đồng chí đang ở phòng chờ. Đồng chí chủ trì sẽ cho vào họp trong ít phút.';
const ADMITTED_VI = 'Đồng chí đã được vào cuộc họp.';
const CONTACT_VI = 'Liên hệ đồng chí bí thư chi bộ';

describe('<lobby-gate>', () => {
  it('is accessible to a member waiting, who sees the meeting, the message and how long they have waited', async () => {
    const { binh } = lobby();
    const el = await render(binh);
    await expect(el).to.be.accessible();
    expect(el.hidden).to.be.false;
    expect(textOf($(el, 'h2'))).to.equal(meetingDefinition.title);
    expect(textOf($(el, '[data-cell]'))).to.equal('Chi bộ Kỹ thuật · Đảng bộ VNPT Yên Bái');
    expect(textOf($(el, '[data-waiting-message]'))).to.equal(WAITING_VI);
    expect(textOf($(el, '[data-waited]'))).to.match(/^0:0\d$/);
    expect($(el, '[data-waited]')!.getAttribute('role')).to.equal('timer');
    expect(status(el), 'nothing announced before anything changed').to.equal('');
    expect($(el, '[role=status]')!.getAttribute('aria-live')).to.equal('polite');
    expect($$(el, 'button'), 'nothing to press while waiting').to.have.length(0);
  });

  it('renders nothing, hidden, while it has no store', async () => {
    const el = await fixture<LobbyGate>(html`<lobby-gate></lobby-gate>`);
    expect(el.hidden).to.be.true;
    expect(textOf(shadowOf(el))).to.equal('');
  });

  it('counts the waiting time up, second by second', async () => {
    const { binh } = lobby();
    const el = await render(binh);
    const before = seconds(textOf($(el, '[data-waited]')));
    await aTimeout(1100);
    await el.updateComplete;
    expect(seconds(textOf($(el, '[data-waited]')))).to.be.greaterThan(before);
  });

  it('speaks English when asked', async () => {
    const { binh } = lobby();
    const el = await render(binh, 'en');
    expect(textOf($(el, '[data-waiting-message]'))).to.equal('You are in the waiting room. The chair will let you into the meeting in a few minutes.');
  });

  it('renders an empty, hidden host for a member already let in, with nothing announced', async () => {
    const chair = new LocalMeetingStore(lobbyDefinition, { participantId: 'an', role: 'chair' });
    const binh = chair.as({ participantId: 'binh', role: 'member' });
    await chair.send({ type: 'admit', participantId: 'binh' });
    const el = await render(binh);
    expect(el.hidden).to.be.true;
    expect(shadowOf(el).children).to.have.length(0);
  });

  describe('the chair', () => {
    it('is accessible, and lists everyone waiting, longest first, with role, waiting time and both buttons', async () => {
      const { chair } = lobby();
      const el = await render(chair);
      await expect(el).to.be.accessible();
      expect(textOf($(el, 'h2'))).to.equal('Phòng chờ');
      expect(textOf($(el, '#waiting-title'))).to.equal('Đang chờ vào họp (3)');
      expect(names(el, 'waiting'), 'the chair is always in, so never waits').to.deep.equal(['Trần Thị Bình', 'Phạm Thị Dung', 'Hoàng Văn Em']);
      expect(textOf(row(el, 'waiting', 'binh')?.querySelector('[data-kind]'))).to.equal('Đảng viên');
      expect(textOf(row(el, 'waiting', 'em')?.querySelector('[data-kind]'))).to.equal('Đại biểu cấp trên');
      expect(textOf(row(el, 'waiting', 'binh')?.querySelector('[data-wait]'))).to.match(/^Đã chờ 0:0\d$/);
      expect(textOf(rowButton(el, 'binh', 'admit'))).to.equal('Cho vào: Trần Thị Bình');
      expect(textOf(rowButton(el, 'binh', 'refuse'))).to.equal('Từ chối: Trần Thị Bình');
      expect(row(el, 'waiting', 'binh')!.querySelector('[role=group]')!.getAttribute('aria-label')).to.equal('Xét cho Trần Thị Bình vào họp');
      expect(textOf($(el, '[part=admit-all]'))).to.equal('Cho tất cả vào (3)');
      expect(textOf($(el, '#admitted-title'))).to.equal('Đã vào họp (0)');
      expect(textOf($(el, '[data-admitted-empty]'))).to.equal('Chưa cho ai vào.');
    });

    it('shows a guest as a guest, and announces newcomers in the live region', async () => {
      const { chair } = lobby();
      const el = await render(chair);
      chair.as({ participantId: 'gia', role: 'guest' });
      await settle(el);
      expect(names(el, 'waiting')).to.deep.equal(['Trần Thị Bình', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Đỗ Văn Gia']);
      expect(textOf(row(el, 'waiting', 'gia')?.querySelector('[data-kind]'))).to.equal('Khách mời');
      expect(status(el)).to.equal('Đỗ Văn Gia đang chờ vào họp.');
    });

    it('admits a member: the member hears and sees it, the chair sees them in, and the focus moves to the next person', async () => {
      const { chair, binh } = lobby();
      const { page, chairGate, gate } = await renderBoth(chair, binh);
      expect($(gate, '[data-view=waiting]')).to.exist;
      const requested = oneEvent(chairGate, 'party-lobby-request');
      const changed = oneEvent(chairGate, 'party-lobby-changed');
      await click(rowButton(chairGate, 'binh', 'admit'), chairGate, gate);
      expect((await requested).detail.command).to.deep.equal({ type: 'admit', participantId: 'binh' });
      const done = await changed;
      expect(done.detail.command.participantId).to.equal('binh');
      expect(done.detail.seq).to.be.a('number');

      // The member's screen: the waiting card is gone, the live region says so, shown as a banner.
      expect($(gate, '[data-view=waiting]')).to.be.null;
      expect(status(gate)).to.equal(ADMITTED_VI);
      expect($(gate, '[role=status]')!.classList.contains('banner')).to.be.true;
      expect(gate.hidden).to.be.false;
      expect(binh.getSnapshot().meeting!.admitted.binh).to.be.a('string');

      // The chair's screen.
      expect(names(chairGate, 'waiting')).to.deep.equal(['Phạm Thị Dung', 'Hoàng Văn Em']);
      expect(names(chairGate, 'admitted')).to.deep.equal(['Trần Thị Bình']);
      expect(textOf(row(chairGate, 'admitted', 'binh'))).to.match(/vào lúc \d\d:\d\d/);
      expect(textOf($(chairGate, '#admitted-title'))).to.equal('Đã vào họp (1)');
      expect(status(chairGate)).to.equal('Đã cho Trần Thị Bình vào họp.');
      expect(focused(chairGate)).to.equal(rowButton(chairGate, 'dung', 'admit'));
      await expect(page).to.be.accessible();
    });

    it('hides the member’s gate once the notice has been shown', async () => {
      const { chair, binh } = lobby();
      const { chairGate, gate } = await renderBoth(chair, binh);
      gate.noticeSeconds = 0.05;
      await click(rowButton(chairGate, 'binh', 'admit'), chairGate, gate);
      expect(status(gate)).to.equal(ADMITTED_VI);
      await aTimeout(150);
      await gate.updateComplete;
      expect(gate.hidden).to.be.true;
      expect($(gate, '[role=status]')).to.be.null;
    });

    it('turns a member away with a reason: the member sees the reason and whom to contact', async () => {
      const { chair, dung } = lobby();
      const { page, chairGate, gate } = await renderBoth(chair, dung);
      await click(rowButton(chairGate, 'dung', 'refuse'), chairGate);
      expect(rowButton(chairGate, 'dung', 'refuse')!.getAttribute('aria-expanded')).to.equal('true');
      const input = $(chairGate, '.refuse-form input') as HTMLInputElement;
      expect(focused(chairGate)).to.equal(input);
      expect(textOf(input.closest('label'))).to.contain('Lý do từ chối Phạm Thị Dung').and.contain('(không bắt buộc)');
      await expect(chairGate).to.be.accessible();

      await sendKeys({ type: 'Chưa có tên trong danh sách mời' });
      const requested = oneEvent(chairGate, 'party-lobby-request');
      await click($(chairGate, 'button[data-action=confirm-refuse]'), chairGate, gate);
      expect((await requested).detail.command).to.deep.equal({ type: 'refuse-entry', participantId: 'dung', reason: 'Chưa có tên trong danh sách mời' });

      // The member's screen.
      expect($(gate, '[data-view=waiting]')).to.be.null;
      expect($(gate, '[data-view=refused]')).to.exist;
      expect(textOf($(gate, '[data-refused-reason]'))).to.equal('Lý do: Chưa có tên trong danh sách mời');
      expect(textOf($(gate, '[data-next]'))).to.contain(CONTACT_VI);
      expect(status(gate)).to.equal('Đồng chí chủ trì chưa cho đồng chí vào cuộc họp này.');

      // The chair's screen.
      expect(names(chairGate, 'waiting')).to.deep.equal(['Trần Thị Bình', 'Hoàng Văn Em']);
      expect(names(chairGate, 'refused')).to.deep.equal(['Phạm Thị Dung']);
      expect(textOf(row(chairGate, 'refused', 'dung')?.querySelector('[data-reason]'))).to.equal('Lý do: Chưa có tên trong danh sách mời');
      expect(status(chairGate)).to.equal('Đã từ chối Phạm Thị Dung.');
      await expect(page).to.be.accessible();
    });

    it('turns someone away without a reason, and the core then refuses their commands', async () => {
      const { chair, em } = lobby();
      const { chairGate, gate } = await renderBoth(chair, em);
      await click(rowButton(chairGate, 'em', 'refuse'), chairGate);
      await click($(chairGate, 'button[data-action=confirm-refuse]'), chairGate, gate);
      expect(textOf($(gate, '[data-refused-reason]'))).to.equal('Đồng chí chủ trì không ghi lý do.');
      expect(row(chairGate, 'refused', 'em')?.querySelector('[data-reason]')).to.be.null;
      let code = '';
      await em.send({ type: 'raise-hand' }).catch((error: { rejection: { code: string } }) => (code = error.rejection.code));
      expect(code).to.equal('not-admitted');
    });

    it('Escape closes the reason form unsent and gives the focus back to "Từ chối"', async () => {
      const { chair } = lobby();
      const el = await render(chair);
      await click(rowButton(el, 'binh', 'refuse'), el);
      expect($(el, '.refuse-form')).to.exist;
      await sendKeys({ press: 'Escape' });
      await settle(el);
      expect($(el, '.refuse-form')).to.be.null;
      expect(focused(el)).to.equal(rowButton(el, 'binh', 'refuse'));
      expect(names(el, 'waiting')).to.have.length(3);
      expect(chair.getSnapshot().meeting!.refused).to.deep.equal({});
    });

    it('lets a person turned away in after all: they hear that they are in', async () => {
      const { chair, dung } = lobby();
      const { chairGate, gate } = await renderBoth(chair, dung);
      await click(rowButton(chairGate, 'dung', 'refuse'), chairGate);
      await click($(chairGate, 'button[data-action=confirm-refuse]'), chairGate, gate);
      await click(row(chairGate, 'refused', 'dung')!.querySelector('button[data-action=readmit]'), chairGate, gate);
      expect(names(chairGate, 'admitted')).to.deep.equal(['Phạm Thị Dung']);
      expect($(chairGate, '[part=refused]')).to.be.null;
      expect(focused(chairGate)).to.equal($(chairGate, '#admitted-title'));
      expect($(gate, '[data-view=refused]')).to.be.null;
      expect(status(gate)).to.equal(ADMITTED_VI);
    });

    it('"Cho tất cả vào" admits everyone waiting, one command each', async () => {
      const { chair, binh } = lobby();
      const { page, chairGate, gate } = await renderBoth(chair, binh);
      const commands: string[] = [];
      chairGate.addEventListener('party-lobby-changed', (e) => commands.push(e.detail.command.participantId));
      await click($(chairGate, '[part=admit-all]'), chairGate, gate);
      expect(commands).to.deep.equal(['binh', 'dung', 'em']);
      expect(names(chairGate, 'admitted')).to.deep.equal(['Trần Thị Bình', 'Phạm Thị Dung', 'Hoàng Văn Em']);
      expect($(chairGate, '[part=waiting]')).to.be.null;
      expect(textOf($(chairGate, '[data-waiting-empty]'))).to.equal('Chưa có ai đang chờ.');
      expect($(chairGate, '[part=admit-all]')).to.be.null;
      expect(status(chairGate)).to.equal('Đã cho 3 người vào họp.');
      expect(focused(chairGate)).to.equal($(chairGate, '#admitted-title'));
      expect(status(gate)).to.equal(ADMITTED_VI);
      await expect(page).to.be.accessible();
    });

    it('offers "Cho tất cả vào" only when more than one person waits', async () => {
      const { chair } = lobby();
      const el = await render(chair);
      await click(rowButton(el, 'binh', 'admit'), el);
      expect($(el, '[part=admit-all]')).to.exist;
      await click(rowButton(el, 'dung', 'admit'), el);
      expect(names(el, 'waiting')).to.deep.equal(['Hoàng Văn Em']);
      expect($(el, '[part=admit-all]')).to.be.null;
    });

    it('a host page that cancels party-lobby-request stops the admission', async () => {
      const { chair } = lobby();
      const el = await render(chair);
      el.addEventListener('party-lobby-request', (e) => e.preventDefault());
      await click(rowButton(el, 'binh', 'admit'), el);
      expect(names(el, 'waiting')).to.include('Trần Thị Bình');
      expect(chair.getSnapshot().meeting!.admitted).to.deep.equal({});
    });

    it('hides once the meeting is closed, while a member still waiting is told it is closed', async () => {
      const { chair, binh } = lobby();
      const { chairGate, gate } = await renderBoth(chair, binh);
      await chair.send({ type: 'open-meeting' });
      await chair.send({ type: 'close-meeting' });
      await settle(chairGate, gate);
      expect(chairGate.hidden).to.be.true;
      expect(textOf($(gate, '[data-closed]'))).to.equal('Cuộc họp đã bế mạc.');
      expect($(gate, '[data-waited]')).to.be.null;
    });
  });

  describe('with the waiting room off', () => {
    const open = { ...lobbyDefinition, policy: { lobbyAdmission: false } };

    it('shows the chair one short note and nothing else', async () => {
      const { chair } = lobby(open);
      const el = await render(chair);
      await expect(el).to.be.accessible();
      expect(el.hidden).to.be.false;
      expect(textOf(shadowOf(el))).to.equal('Cuộc họp này không dùng phòng chờ: ai có đường link mời đều vào họp ngay.');
      expect($$(el, 'button')).to.have.length(0);
    });

    it('renders an empty, hidden host for a member', async () => {
      const { binh } = lobby(open);
      const el = await render(binh);
      await expect(el).to.be.accessible();
      expect(el.hidden).to.be.true;
      expect(shadowOf(el).children).to.have.length(0);
      expect(textOf(shadowOf(el))).to.equal('');
    });
  });
});
