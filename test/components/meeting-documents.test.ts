import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/meeting-documents/define.js';
import type { MeetingDocuments } from '../../src/components/meeting-documents/meeting-documents.js';
import type { DocumentsChangedEvent, DocumentsRequestEvent } from '../../src/components/meeting-documents/meeting-documents.events.js';
import { LocalMeetingStore } from '../../src/client/index.js';
import type { MeetingStore } from '../../src/client/index.js';
import { shadowOf, textOf, viewAs } from './meeting-fixture.js';
import {
  $,
  $$,
  alertText,
  announcement,
  badgeOf,
  chairOf,
  click,
  memberOf,
  render,
  row,
  scheduledIn,
  twoDocuments,
  viewButton,
  withDocuments,
} from './meeting-documents.fixture.js';

const EMPTY_VI = 'Chưa có tài liệu nào.';

/** Types into a labelled field of the form, as a person would. */
async function type(el: MeetingDocuments, id: 'doc-title' | 'doc-url', text: string): Promise<void> {
  const input = $<HTMLInputElement>(el, `#${id}`);
  expect(input, `#${id}`).to.exist;
  input!.focus();
  await sendKeys({ type: text });
}

/** Fills the form and presses its button. */
async function post(el: MeetingDocuments, title: string, url = ''): Promise<void> {
  if (title) await type(el, 'doc-title', title);
  if (url) await type(el, 'doc-url', url);
  await click(el, $(el, 'button[data-action=post]'));
}

describe('<meeting-documents>', () => {
  it('is accessible for a member, with an on-time and a late document', async () => {
    const el = await render(memberOf(twoDocuments));
    await expect(el).to.be.accessible();
  });

  it('says it is loading while it has no store', async () => {
    const el = await fixture<MeetingDocuments>(html`<meeting-documents></meeting-documents>`);
    expect(textOf(shadowOf(el))).to.equal('Đang tải cuộc họp…');
  });

  it('says there are no documents yet, with no verdict and, for a member, no form', async () => {
    const el = await render(memberOf(withDocuments([])));
    await expect(el).to.be.accessible();
    expect(textOf($(el, 'h2'))).to.equal('Tài liệu cuộc họp');
    expect(textOf($(el, '[data-empty]'))).to.equal(EMPTY_VI);
    expect($(el, '[data-verdict]') === null, 'no [data-verdict] shown').to.be.true;
    expect($(el, 'ul') === null, 'no ul shown').to.be.true;
    expect($(el, 'form') === null, 'no form shown').to.be.true;
  });

  describe('two documents, posted two days and three hours before the meeting', () => {
    it('lists each with its posting time in Vietnam time and its badge', async () => {
      const el = await render(memberOf(twoDocuments));
      expect($$(el, 'li[data-document-id]').map((li) => li.dataset.documentId)).to.deep.equal(['bao-cao', 'du-thao']);
      expect(textOf(row(el, 'bao-cao').querySelector('.name'))).to.equal('Báo cáo tình hình tháng 11');
      expect(textOf(row(el, 'bao-cao').querySelector('.posted'))).to.equal('đăng lúc 19:30 ngày 23/11/2026');
      expect(textOf(row(el, 'du-thao').querySelector('.posted'))).to.equal('đăng lúc 16:30 ngày 25/11/2026');
      expect(row(el, 'du-thao').querySelector('time')!.getAttribute('datetime')).to.equal('2026-11-25T16:30:00+07:00');
      expect(badgeOf(el, 'bao-cao')).to.equal('Đúng hạn');
      expect(badgeOf(el, 'du-thao')).to.equal('Đăng muộn');
      expect(row(el, 'du-thao').querySelector('[data-badge]')!.getAttribute('data-badge')).to.equal('late');
    });

    it('gives the core’s verdict: late, naming the late document, the rule and the deadline', async () => {
      const el = await render(memberOf(twoDocuments));
      const verdict = $(el, '[data-verdict]')!;
      expect(verdict.dataset.verdict).to.equal('documents-late');
      expect(textOf(verdict)).to.match(/^Tài liệu gửi muộn: “Dự thảo nghị quyết tháng 11”\./);
      expect(textOf(verdict)).to.contain('chậm nhất 1 ngày trước buổi sinh hoạt').and.contain('Hướng dẫn 42-HD/BTCTW');
      expect(textOf(verdict)).not.to.contain('Báo cáo tình hình');
      expect(textOf($(el, '[data-deadline]'))).to.equal('Hạn đăng tài liệu: 19:30 ngày 24/11/2026.');
    });

    it('says all were on time when they were', async () => {
      const el = await render(memberOf(withDocuments([twoDocuments.documents![0]!])));
      expect($(el, '[data-verdict]')!.dataset.verdict).to.equal('documents-on-time');
      expect(textOf($(el, '[data-verdict]'))).to.match(/^Tài liệu đã gửi đúng hạn \(chậm nhất 1 ngày trước buổi sinh hoạt\)/);
      expect(badgeOf(el, 'bao-cao')).to.equal('Đúng hạn');
    });

    it('follows the policy: with three days required, both are late', async () => {
      const definition = { ...twoDocuments, policy: { documentsDaysBefore: 3 } };
      const el = await render(memberOf(definition));
      expect(badgeOf(el, 'bao-cao')).to.equal('Đăng muộn');
      expect(badgeOf(el, 'du-thao')).to.equal('Đăng muộn');
      expect(textOf($(el, '[data-deadline]'))).to.equal('Hạn đăng tài liệu: 19:30 ngày 22/11/2026.');
    });

    it('shows a member no form to post documents', async () => {
      const el = await render(memberOf(twoDocuments));
      expect($(el, 'form') === null, 'no form shown').to.be.true;
      expect($$(el, 'button').map((b) => b.dataset.action)).to.deep.equal(['view', 'view']);
    });

    it('lists the documents without badges when a date in the definition does not parse', async () => {
      const el = await render(memberOf(withDocuments([{ id: 'x', title: 'Tài liệu cũ', postedAt: 'hôm qua' }])));
      expect(textOf(row(el, 'x').querySelector('.name'))).to.equal('Tài liệu cũ');
      expect(row(el, 'x').querySelector('[data-badge]') === null, 'no [data-badge] shown').to.be.true;
      expect($(el, '[data-verdict]') === null, 'no [data-verdict] shown').to.be.true;
    });
  });

  describe('the viewer', () => {
    it('opens a portal document in place in a sandboxed frame with a new-tab link, and closes it', async () => {
      const el = await render(memberOf(twoDocuments));
      const button = viewButton(el, 'bao-cao')!;
      expect(textOf(button)).to.equal('Xem tài liệu “Báo cáo tình hình tháng 11”');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect($(el, 'iframe') === null, 'no iframe shown').to.be.true;

      await click(el, button);
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(textOf(button)).to.match(/^Đóng /);
      const viewer = row(el, 'bao-cao').querySelector<HTMLElement>('[part=viewer]')!;
      expect(button.getAttribute('aria-controls')).to.equal(viewer.id);
      const frame = viewer.querySelector('iframe')!;
      expect(frame.getAttribute('src')).to.equal(`${location.origin}/tai-lieu/bao-cao-thang-11.html`);
      expect(frame.getAttribute('referrerpolicy')).to.equal('no-referrer');
      expect(frame.getAttribute('title')).to.equal('Nội dung tài liệu “Báo cáo tình hình tháng 11”');
      const sandbox = frame.getAttribute('sandbox')!.split(' ');
      expect(sandbox, 'a portal page must not run with the portal’s origin').not.to.include('allow-same-origin');
      expect(sandbox).not.to.include('allow-top-navigation');
      const link = viewer.querySelector<HTMLAnchorElement>('a[data-new-tab]')!;
      expect(textOf(link)).to.equal('Mở trong thẻ mới');
      expect(link.getAttribute('href')).to.equal(`${location.origin}/tai-lieu/bao-cao-thang-11.html`);
      expect(link.target).to.equal('_blank');
      expect(link.rel.split(' ')).to.include.members(['noopener', 'noreferrer']);
      await expect(el).to.be.accessible();

      await click(el, button);
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect($(el, 'iframe') === null, 'no iframe shown').to.be.true;
      expect($(el, 'a') === null, 'no link').to.be.true;
    });

    it('frames another site’s https document with its own origin, and shows one document at a time', async () => {
      const el = await render(memberOf(twoDocuments));
      await click(el, viewButton(el, 'bao-cao'));
      await click(el, viewButton(el, 'du-thao'));
      expect($$(el, 'iframe')).to.have.length(1);
      expect(viewButton(el, 'bao-cao')!.getAttribute('aria-expanded')).to.equal('false');
      const frame = row(el, 'du-thao').querySelector('iframe')!;
      expect(frame.getAttribute('src')).to.equal('https://127.0.0.1:9/van-ban/du-thao');
      expect(frame.getAttribute('sandbox')!.split(' ')).to.include('allow-same-origin');
      expect(frame.getAttribute('referrerpolicy')).to.equal('no-referrer');
    });

    it('opens with the keyboard', async () => {
      const el = await render(memberOf(twoDocuments));
      viewButton(el, 'du-thao')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(row(el, 'du-thao').querySelector('iframe')).to.exist;
      expect(shadowOf(el).activeElement === viewButton(el, 'du-thao'), 'the focus stays on the button').to.be.true;
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect($(el, 'iframe') === null, 'no iframe shown').to.be.true;
    });

    for (const [label, url] of [
      ['javascript:', 'javascript:alert(document.domain)'],
      ['data:', 'data:text/html,<script>alert(1)</script>'],
      ['http:', 'http://127.0.0.1:9/tai-lieu.html'],
      ['protocol-relative', '//127.0.0.1:9/tai-lieu.html'],
      ['backslash path that leaves the portal', '/\\127.0.0.1:9/tai-lieu.html'],
    ] as const) {
      it(`never links or frames a ${label} address from the definition`, async () => {
        const el = await render(memberOf(withDocuments([{ id: 'bad', title: 'Tài liệu lạ', postedAt: '2026-11-20T08:00:00+07:00', url }])));
        expect(textOf(row(el, 'bad').querySelector('.name'))).to.equal('Tài liệu lạ');
        expect(viewButton(el, 'bad') === null, 'no view button').to.be.true;
        expect($(el, 'a') === null, 'no link').to.be.true;
        expect($(el, 'iframe') === null, 'no iframe shown').to.be.true;
        expect(shadowOf(el).innerHTML).not.to.contain(url.slice(0, 12));
        expect(textOf(row(el, 'bad').querySelector('[data-url-note]'))).to.equal('Địa chỉ của tài liệu này không an toàn nên không mở ở đây.');
      });
    }

    it('opens a PDF only in a new tab, since no browser shows one in a sandboxed frame', async () => {
      const el = await render(memberOf(withDocuments([{ id: 'nq', title: 'Nghị quyết tháng 10', postedAt: '2026-11-20T08:00:00+07:00', url: '/tai-lieu/nghi-quyet-10.PDF' }])));
      expect(viewButton(el, 'nq') === null, 'no view button').to.be.true;
      expect($(el, 'iframe') === null, 'no frame').to.be.true;
      const link = row(el, 'nq').querySelector<HTMLAnchorElement>('a[data-new-tab]')!;
      expect(textOf(link)).to.equal('Mở tệp PDF trong thẻ mới: Nghị quyết tháng 10');
      expect(link.getAttribute('href')).to.equal(`${location.origin}/tai-lieu/nghi-quyet-10.PDF`);
      expect(link.target).to.equal('_blank');
      expect(link.rel.split(' ')).to.include.members(['noopener', 'noreferrer']);
      await expect(el).to.be.accessible();
    });

    it('says when a document has no address', async () => {
      const el = await render(memberOf(withDocuments([{ id: 'giay', title: 'Bản in', postedAt: '2026-11-20T08:00:00+07:00' }])));
      expect(viewButton(el, 'giay') === null, 'no view button').to.be.true;
      expect(textOf(row(el, 'giay').querySelector('[data-url-note]'))).to.equal('Tài liệu này không có đường dẫn để xem trên mạng.');
    });
  });

  describe('posting a document', () => {
    it('is accessible for the chair, whose form is labelled', async () => {
      const el = await render(chairOf(scheduledIn(1)));
      await expect(el).to.be.accessible();
      expect(textOf($(el, 'form h3'))).to.equal('Đăng tài liệu');
      expect(textOf($(el, 'label[for=doc-title]'))).to.equal('Tên tài liệu');
      expect(textOf($(el, 'label[for=doc-url]'))).to.equal('Địa chỉ tài liệu');
    });

    it('posted now for a meeting in an hour: it appears as late, is announced, and the form is cleared', async () => {
      const store = chairOf(scheduledIn(1));
      const el = await render(store);
      const requested = oneEvent(el, 'party-documents-request') as Promise<DocumentsRequestEvent>;
      const changed = oneEvent(el, 'party-documents-changed') as Promise<DocumentsChangedEvent>;
      await post(el, 'Dự thảo nghị quyết tháng 12', '/tai-lieu/du-thao-12.pdf');
      const request = await requested;
      const done = await changed;
      expect(request.detail.command.document.title).to.equal('Dự thảo nghị quyết tháng 12');
      expect(request.detail.command.document.url).to.equal('/tai-lieu/du-thao-12.pdf');
      expect(done.detail.seq).to.equal(store.getSnapshot().seq);
      await el.updateComplete;

      const id = done.detail.command.document.id;
      expect(store.getSnapshot().meeting!.documents.map((d) => d.id)).to.deep.equal([id]);
      expect(textOf(row(el, id).querySelector('.name'))).to.equal('Dự thảo nghị quyết tháng 12');
      expect(badgeOf(el, id)).to.equal('Đăng muộn');
      expect($(el, '[data-verdict]')!.dataset.verdict).to.equal('documents-late');
      expect(textOf(row(el, id).querySelector('.posted'))).to.match(/^đăng lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4}$/);
      expect(announcement(el)).to.equal('Đã đăng tài liệu “Dự thảo nghị quyết tháng 12” (đăng muộn).');
      expect($<HTMLInputElement>(el, '#doc-title')!.value).to.equal('');
      expect($<HTMLInputElement>(el, '#doc-url')!.value).to.equal('');
      expect(alertText(el)).to.equal('');
      await expect(el).to.be.accessible();
    });

    it('posted now for a meeting in three days: it is on time', async () => {
      const el = await render(chairOf(scheduledIn(72)));
      await post(el, 'Báo cáo tháng 12', 'https://127.0.0.1:9/van-ban/bao-cao');
      const [li] = $$(el, 'li[data-document-id]');
      expect(badgeOf(el, li!.dataset.documentId!)).to.equal('Đúng hạn');
      expect($(el, '[data-verdict]')!.dataset.verdict).to.equal('documents-on-time');
      expect(viewButton(el, li!.dataset.documentId!), 'an https address is viewable').to.exist;
    });

    it('posts a document without an address', async () => {
      const store = chairOf(scheduledIn(72));
      const el = await render(store);
      await post(el, 'Bản in phát tại chi bộ');
      const [document] = store.getSnapshot().meeting!.documents;
      expect(document!.title).to.equal('Bản in phát tại chi bộ');
      expect(document!.url).to.be.undefined;
      expect(textOf($(el, '[data-url-note]'))).to.equal('Tài liệu này không có đường dẫn để xem trên mạng.');
    });

    it('shows the core’s refusal of an address that is not https or a portal path, on the address field', async () => {
      const store = chairOf(scheduledIn(72));
      const el = await render(store);
      await post(el, 'Tài liệu', 'javascript:alert(1)');
      await el.updateComplete;
      expect(alertText(el)).to.equal('Địa chỉ tài liệu phải bắt đầu bằng https:// hoặc bằng / (trang trên cổng thông tin).');
      const url = $<HTMLInputElement>(el, '#doc-url')!;
      expect(url.getAttribute('aria-invalid')).to.equal('true');
      expect(url.getAttribute('aria-describedby')).to.contain('post-error');
      expect(shadowOf(el).activeElement?.id, 'the focus moves to the field to fix').to.equal('doc-url');
      expect(url.value, 'what was typed stays to be corrected').to.equal('javascript:alert(1)');
      expect(store.getSnapshot().meeting!.documents).to.have.length(0);
      expect($(el, '[data-empty]')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('shows the core’s refusal of an empty title, on the title field', async () => {
      const store = chairOf(scheduledIn(72));
      const el = await render(store);
      await post(el, '', 'https://127.0.0.1:9/x.pdf');
      await el.updateComplete;
      expect(alertText(el)).to.equal('Hãy ghi tên tài liệu (tối đa 300 ký tự).');
      expect($(el, '#doc-title')!.getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '#doc-url')!.getAttribute('aria-invalid')).to.equal('false');
      expect(store.getSnapshot().meeting!.documents).to.have.length(0);
    });

    it('lets the host page veto a post with preventDefault()', async () => {
      const store = chairOf(scheduledIn(72));
      const el = await render(store);
      el.addEventListener('party-documents-request', (e) => e.preventDefault());
      let changed = false;
      el.addEventListener('party-documents-changed', () => (changed = true));
      await post(el, 'Tài liệu', '/a.pdf');
      await aTimeout(0);
      expect(store.getSnapshot().meeting!.documents).to.have.length(0);
      expect(changed).to.be.false;
      expect($(el, '[data-empty]')).to.exist;
    });

    it('gives the form to the minute-taker, whose document the chair hears announced', async () => {
      const chair = chairOf(scheduledIn(1));
      await chair.send({ type: 'open-meeting' });
      await chair.send({ type: 'elect-recorder', memberId: 'binh' });
      const binh = chair.as({ participantId: 'binh', role: 'member' });
      const cuong = chair.as({ participantId: 'cuong', role: 'member' });
      const chairEl = await render(chair);
      const binhEl = await render(binh);
      const cuongEl = await render(cuong);
      expect($(binhEl, 'form')).to.exist;
      expect($(cuongEl, 'form') === null, 'a member who is not the minute-taker').to.be.true;
      await post(binhEl, 'Biên bản kỳ trước', '/bien-ban/thang-10.html');
      await chairEl.updateComplete;
      await cuongEl.updateComplete;
      expect(announcement(chairEl)).to.equal('Có tài liệu mới: “Biên bản kỳ trước” (đăng muộn).');
      expect(announcement(binhEl)).to.equal('Đã đăng tài liệu “Biên bản kỳ trước” (đăng muộn).');
      expect($$(cuongEl, 'li[data-document-id]')).to.have.length(1);
    });

    it('shows no form to a delegate, nor to anyone once the meeting is closed', async () => {
      const chair = chairOf(twoDocuments);
      const delegate = await render(viewAs(chair, 'em', 'delegate', 'Hoàng Văn Em'));
      expect($(delegate, 'form') === null, 'no form shown').to.be.true;
      await chair.send({ type: 'open-meeting' });
      const el = await render(chair);
      expect($(el, 'form')).to.exist;
      await chair.send({ type: 'close-meeting' });
      await el.updateComplete;
      expect($(el, 'form') === null, 'no form shown').to.be.true;
      expect($$(el, 'li[data-document-id]'), 'the documents stay listed').to.have.length(2);
    });

    it('announces nothing on the first render', async () => {
      const el = await render(memberOf(twoDocuments));
      expect(announcement(el)).to.equal('');
    });
  });

  describe('in English', () => {
    it('shows the list, badges, verdict, viewer and form in English', async () => {
      const store: MeetingStore = new LocalMeetingStore(twoDocuments, { participantId: 'an', role: 'chair' });
      const el = await render(store, 'en');
      await expect(el).to.be.accessible();
      expect(textOf($(el, 'h2'))).to.equal('Meeting documents');
      expect(badgeOf(el, 'bao-cao')).to.equal('On time');
      expect(badgeOf(el, 'du-thao')).to.equal('Posted late');
      expect(textOf(row(el, 'bao-cao').querySelector('.posted'))).to.equal('posted on 23/11/2026 at 19:30 (Vietnam time)');
      expect(textOf($(el, '[data-verdict]'))).to.match(/^Documents posted late: “Dự thảo nghị quyết tháng 11”\./);
      expect(textOf($(el, '[data-deadline]'))).to.equal('Deadline for documents: 24/11/2026 at 19:30 (Vietnam time).');
      expect(textOf(viewButton(el, 'bao-cao'))).to.equal('View the document “Báo cáo tình hình tháng 11”');
      await click(el, viewButton(el, 'bao-cao'));
      expect(textOf($(el, 'a[data-new-tab]'))).to.equal('Open in a new tab');
      expect(textOf($(el, 'form h3'))).to.equal('Post a document');
      await post(el, '', '/x.pdf');
      expect(alertText(el)).to.equal('Please write the title of the document (at most 300 characters).');
      await expect(el).to.be.accessible();
    });

    it('says there are no documents yet', async () => {
      const el = await render(memberOf(withDocuments([])), 'en');
      expect(textOf($(el, '[data-empty]'))).to.equal('No documents yet.');
    });
  });
});
