import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/vote-panel/define.js';
import type { LocalMeetingStore } from '../../src/client/index.js';
import type { VotePanel } from '../../src/components/vote-panel/vote-panel.js';
import type { Choice, Threshold } from '../../src/core/index.js';
import { shadowOf, textOf } from './meeting-fixture.js';
import {
  ballotButtons,
  castAll,
  click,
  find,
  closeVote,
  memberOf,
  nameOf,
  openMotion,
  panelOn,
  textAt,
  workedMeeting,
} from './vote-panel.fixture.js';

const DENOMINATOR_VI = '12 đảng viên chính thức được triệu tập, trừ 1 sinh hoạt tạm thời nơi khác, 1 miễn sinh hoạt vắng mặt, 1 vắng có lý do → 9';
const PROBATIONARY_VI = 'Bạn là đảng viên dự bị. Đảng viên dự bị có mọi quyền như đảng viên chính thức, trừ quyền biểu quyết, ứng cử và bầu cử (Điều lệ Đảng, Điều 3). Bạn vẫn được phát biểu ý kiến.';

const announcementOf = (el: VotePanel) => textAt(el, '[role=status][data-announcement]');
const alertOf = (el: VotePanel) => textAt(el, '[role=alert]');

/** Everything in the panel's shadow root, markup and attributes included. */
const markupOf = (el: VotePanel) => shadowOf(el).innerHTML;

/** The nine present full members of the worked example: the first `agree` agree, the rest disagree. */
function ballotsOf(agree: number): Record<string, Choice> {
  return Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`f${i + 1}`, i < agree ? 'agree' : 'disagree']));
}

describe('<vote-panel>', () => {
  it('is accessible for the chair with the motion form', async () => {
    const el = await panelOn(await workedMeeting());
    await expect(el).to.be.accessible();
    expect(textAt(el, 'h2')).to.equal('Biểu quyết');
    expect(textAt(el, '[data-none]')).to.equal('Chưa có nội dung biểu quyết.');
  });

  it('says it is loading while it has no store', async () => {
    const el = await fixture<VotePanel>(html`<vote-panel></vote-panel>`);
    expect(textOf(shadowOf(el))).to.equal('Đang tải cuộc họp…');
  });

  describe('the chair drafts, starts and closes a vote', () => {
    let chair: LocalMeetingStore;
    let el: VotePanel;

    beforeEach(async () => {
      chair = await workedMeeting();
      el = await panelOn(chair);
    });

    it('creates a motion from the form: typed title, secret ballot, two thirds, the kind of content', async () => {
      find<HTMLTextAreaElement>(el, '#motion-title').focus();
      await sendKeys({ type: 'Đề nghị khen thưởng đồng chí Bình' });
      const select = find<HTMLSelectElement>(el, '#motion-tag');
      select.value = 'other';
      select.dispatchEvent(new Event('change'));
      expect(shadowOf(el).querySelector('input[name=allowChange]'), 'an open vote may allow changes').to.exist;
      find<HTMLInputElement>(el, 'input[name=ballot][value=secret]').click();
      await el.updateComplete;
      expect(shadowOf(el).querySelector('input[name=allowChange]'), 'a secret ballot may not').to.be.null;
      find<HTMLInputElement>(el, 'input[name=threshold][value=two-thirds]').click();

      const request = oneEvent(el, 'party-vote-request');
      await click(el, 'button[data-action=create-motion]');
      const { command } = (await request).detail;
      expect(command.type).to.equal('create-motion');

      const motion = chair.getSnapshot().meeting!.motions[0]!;
      expect(motion).to.include({ title: 'Đề nghị khen thưởng đồng chí Bình', ballot: 'secret', threshold: 'two-thirds', allowChange: false, status: 'draft' });
      expect(motion.tags).to.deep.equal(['other']);
      const draft = find(el, `.drafts li[data-motion-id="${motion.id}"]`);
      expect(textOf(draft)).to.contain('Đề nghị khen thưởng đồng chí Bình').and.contain('Bỏ phiếu kín').and.contain('Cần ít nhất hai phần ba tán thành');
      expect(shadowOf(el).activeElement, 'focus moves to the new motion\'s start button').to.equal(draft.querySelector('button[data-action=open-vote]'));
      expect(find<HTMLTextAreaElement>(el, '#motion-title').value, 'the form is cleared').to.equal('');
      await expect(el).to.be.accessible();
    });

    it('shows the core\'s refusal: admission may not be decided in a fully online meeting', async () => {
      find<HTMLTextAreaElement>(el, '#motion-title').focus();
      await sendKeys({ type: 'Kết nạp quần chúng Trần Văn Tú' });
      const select = find<HTMLSelectElement>(el, '#motion-tag');
      select.value = 'admission';
      select.dispatchEvent(new Event('change'));
      const rejected = oneEvent(el, 'party-command-rejected');
      await click(el, 'button[data-action=create-motion]');
      expect((await rejected).detail.code).to.equal('content-not-allowed-online');
      await el.updateComplete;
      expect(alertOf(el)).to.equal('Nội dung này không được biểu quyết trong cuộc họp trực tuyến hoàn toàn (Hướng dẫn 03-HD/TW).');
      expect(chair.getSnapshot().meeting!.motions).to.have.length(0);
    });

    it('starts the vote: announced to the chair and to a member, whose panel shows the three buttons', async () => {
      await chair.send({ type: 'create-motion', motion: { id: 'm1', title: 'Thông qua Nghị quyết tháng 11', ballot: 'open', threshold: 'majority', tags: ['resolution'] } });
      const member = await panelOn(memberOf(chair, 'f2'));
      await el.updateComplete;
      expect(announcementOf(member)).to.equal('');
      expect(ballotButtons(member), 'no vote open yet').to.have.length(0);

      await click(el, 'button[data-action=open-vote]');
      await member.updateComplete;
      expect(chair.getSnapshot().meeting!.motions[0]!.status).to.equal('voting');
      expect(announcementOf(el)).to.equal('Bắt đầu biểu quyết: Thông qua Nghị quyết tháng 11');
      expect(announcementOf(member)).to.equal('Bắt đầu biểu quyết: Thông qua Nghị quyết tháng 11');
      expect(shadowOf(el).activeElement, 'focus on the motion being voted').to.equal(find(el, '#motion-m1'));
      expect(ballotButtons(member).map((b) => textOf(b))).to.deep.equal(['Tán thành', 'Không tán thành', 'Ý kiến khác']);
      expect(textAt(member, '[data-progress]')).to.equal('Đã biểu quyết: 0/9 đảng viên có quyền biểu quyết đang dự họp');
      await expect(member).to.be.accessible();
    });

    it('lists who has not voted yet in an open vote, for the chair only', async () => {
      const motionId = await openMotion(chair);
      await castAll(chair, motionId, { f2: 'agree', f3: 'disagree', f4: 'agree', f5: 'other' });
      const member = await panelOn(memberOf(chair, 'f3'));
      await el.updateComplete;
      expect(textAt(el, '[data-progress]')).to.equal('Đã biểu quyết: 4/9 đảng viên có quyền biểu quyết đang dự họp');
      expect(textAt(el, 'h4[id^=not-voted]')).to.equal('Chưa biểu quyết (5)');
      const listed = [...shadowOf(el).querySelectorAll<HTMLElement>('[data-not-voted] li')].map((li) => li.dataset.memberId);
      expect(listed).to.deep.equal(['f1', 'f6', 'f7', 'f8', 'f9']);
      expect(textAt(el, '[data-not-voted]')).to.contain(nameOf('f6')).and.not.contain(nameOf('f2'));
      // Probationary members, the absent and the attached elsewhere are not voters, so not "not voted yet".
      for (const id of ['p1', 'p2', 'f10', 'f11', 'f12']) expect(listed).not.to.include(id);
      expect(shadowOf(member).querySelector('[data-not-voted]'), 'a member sees only the count').to.be.null;
      expect(textAt(member, '[data-progress]')).to.equal('Đã biểu quyết: 4/9 đảng viên có quyền biểu quyết đang dự họp');

      await castAll(chair, motionId, { f6: 'agree' });
      await el.updateComplete;
      expect(textAt(el, 'h4[id^=not-voted]')).to.equal('Chưa biểu quyết (4)');
      expect(shadowOf(el).querySelector('[data-not-voted] li[data-member-id=f6]')).to.be.null;
      await expect(el).to.be.accessible();
    });

    it('labels a motion whose id has spaces and symbols (the protocol allows them)', async () => {
      await openMotion(chair, { id: 'nghị quyết #1' });
      await el.updateComplete;
      const article = find(el, 'article[data-status=voting]');
      const idref = article.getAttribute('aria-labelledby')!;
      expect(idref, 'one id, not a list').not.to.match(/\s/);
      const label = shadowOf(el).getElementById(idref);
      expect(textOf(label)).to.equal('Thông qua Nghị quyết chi bộ tháng 11');
      await expect(el).to.be.accessible();
    });

    it('asks before closing, and the chair can go back', async () => {
      await openMotion(chair);
      await click(el, 'button[data-action=close-vote]');
      expect(textAt(el, '#confirm-close')).to.equal('Kết thúc biểu quyết? Sau khi kết thúc, không ai biểu quyết được nữa. Còn 9 đồng chí chưa biểu quyết.');
      expect(shadowOf(el).activeElement).to.equal(find(el, 'button[data-action=cancel-close]'));
      await click(el, 'button[data-action=cancel-close]');
      expect(chair.getSnapshot().meeting!.motions[0]!.status).to.equal('voting');
      expect(shadowOf(el).querySelector('#confirm-close')).to.be.null;
    });
  });

  describe('the worked example: 12 full members, denominator 9', () => {
    const table: Array<[threshold: Threshold, agree: number, passed: boolean, rule: string, percent: string]> = [
      ['majority', 5, true, 'Đạt: 5/9 tán thành, quá nửa của 9 (cần ít nhất 5).', '55,6 %'],
      ['two-thirds', 5, false, 'Không đạt: 5/9 tán thành; cần ít nhất 6 (hai phần ba của 9).', '55,6 %'],
      ['two-thirds', 6, true, 'Đạt: 6/9 tán thành, ít nhất hai phần ba của 9 (cần ít nhất 6).', '66,7 %'],
    ];
    for (const [threshold, agree, passed, rule, percent] of table) {
      it(`${agree} agree ${passed ? 'passes' : 'does not pass'} "${threshold}", shown with the denominator and the rule`, async () => {
        const chair = await workedMeeting();
        const el = await panelOn(chair);
        await openMotion(chair, { threshold, ...(threshold === 'two-thirds' ? { title: 'Đề nghị khen thưởng' } : {}) });
        const ballots = ballotsOf(agree);
        // f2 votes in their own panel; the others through their stores.
        const f2 = await panelOn(memberOf(chair, 'f2'));
        await click(f2, `.ballot button[data-choice=${ballots.f2}]`);
        const { f2: _f2, ...others } = ballots;
        await castAll(chair, 'm1', others);
        await el.updateComplete;
        expect(shadowOf(el).querySelector('[data-all-voted]'), 'everyone present has voted').to.exist;

        const closed = oneEvent(el, 'party-vote-closed');
        await closeVote(el);
        expect((await closed).detail).to.deep.equal({ motionId: 'm1', passed });

        const result = find(el, 'article[data-motion-id=m1] .result');
        expect(result.dataset.passed).to.equal(String(passed));
        expect(textAt(el, '[data-verdict]')).to.equal(passed ? '✓ Đạt' : '✗ Không đạt');
        expect(textAt(el, '[data-rule]')).to.equal(rule);
        expect(textAt(el, '[data-denominator]')).to.equal(DENOMINATOR_VI);
        expect(textAt(el, '.denominator')).to.contain('Mẫu số (Quy định 294-QĐ/TW, điểm 9.3)');
        expect(textAt(el, '[data-count=agree]')).to.equal(String(agree));
        expect(textAt(el, '[data-count=disagree]')).to.equal(String(9 - agree));
        expect(textAt(el, '[data-count=other]')).to.equal('0');
        expect(textAt(el, '[data-count=cast]')).to.equal('9');
        expect(textAt(el, '[data-count=percent]')).to.equal(percent);
        // The bar: agree as a share of the denominator, the threshold marked where it is reached.
        const required = threshold === 'majority' ? 5 : 6;
        expect(textAt(el, '.bar .marker-label')).to.equal(`Vạch đen: cần ${required} phiếu tán thành`);
        expect(parseFloat(find(el, '.bar .marker').getAttribute('x1')!)).to.be.closeTo((required / 9) * 100, 0.01);
        expect(parseFloat(find(el, '.bar .seg.agree').getAttribute('width')!)).to.be.closeTo((agree / 9) * 100, 0.01);
        // Named choices of an open vote.
        expect(textAt(el, '[data-named=agree] dt')).to.equal(`Tán thành (${agree})`);
        expect(textAt(el, '[data-named=agree] dd')).to.contain(nameOf('f1')).and.contain(nameOf('f2'));
        expect(textAt(el, '[data-named=disagree] dd')).to.contain(nameOf('f9')).and.not.contain(nameOf('f1'));
        expect(announcementOf(el)).to.equal(`Kết thúc biểu quyết: ${chair.getSnapshot().meeting!.motions[0]!.title}. ${rule}`);
        expect(announcementOf(f2)).to.equal(announcementOf(el));
        expect(shadowOf(el).activeElement, 'focus on the result').to.equal(find(el, '#motion-m1'));
        await expect(el).to.be.accessible();
      });
    }

    it('renders the result in English with lang="en"', async () => {
      const chair = await workedMeeting();
      await openMotion(chair);
      await castAll(chair, 'm1', ballotsOf(5));
      await chair.send({ type: 'close-vote', motionId: 'm1' });
      const el = await panelOn(chair, 'en');
      expect(textAt(el, '[data-rule]')).to.equal('Passed: 5/9 in favour, more than half of 9 (at least 5 needed).');
      expect(textAt(el, '[data-denominator]')).to.equal(
        '12 full members called, minus 1 attached to another cell, 1 exempt and absent, 1 absent with an accepted reason → 9',
      );
      expect(textAt(el, '[data-count=percent]')).to.equal('55.6%');
      expect(announcementOf(el), 'a result found on arrival is not announced').to.equal('');
      await expect(el).to.be.accessible();
    });
  });

  describe('who may vote', () => {
    it('a probationary member sees no vote buttons, and why', async () => {
      const chair = await workedMeeting();
      await openMotion(chair);
      const el = await panelOn(memberOf(chair, 'p1'));
      await expect(el).to.be.accessible();
      expect(ballotButtons(el)).to.have.length(0);
      expect(shadowOf(el).querySelectorAll('button')).to.have.length(0);
      expect(find(el, '.ballot').dataset.reason).to.equal('not-eligible');
      expect(textAt(el, '.ballot')).to.equal(`Bạn không biểu quyết nội dung này ${PROBATIONARY_VI}`);
    });

    it('an upper-level delegate and a member marked absent see why they do not vote', async () => {
      const chair = await workedMeeting();
      await openMotion(chair);
      const delegate = await panelOn(chair.as({ participantId: 'dbcap', role: 'delegate' }));
      expect(ballotButtons(delegate)).to.have.length(0);
      expect(textAt(delegate, '.ballot')).to.contain('Đại biểu cấp trên theo dõi và phát biểu ý kiến, nhưng không biểu quyết.');
      const absent = await panelOn(memberOf(chair, 'f12'));
      expect(ballotButtons(absent)).to.have.length(0);
      expect(find(absent, '.ballot').dataset.reason).to.equal('not-present');
      expect(textAt(absent, '.ballot')).to.contain('Bạn chưa được điểm danh có mặt');
      const attached = await panelOn(memberOf(chair, 'f10'));
      expect(textAt(attached, '.ballot')).to.contain('Bạn đang sinh hoạt tạm thời ở chi bộ khác và biểu quyết tại chi bộ đó.');
    });

    it('a full member votes once: "Bạn đã biểu quyết", the buttons go, party-vote-cast has no choice', async () => {
      const chair = await workedMeeting();
      await openMotion(chair);
      const store = memberOf(chair, 'f2');
      const el = await panelOn(store);
      const cast = oneEvent(el, 'party-vote-cast');
      await click(el, '.ballot button[data-choice=agree]');
      const { detail } = await cast;
      expect(Object.keys(detail).sort()).to.deep.equal(['motionId', 'seq']);
      expect(detail.seq).to.equal(store.getSnapshot().seq);
      expect(ballotButtons(el)).to.have.length(0);
      expect(textAt(el, '[data-ballot-done]')).to.equal('Bạn đã biểu quyết: Tán thành.');
      expect(shadowOf(el).activeElement).to.equal(find(el, '[data-ballot-done]'));
      expect(announcementOf(el)).to.equal('Đã ghi nhận biểu quyết của bạn.');
      expect(chair.getSnapshot().meeting!.motions[0]!.votes.f2).to.exist;
      await expect(el).to.be.accessible();
    });

    it('may change an open vote that allows it, with the choice pressed', async () => {
      const chair = await workedMeeting();
      await openMotion(chair, { allowChange: true, showLiveTally: true });
      const el = await panelOn(memberOf(chair, 'f2'));
      await click(el, '.ballot button[data-choice=agree]');
      expect(textAt(el, '[data-ballot-done]')).to.equal('Bạn đã biểu quyết: Tán thành. Bạn có thể đổi ý cho đến khi kết thúc biểu quyết.');
      expect(ballotButtons(el).map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['true', 'false', 'false']);
      await click(el, '.ballot button[data-choice=other]');
      expect(ballotButtons(el).map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['false', 'false', 'true']);
      expect(chair.getSnapshot().meeting!.motions[0]!.votes.f2!.choice).to.equal('other');
      // The running tally, from the core's result so far.
      expect(textAt(el, '[data-live] [data-count=other]')).to.equal('1');
      expect(textAt(el, '[data-live] [data-count=agree]')).to.equal('0');
    });

    it('a cancelled party-vote-request sends nothing', async () => {
      const chair = await workedMeeting();
      await openMotion(chair);
      const el = await panelOn(memberOf(chair, 'f2'));
      const requests: HTMLElementEventMap['party-vote-request'][] = [];
      el.addEventListener('party-vote-request', (event) => {
        requests.push(event);
        event.preventDefault();
      });
      const seq = chair.getSnapshot().seq;
      await click(el, '.ballot button[data-choice=disagree]');
      expect(requests).to.have.length(1);
      expect(requests[0]!.cancelable).to.be.true;
      expect(requests[0]!.detail.command).to.deep.equal({ type: 'cast-ballot', motionId: 'm1', choice: 'disagree' });
      expect(chair.getSnapshot().seq).to.equal(seq);
      expect(ballotButtons(el)).to.have.length(3);
    });
  });

  describe('a secret ballot', () => {
    it('never shows anyone\'s choice to anyone, before or after the close', async () => {
      const chair = await workedMeeting();
      await openMotion(chair, { ballot: 'secret' });
      const chairPanel = await panelOn(chair);
      const voter = await panelOn(memberOf(chair, 'f2'));
      const other = await panelOn(memberOf(chair, 'f3'));
      const probationary = await panelOn(memberOf(chair, 'p1'));
      const panels = [chairPanel, voter, other, probationary];

      const request = oneEvent(voter, 'party-vote-request');
      const cast = oneEvent(voter, 'party-vote-cast');
      // Bình is the only one who disagrees.
      await click(voter, '.ballot button[data-choice=disagree]');
      expect((await request).detail.command, 'the request event hides the choice').to.deep.equal({ type: 'cast-ballot', motionId: 'm1' });
      expect(Object.keys((await cast).detail).sort()).to.deep.equal(['motionId', 'seq']);
      await castAll(chair, 'm1', { f1: 'agree', f3: 'agree', f4: 'agree', f5: 'agree', f6: 'agree', f7: 'agree' });
      for (const panel of panels) await panel.updateComplete;

      expect(textAt(voter, '[data-ballot-done]')).to.equal('Bạn đã bỏ phiếu kín. Lá phiếu được giữ bí mật: không ai biết bạn chọn gì.');
      expect(textOf(shadowOf(voter)), 'not even the voter sees their choice again').not.to.contain('Không tán thành');
      expect(shadowOf(voter).querySelector('[aria-pressed]')).to.be.null;
      expect(textAt(chairPanel, '[data-progress]')).to.equal('Đã bỏ phiếu trực tuyến: 7');
      expect(shadowOf(chairPanel).querySelector('[data-not-voted]'), 'no list of names in a secret ballot').to.be.null;
      for (const panel of panels) {
        expect(markupOf(panel)).not.to.contain(nameOf('f2'));
        expect(shadowOf(panel).querySelector('[data-member-id=f2]')).to.be.null;
        expect(shadowOf(panel).querySelector('[data-live], [data-named]')).to.be.null;
      }
      expect(chair.getSnapshot().meeting!.motions[0]!.votes.f2, 'who voted is known').to.exist;
      expect(chair.getSnapshot().meeting!.motions[0]!.votes.f2!.choice, 'the choice is not').to.be.undefined;

      await closeVote(chairPanel);
      for (const panel of panels) await panel.updateComplete;
      expect(textAt(chairPanel, '[data-count=agree]')).to.equal('6');
      expect(textAt(chairPanel, '[data-count=disagree]')).to.equal('1');
      expect(textAt(chairPanel, '[data-count=cast]')).to.equal('7');
      expect(textAt(chairPanel, '[data-rule]')).to.equal('Đạt: 6/9 tán thành, quá nửa của 9 (cần ít nhất 5).');
      for (const panel of panels) {
        expect(markupOf(panel)).not.to.contain(nameOf('f2'));
        expect(shadowOf(panel).querySelector('[data-member-id=f2], [data-named]')).to.be.null;
        expect(textAt(panel, '[data-count=disagree]')).to.equal('1');
      }
      await expect(chairPanel).to.be.accessible();
    });
  });
});
