import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/meeting-assessment/define.js';
import type { AssessmentRecordedEvent, AssessmentRequestEvent } from '../../../src/components/meeting-assessment/meeting-assessment.events.js';
import type { MeetingAssessment } from '../../../src/components/meeting-assessment/meeting-assessment.js';
import type { MeetingAssessmentResponse } from '../../../src/client/index.js';
import { $, $$, adminToken, call, click, createCell, holdMeeting, membersOf, scheduleMeeting, serverStarted, textIn, unique, until } from '../console-fixture.js';

const DELEGATE = { id: 'dang-van-son', name: 'Đặng Văn Sơn', organization: 'Đảng ủy Khối' };
const CRITERIA = ['preparation', 'attendance', 'procedure', 'content', 'technology'];

/** A cell with a meeting the delegate attends; held and closed unless `open`. */
async function meetingFor(options: { held?: boolean } = {}) {
  const root = await adminToken();
  const cellId = unique('cb');
  const members = membersOf(cellId, 6);
  await createCell(root, { id: cellId, name: 'Chi bộ Đánh giá', parentId: unique('duk'), members, cannotMeetInPerson: members.slice(0, 5).map((m) => m.id) });
  const scheduledAt = '2027-02-10T19:30:00+07:00';
  const meetingId = await scheduleMeeting(root, {
    cellId,
    title: 'Sinh hoạt định kỳ tháng 2/2027',
    scheduledAt,
    mode: 'hybrid',
    chairId: members[0]!.id,
    bridgePoints: [{ id: 'phong-hop', name: 'Phòng họp', main: true }],
    delegates: [DELEGATE],
  });
  if (options.held !== false) {
    await holdMeeting(meetingId, scheduledAt, 95, Object.fromEntries(members.map((m) => [m.id, { mark: 'present-online' as const }])));
  }
  return { root, meetingId, cellId };
}

async function render(token: string, meeting: string, delegate = DELEGATE.id, lang = ''): Promise<MeetingAssessment> {
  const el = await fixture<MeetingAssessment>(html`<meeting-assessment token=${token} meeting=${meeting} delegate=${delegate} lang=${lang}></meeting-assessment>`);
  await until(() => $(el, '[data-loading]') === null && ($(el, 'section.feedback') !== null || $(el, '[data-failure]') !== null), 'the assessment');
  return el;
}

/** Types a criterion's points as a person does. */
async function score(el: MeetingAssessment, criterion: string, points: number): Promise<void> {
  const input = $<HTMLInputElement>(el, `#points-${criterion}`)!;
  input.focus();
  input.select();
  await sendKeys({ press: 'Backspace' });
  await sendKeys({ type: String(points) });
  await el.updateComplete;
}

async function write(el: MeetingAssessment, part: 'strengths' | 'limitations' | 'lessons', text: string): Promise<void> {
  $<HTMLTextAreaElement>(el, `#${part}`)!.focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

describe('<meeting-assessment> against the real server', function () {
  this.timeout(20_000);
  before(serverStarted);

  it('is accessible: the delegate’s form after the meeting', async () => {
    const { root, meetingId } = await meetingFor();
    const el = await render(root, meetingId);
    await expect(el).to.be.accessible();
    expect(textIn(el, '[data-about]')).to.equal('Chi bộ Đánh giá — buổi sinh hoạt khai mạc lúc 19:30 10/02/2027');
    expect(textIn(el, 'legend')).to.equal('Chấm điểm theo khung “Khung chấm điểm chất lượng sinh hoạt chi bộ (mặc định)”');
    expect($$<HTMLLabelElement>(el, '.criterion label').map((l) => l.textContent!.trim())).to.deep.equal([
      'Công tác chuẩn bị, gửi tài liệu trước (0–20 điểm)',
      'Tỷ lệ đảng viên dự, thời gian sinh hoạt (0–15 điểm)',
      'Thực hiện đúng quy trình, nguyên tắc sinh hoạt (0–20 điểm)',
      'Nội dung: tính lãnh đạo, tính giáo dục, tính chiến đấu (0–30 điểm)',
      'Bảo đảm kỹ thuật, đường truyền, an toàn thông tin (0–15 điểm)',
    ]);
    expect(textIn(el, '#grades')).to.equal('Xếp loại: Tốt: từ 90 điểm; Khá: từ 70 điểm; Trung bình: từ 50 điểm; Kém: từ 0 điểm');
  });

  it('waits for the meeting to close before it offers the form', async () => {
    const { root, meetingId } = await meetingFor({ held: false });
    const el = await render(root, meetingId);
    expect(textIn(el, '[data-not-closed]')).to.equal('Cuộc họp chưa bế mạc. Phiếu nhận xét mở sau khi đồng chí chủ trì bế mạc cuộc họp.');
    expect($(el, 'form') === null, 'no form').to.be.true;
  });

  it('adds up the points live and grades them by the frame: Tốt from 90, Khá from 70, Trung bình from 50, else Kém', async () => {
    const { root, meetingId } = await meetingFor();
    const el = await render(root, meetingId);
    expect(textIn(el, '[data-total]')).to.equal('Còn 5 tiêu chí chưa chấm. Đã chấm: 0 điểm.');
    await score(el, 'preparation', 18);
    expect(textIn(el, '[data-total]')).to.equal('Còn 4 tiêu chí chưa chấm. Đã chấm: 18 điểm.');
    for (const [c, p] of [['attendance', 14], ['procedure', 18], ['content', 28], ['technology', 12]] as const) await score(el, c, p);
    expect(textIn(el, '[data-total]')).to.equal('Tổng điểm: 90/100, xếp loại Tốt.');
    expect($(el, '[data-total]')!.getAttribute('role')).to.equal('status');
    await score(el, 'technology', 11);
    expect(textIn(el, '[data-total]')).to.equal('Tổng điểm: 89/100, xếp loại Khá.');
    await score(el, 'content', 0);
    expect(textIn(el, '[data-total]')).to.equal('Tổng điểm: 61/100, xếp loại Trung bình.');
    await score(el, 'preparation', 6);
    expect(textIn(el, '[data-total]')).to.equal('Tổng điểm: 49/100, xếp loại Kém.');
  });

  it('says what to fix before sending: the strengths, then a score over the criterion’s maximum', async () => {
    const { root, meetingId } = await meetingFor();
    const el = await render(root, meetingId);
    await click(el, $(el, 'button[data-action=send]'));
    expect(textIn(el, '[data-error]')).to.equal('Hãy ghi ưu điểm của buổi sinh hoạt (tối đa 4.000 ký tự).');
    expect(el.shadowRoot!.activeElement?.id).to.equal('strengths');
    await write(el, 'strengths', 'Chuẩn bị chu đáo.');
    await score(el, 'preparation', 25);
    await click(el, $(el, 'button[data-action=send]'));
    expect(textIn(el, '[data-error]')).to.equal('Điểm tiêu chí “Công tác chuẩn bị, gửi tài liệu trước” phải là số nguyên từ 0 đến 20.');
    expect($(el, '#points-preparation')!.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement?.id).to.equal('points-preparation');
  });

  it('sends the assessment, which the server keeps with its score and grade, and shows it in the feedback', async () => {
    const { root, meetingId } = await meetingFor();
    const el = await render(root, meetingId);
    await write(el, 'strengths', 'Chuẩn bị chu đáo; tài liệu gửi trước 3 ngày.');
    await write(el, 'limitations', 'Điểm cầu Đảng ủy Khối mất tiếng 5 phút.');
    await write(el, 'lessons', 'Kiểm tra đường truyền 30 phút trước giờ họp.');
    for (const [c, p] of [['preparation', 18], ['attendance', 14], ['procedure', 18], ['content', 20], ['technology', 12]] as const) await score(el, c, p);
    const requested = oneEvent(el, 'party-assessment-request') as Promise<AssessmentRequestEvent>;
    const recorded = oneEvent(el, 'party-assessment-recorded') as Promise<AssessmentRecordedEvent>;
    await click(el, $(el, 'button[data-action=send]'));
    expect((await requested).detail.request.criteria).to.deep.equal({ preparation: 18, attendance: 14, procedure: 18, content: 20, technology: 12 });
    const { assessment } = (await recorded).detail;
    expect(assessment.score).to.equal(82);
    expect(assessment.grade?.id).to.equal('fair');
    await until(() => $(el, `li[data-delegate-id="${DELEGATE.id}"]`) !== null, 'the feedback');
    expect(textIn(el, '[data-recorded]')).to.equal('Đã gửi nhận xét: 82 điểm, xếp loại Khá.');
    expect(textIn(el, '[data-summary]')).to.equal('1 nhận xét, điểm bình quân 82: xếp loại Khá.');
    expect(textIn(el, `li[data-delegate-id="${DELEGATE.id}"] [data-grade]`)).to.equal('82 điểm, xếp loại Khá');
    const saved = await call<MeetingAssessmentResponse>(root, 'GET', `/api/meetings/${meetingId}/assessment`);
    expect(saved.assessments[0]).to.include({ strengths: 'Chuẩn bị chu đáo; tài liệu gửi trước 3 ngày.', score: 82 });
  });

  it('lets the delegate correct it: the form comes back filled in, and sending again replaces it', async () => {
    const { root, meetingId } = await meetingFor();
    await call(root, 'POST', `/api/meetings/${meetingId}/assessment`, {
      delegateId: DELEGATE.id,
      strengths: 'Tốt.',
      limitations: '',
      lessons: '',
      criteria: { preparation: 20, attendance: 15, procedure: 20, content: 30, technology: 15 },
    });
    const el = await render(root, meetingId);
    expect(textIn(el, '[data-previous]')).to.match(/^Đồng chí đã gửi nhận xét lúc \d\d:\d\d \d\d\/\d\d\/\d{4}\. Gửi lại sẽ thay cho lần trước\.$/);
    expect($<HTMLTextAreaElement>(el, '#strengths')!.value).to.equal('Tốt.');
    expect(textIn(el, '[data-total]')).to.equal('Tổng điểm: 100/100, xếp loại Tốt.');
    await score(el, 'technology', 5);
    await click(el, $(el, 'button[data-action=send]'));
    await until(() => textIn(el, '[data-recorded]') !== '', 'the confirmation');
    const saved = await call<MeetingAssessmentResponse>(root, 'GET', `/api/meetings/${meetingId}/assessment`);
    expect(saved.assessments.map((a) => a.score)).to.deep.equal([90]);
  });

  it('sends nothing when the host page cancels the request event', async () => {
    const { root, meetingId } = await meetingFor();
    const el = await render(root, meetingId);
    await write(el, 'strengths', 'Tốt.');
    for (const c of CRITERIA) await score(el, c, 10);
    el.addEventListener('party-assessment-request', (e) => e.preventDefault(), { once: true });
    await click(el, $(el, 'button[data-action=send]'));
    const saved = await call<MeetingAssessmentResponse>(root, 'GET', `/api/meetings/${meetingId}/assessment`);
    expect(saved.assessments.length).to.equal(0);
  });

  it('shows the cell the feedback read-only, user text as text', async () => {
    const { root, meetingId } = await meetingFor();
    await call(root, 'POST', `/api/meetings/${meetingId}/assessment`, {
      delegateId: DELEGATE.id,
      strengths: 'Chuẩn bị <b>chu đáo</b>.\nĐúng giờ.',
      limitations: '',
      lessons: 'Gửi tài liệu sớm hơn.',
      criteria: { preparation: 15, attendance: 10, procedure: 15, content: 20, technology: 10 },
    });
    const el = await fixture<MeetingAssessment>(html`<meeting-assessment token=${root} meeting=${meetingId}></meeting-assessment>`);
    await until(() => $(el, `li[data-delegate-id]`) !== null, 'the feedback');
    await expect(el).to.be.accessible();
    expect($(el, 'form') === null, 'no form for the cell').to.be.true;
    expect(textIn(el, '[data-summary]')).to.equal('1 nhận xét, điểm bình quân 70: xếp loại Khá.');
    expect(textIn(el, 'li[data-delegate-id] .by strong')).to.match(/^Đặng Văn Sơn, lúc /);
    const strengths = $(el, '[data-part=strengths]')!;
    expect(strengths.textContent).to.equal('Chuẩn bị <b>chu đáo</b>.\nĐúng giờ.');
    expect(strengths.querySelector('b') === null, 'no <b> element').to.be.true;
    expect(textIn(el, '[data-part=limitations]')).to.equal('(không ghi)');
    expect($$(el, '.criteria-table tbody tr').map((tr) => tr.querySelector('td')!.textContent!.trim())).to.deep.equal(['15/20', '10/15', '15/20', '20/30', '10/15']);
  });

  it('speaks English', async () => {
    const { root, meetingId } = await meetingFor();
    const el = await render(root, meetingId, DELEGATE.id, 'en');
    expect(textIn(el, '[data-total]')).to.equal('5 criteria not scored yet. Scored so far: 0 points.');
    for (const [c, p] of [['preparation', 20], ['attendance', 15], ['procedure', 20], ['content', 30]] as const) await score(el, c, p);
    expect(textIn(el, '[data-total]')).to.equal('1 criterion not scored yet. Scored so far: 85 points.');
    await score(el, 'technology', 15);
    expect(textIn(el, '[data-total]')).to.equal('Total: 100/100, graded Good.');
  });

  it('says a meeting outside the user’s units is not theirs (403)', async () => {
    const { meetingId } = await meetingFor({ held: false });
    const el = await render(await adminToken({ units: ['don-vi-khac'] }), meetingId);
    expect($(el, '[data-failure]')!.dataset['failure']).to.equal('forbidden');
  });
});
