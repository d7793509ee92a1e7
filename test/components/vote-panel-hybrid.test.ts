import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/vote-panel/define.js';
import type { VotePanel } from '../../src/components/vote-panel/vote-panel.js';
import { shadowOf } from './meeting-fixture.js';
import { ballotButtons, click, closeVote, find, hybridMeeting, memberOf, openMotion, panelOn, textAt } from './vote-panel.fixture.js';

const alertOf = (el: VotePanel) => textAt(el, '[role=alert]');

describe('<vote-panel> in a hybrid meeting', () => {
  it('is accessible for the commune hall\'s operator during an open vote', async () => {
    const { chair, operator } = await hybridMeeting();
    await openMotion(chair);
    await expect(await panelOn(operator)).to.be.accessible();
  });

  describe('a hybrid meeting: the commune hall\'s operator', () => {
    it('records each in-person member\'s hand by name; the chair sees where the rest vote', async () => {
      const { chair, operator } = await hybridMeeting();
      await openMotion(chair);
      const el = await panelOn(operator);
      const chairPanel = await panelOn(chair);
      await expect(el).to.be.accessible();
      expect(textAt(el, '.room h4')).to.equal('Ghi nhận giơ tay tại Hội trường xã');
      const rows = [...shadowOf(el).querySelectorAll<HTMLElement>('.room li')].map((li) => li.dataset.memberId);
      expect(rows, 'the probationary member in the hall has no row').to.deep.equal(['cuong', 'dung']);
      expect(find(el, '.room li[data-member-id=cuong] [role=group]').getAttribute('aria-label')).to.equal('Biểu quyết của Lê Văn Cường');
      expect(shadowOf(el).querySelector('.ballot'), 'a technician operating the hall gets no ballot of their own').to.be.null;
      expect(ballotButtons(el)).to.have.length(0);
      expect(textAt(chairPanel, '[data-not-voted] li[data-member-id=cuong]')).to.equal('Lê Văn Cường (tại Hội trường xã)');
      const cuong = await panelOn(memberOf(chair, 'cuong'));
      expect(ballotButtons(cuong)).to.have.length(0);
      expect(find(cuong, '.ballot').dataset.reason).to.equal('vote-at-bridge-point');
      expect(textAt(cuong, '.ballot')).to.contain('Bạn có mặt tại Hội trường xã: bạn giơ tay biểu quyết tại đó, người điều hành điểm cầu ghi nhận.');

      await click(el, '.room li[data-member-id=cuong] button[data-choice=agree]');
      await click(el, '.room li[data-member-id=dung] button[data-choice=disagree]');
      expect(textAt(el, '.room li[data-member-id=cuong] [data-recorded]')).to.equal('Đã ghi: Tán thành');
      expect(shadowOf(el).querySelectorAll('.room li[data-member-id=cuong] button'), 'recorded once: no change allowed').to.have.length(0);
      await chairPanel.updateComplete;
      expect(shadowOf(chairPanel).querySelector('[data-not-voted] li[data-member-id=cuong]')).to.be.null;

      await cuong.updateComplete;
      expect(textAt(cuong, '.ballot'), 'once the operator recorded the hand').to.equal('Bạn đã biểu quyết.');

      await chair.send({ type: 'cast-ballot', motionId: 'm1', choice: 'agree' });
      await closeVote(chairPanel);
      expect(textAt(chairPanel, '[data-source=online]')).to.equal('Trực tuyến: 1 tán thành, 0 không tán thành, 0 ý kiến khác');
      expect(textAt(chairPanel, '[data-source=xa]')).to.equal('Hội trường xã: 1 tán thành, 1 không tán thành, 0 ý kiến khác');
      expect(textAt(chairPanel, '[data-named=agree] dd')).to.equal('Lê Văn Cường, Nguyễn Văn An');
    });

    it('enters the hall\'s paper count in a secret ballot, which the chair approves before closing', async () => {
      const { chair, operator } = await hybridMeeting();
      await openMotion(chair, { ballot: 'secret' });
      const el = await panelOn(operator);
      const chairPanel = await panelOn(chair);
      expect(textAt(el, '.room h4')).to.equal('Kết quả kiểm phiếu tại Hội trường xã');
      expect(textAt(el, '.room p')).to.equal('Đảng viên có quyền biểu quyết có mặt: 2');
      await expect(el).to.be.accessible();

      /** Types the three totals as the counting team reads them out. */
      async function typeTotals(agree: string, disagree: string, other: string): Promise<void> {
        for (const [choice, value] of [['agree', agree], ['disagree', disagree], ['other', other]]) {
          const input = find<HTMLInputElement>(el, `#paper-xa-${choice}`);
          input.value = '';
          input.focus();
          await sendKeys({ type: value! });
        }
      }
      // A blank total is not a number.
      await typeTotals('1', '', '0');
      await click(el, 'button[data-action=record-paper-tally]');
      expect(alertOf(el)).to.equal('Hãy nhập số phiếu bằng số nguyên, từ 0 trở lên.');
      // Too many ballots: the core refuses.
      await typeTotals('3', '0', '0');
      await click(el, 'button[data-action=record-paper-tally]');
      expect(alertOf(el)).to.equal('Số phiếu vượt quá số đảng viên có quyền biểu quyết có mặt tại điểm cầu.');
      expect(chair.getSnapshot().meeting!.motions[0]!.paper.xa).to.be.undefined;

      await typeTotals('1', '1', '0');
      await click(el, 'button[data-action=record-paper-tally]');
      expect(alertOf(el)).to.equal('');
      expect(textAt(el, '[data-paper-state]')).to.equal('Đã gửi: 1 tán thành, 1 không tán thành, 0 ý kiến khác. Chờ chủ trì xác nhận.');

      await chairPanel.updateComplete;
      expect(textAt(chairPanel, '[data-approval=xa]')).to.contain('Hội trường xã: 1 tán thành, 1 không tán thành, 0 ý kiến khác');
      expect(shadowOf(chairPanel).querySelector('button[data-action=close-vote]'), 'no closing before the sign-off').to.be.null;
      expect(textAt(chairPanel, '[data-close-blocked]')).to.equal('Chủ trì cần xác nhận kết quả kiểm phiếu của các điểm cầu trước.');
      const approve = find<HTMLButtonElement>(chairPanel, '[data-approval=xa] button[data-action=approve-paper-tally]');
      expect(approve.getAttribute('aria-label')).to.equal('Xác nhận kết quả kiểm phiếu tại Hội trường xã');
      await expect(chairPanel).to.be.accessible();
      await click(chairPanel, '[data-approval=xa] button[data-action=approve-paper-tally]');
      expect(textAt(chairPanel, '[data-approval=xa] [data-approved]')).to.equal('✓ Đã xác nhận');
      await el.updateComplete;
      expect(textAt(el, '[data-paper-state]')).to.equal('Chủ trì đã xác nhận: 1 tán thành, 1 không tán thành, 0 ý kiến khác.');
      expect(shadowOf(el).querySelector('form.paper'), 'approved totals cannot be re-entered').to.be.null;

      await chair.send({ type: 'cast-ballot', motionId: 'm1', choice: 'agree' });
      await closeVote(chairPanel);
      expect(textAt(chairPanel, '[data-count=agree]')).to.equal('2');
      // Per source, a secret ballot shows only how many ballots: a room's split could tell who chose what.
      expect(textAt(chairPanel, '[data-source=xa]')).to.equal('Hội trường xã: 2 phiếu');
      expect(textAt(chairPanel, '[data-source=online]')).to.equal('Trực tuyến: 1 phiếu');
    });
  });
});
