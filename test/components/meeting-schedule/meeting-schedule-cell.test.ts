import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MeetingScheduledEvent, ScheduleRefusedEvent, ScheduleRequestEvent } from '../../../src/components/meeting-schedule/meeting-schedule.events.js';
import { DEFAULT_POLICY } from '../../../src/core/index.js';
import { $, $$, adminToken, call, click, pick, serverStarted, textIn, until } from '../console-fixture.js';
import { cellSchedule, checks, checkText, eightMemberCell, pickDate, registerOnline } from './schedule.fixture.js';

describe('<meeting-schedule> for a cell, against the real server', function () {
  // Each test sets up its own cell over HTTP; on a busy 2-core machine that takes a few seconds.
  this.timeout(20_000);
  before(serverStarted);

  it('is accessible with the form loaded and a date chosen', async () => {
    const { root, id } = await eightMemberCell({ cannotMeet: 6 });
    const el = await cellSchedule(root, id);
    await pickDate(el, '2027-03-10T19:30');
    await expect(el).to.be.accessible();
  });

  it('shows the cell, the standard program of the kind, and a title that follows the kind and month', async () => {
    const { root, id } = await eightMemberCell({ cannotMeet: 6 });
    const el = await cellSchedule(root, id);
    expect(textIn(el, '[data-unit]')).to.equal('Chi bộ Thử nghiệm: 8 đảng viên');
    expect(textIn(el, '[data-agenda]')).to.equal('Chương trình theo mẫu: 17 mục, dự kiến 96 phút');
    await pickDate(el, '2027-03-10T19:30');
    expect($<HTMLInputElement>(el, '#title')!.value).to.equal('Sinh hoạt chi bộ định kỳ tháng 3/2027');
    await pick(el, $<HTMLSelectElement>(el, '#kind'), 'thematic');
    expect($<HTMLInputElement>(el, '#title')!.value).to.equal('Sinh hoạt chuyên đề tháng 3/2027');
    expect(textIn(el, '[data-agenda]')).to.equal('Chương trình theo mẫu: 10 mục, dự kiến 93 phút');
  });

  it('allows a hybrid meeting of an eligible cell and counts the year against the limit', async () => {
    const { root, id } = await eightMemberCell({ cannotMeet: 6 });
    const el = await cellSchedule(root, id);
    await pickDate(el, '2027-03-10T19:30');
    expect(checks(el)).to.deep.equal([
      ['online-eligible-hybrid', true],
      ['online-limit-available', true],
    ]);
    expect(textIn(el, '[data-verdict]')).to.equal('Được đăng ký: đạt mọi điều kiện đã kiểm tra.');
    expect(textIn(el, '[data-count]')).to.equal('Năm 2027: đã đăng ký 0/3 buổi sinh hoạt trực tuyến.');
    expect(checkText(el, 'online-limit-available')).to.contain('lần thứ 1 trong năm, giới hạn 3 lần đối với chi bộ');
  });

  it('refuses a cell’s 4th online meeting of the year (limit 3), naming the rule, live and from the server', async () => {
    const { root, id, members } = await eightMemberCell({ cannotMeet: 6 });
    await registerOnline(root, id, members[0]!.id, 2027, 3);
    const el = await cellSchedule(root, id);
    await pickDate(el, '2027-09-10T19:30');
    expect(textIn(el, '[data-count]')).to.equal('Năm 2027: đã đăng ký 3/3 buổi sinh hoạt trực tuyến.');
    expect(checks(el)).to.deep.include(['online-limit-reached', false]);
    expect(checkText(el, 'online-limit-reached')).to.contain('chi bộ được sinh hoạt trực tuyến không quá 3 lần trong năm, đã dùng 3').and.contain('Hướng dẫn 03-HD/TW');
    expect(textIn(el, '[data-verdict]')).to.equal('Chưa được đăng ký: 1 điều kiện chưa đạt.');
    // The person sends it anyway: the server refuses with the same rule.
    const refused = oneEvent(el, 'party-schedule-refused') as Promise<ScheduleRefusedEvent>;
    await click(el, $(el, 'button[data-action=register]'));
    const event = await refused;
    expect(event.detail.reasons.map((r) => r.code)).to.deep.equal(['online-limit-reached']);
    await until(() => $(el, '[data-server-refusal]') !== null, 'the server’s reasons');
    expect(textIn(el, '[data-server-refusal]')).to.contain('Máy chủ không nhận đăng ký theo quy định').and.contain('không quá 3 lần trong năm');
    const listed = await call<{ meetings: unknown[] }>(root, 'GET', `/api/meetings?unit=${id}`);
    expect(listed.meetings.length).to.equal(3);
  });

  it('counts the year of the chosen date: the next year starts again at 0', async () => {
    const { root, id, members } = await eightMemberCell({ cannotMeet: 6 });
    await registerOnline(root, id, members[0]!.id, 2027, 3);
    const el = await cellSchedule(root, id);
    await pickDate(el, '2028-01-05T08:00');
    expect(textIn(el, '[data-count]')).to.equal('Năm 2028: đã đăng ký 0/3 buổi sinh hoạt trực tuyến.');
    expect(checks(el).every(([, ok]) => ok)).to.be.true;
  });

  it('refuses a base committee’s 2nd online meeting of the year (limit 1)', async () => {
    const { root, id, members } = await eightMemberCell({ cannotMeet: 6, unitKind: 'base-committee' });
    await registerOnline(root, id, members[0]!.id, 2027, 1);
    const el = await cellSchedule(root, id);
    await pickDate(el, '2027-06-10T19:30');
    expect(textIn(el, '[data-count]')).to.equal('Năm 2027: đã đăng ký 1/1 buổi sinh hoạt trực tuyến.');
    expect(checkText(el, 'online-limit-reached')).to.contain('đảng bộ cơ sở được sinh hoạt trực tuyến không quá 1 lần trong năm, đã dùng 1').and.contain('Hướng dẫn 03-HD/TW');
    await click(el, $(el, 'button[data-action=register]'));
    await until(() => $(el, '[data-server-refusal]') !== null, 'the server’s reasons');
    expect($$(el, '[data-server-refusal] li').map((li) => li.dataset['code'])).to.deep.equal(['online-limit-reached']);
  });

  it('tells a cell where some members can gather that a fully online meeting is not allowed, and that a hybrid one is', async () => {
    // 5 of 8 cannot meet in one place: eligible (more than half), but 3 can gather, so hybrid only (HD 03-HD/TW).
    const { root, id } = await eightMemberCell({ cannotMeet: 5 });
    const el = await cellSchedule(root, id);
    await pickDate(el, '2027-04-10T19:30');
    await click(el, $(el, 'input[name=mode][value=online]'));
    expect(checks(el)).to.deep.include(['fully-online-not-allowed', false]);
    expect(checkText(el, 'fully-online-not-allowed')).to.contain('Không được sinh hoạt trực tuyến toàn thể: chỉ 5/8 đảng viên').and.contain('trực tiếp kết hợp trực tuyến').and.contain('Hướng dẫn 03-HD/TW');
    // The server says the same.
    await click(el, $(el, 'button[data-action=register]'));
    await until(() => $(el, '[data-server-refusal]') !== null, 'the server’s reasons');
    expect($$(el, '[data-server-refusal] li').map((li) => li.dataset['code'])).to.deep.equal(['fully-online-not-allowed']);
    // One press turns it into a hybrid meeting, which is allowed.
    await click(el, $(el, 'button[data-action=use-hybrid]'));
    expect($<HTMLInputElement>(el, 'input[name=mode][value=hybrid]')!.checked).to.be.true;
    expect(checks(el)).to.deep.equal([
      ['online-eligible-hybrid', true],
      ['online-limit-available', true],
    ]);
  });

  it('tells a cell whose members mostly meet in one place that it is not eligible, and what would make it so', async () => {
    const { root, id } = await eightMemberCell({ cannotMeet: 3 });
    const el = await cellSchedule(root, id);
    await pickDate(el, '2027-04-10T19:30');
    expect(checks(el)[0]).to.deep.equal(['online-not-eligible', false]);
    expect(checkText(el, 'online-not-eligible')).to.contain('3/8 đảng viên không thể sinh hoạt trực tiếp').and.contain('cần ít nhất 5').and.contain('Hướng dẫn 03-HD/TW');
    // Marking two more members who cannot gather (their work changed) makes it eligible for a hybrid meeting.
    await click(el, $(el, `input[data-member="${id}-4"]`));
    await click(el, $(el, `input[data-member="${id}-5"]`));
    expect(checks(el)[0]).to.deep.equal(['online-eligible-hybrid', true]);
  });

  it('follows the province’s policy when the portal sets one', async () => {
    const { root, id } = await eightMemberCell({ cannotMeet: 3 });
    const el = await cellSchedule(root, id);
    el.policy = { ...DEFAULT_POLICY, onlineEligibilityShare: 0.25 };
    await pickDate(el, '2027-04-10T19:30');
    expect(checks(el)[0]).to.deep.equal(['online-eligible-hybrid', true]);
  });

  it('checks the documents’ posting times against the 1-day rule as they are typed', async () => {
    const { root, id } = await eightMemberCell({ cannotMeet: 6 });
    const el = await cellSchedule(root, id);
    await pickDate(el, '2027-04-10T19:30');
    await click(el, $(el, 'button[data-action=add-document]'));
    const doc = $(el, '[data-document]')!.dataset['document'];
    $<HTMLInputElement>(el, `#doc-title-${doc}`)!.focus();
    await sendKeys({ type: 'Dự thảo nghị quyết' });
    await pick(el, $<HTMLInputElement>(el, `#doc-posted-${doc}`), '2027-04-10T08:00');
    expect(checks(el)).to.deep.include(['documents-late', false]);
    expect(checkText(el, 'documents-late')).to.contain('“Dự thảo nghị quyết”').and.contain('Hướng dẫn 42-HD/BTCTW');
    await pick(el, $<HTMLInputElement>(el, `#doc-posted-${doc}`), '2027-04-08T08:00');
    expect(checks(el)).to.deep.include(['documents-on-time', true]);
  });

  it('registers an allowed meeting: the request event first, then the server’s record, the count and the list', async () => {
    const { root, id } = await eightMemberCell({ cannotMeet: 6 });
    const el = await cellSchedule(root, id);
    await pickDate(el, '2027-05-12T14:00');
    const requested = oneEvent(el, 'party-schedule-request') as Promise<ScheduleRequestEvent>;
    const scheduled = oneEvent(el, 'party-meeting-scheduled') as Promise<MeetingScheduledEvent>;
    await click(el, $(el, 'button[data-action=register]'));
    const request = (await requested).detail.request;
    expect(request).to.include({ cellId: id, mode: 'hybrid', kind: 'regular', scheduledAt: '2027-05-12T14:00:00+07:00', title: 'Sinh hoạt chi bộ định kỳ tháng 5/2027' });
    expect(request.bridgePoints).to.deep.equal([{ id: 'diem-cau-1', name: 'Chi bộ Thử nghiệm', main: true }]);
    const { meeting, agenda } = (await scheduled).detail;
    expect(meeting.cellId).to.equal(id);
    expect(agenda.length).to.equal(17);
    await until(() => textIn(el, '[data-done]') !== '', 'the confirmation');
    expect(textIn(el, '[data-done]')).to.equal('Đã đăng ký “Sinh hoạt chi bộ định kỳ tháng 5/2027” lúc 14:00 12/05/2027.');
    // The form is fresh again; choosing a date in 2027 shows the new count.
    expect($<HTMLInputElement>(el, '#when')!.value).to.equal('');
    await pickDate(el, '2027-06-12T14:00');
    expect(textIn(el, '[data-count]')).to.equal('Năm 2027: đã đăng ký 1/3 buổi sinh hoạt trực tuyến.');
    expect($$(el, '.registered li').map((li) => li.dataset['meetingId'])).to.deep.equal([meeting.id]);
  });

  it('sends nothing when the host page cancels the request event', async () => {
    const { root, id } = await eightMemberCell({ cannotMeet: 6 });
    const el = await cellSchedule(root, id);
    await pickDate(el, '2027-05-12T14:00');
    el.addEventListener('party-schedule-request', (e) => e.preventDefault(), { once: true });
    await click(el, $(el, 'button[data-action=register]'));
    const listed = await call<{ meetings: unknown[] }>(root, 'GET', `/api/meetings?unit=${id}`);
    expect(listed.meetings.length).to.equal(0);
  });

  it('says what to fix, on the field, before sending: the date first, then a bridge point’s name', async () => {
    const { root, id } = await eightMemberCell({ cannotMeet: 6 });
    const el = await cellSchedule(root, id);
    await click(el, $(el, 'button[data-action=register]'));
    expect(textIn(el, '[data-error]')).to.equal('Hãy chọn ngày giờ họp.');
    expect($(el, '#when')!.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement?.id).to.equal('when');
    await pickDate(el, '2027-05-12T14:00');
    expect(textIn(el, '[data-error]')).to.equal('');
    await pick(el, $<HTMLInputElement>(el, '#point-1'), '  ');
    await click(el, $(el, 'button[data-action=register]'));
    expect(textIn(el, '[data-error]')).to.equal('Hãy ghi tên điểm cầu 1.');
    expect(el.shadowRoot!.activeElement?.id).to.equal('point-1');
  });

  it('speaks English', async () => {
    const { root, id, members } = await eightMemberCell({ cannotMeet: 6 });
    await registerOnline(root, id, members[0]!.id, 2027, 3);
    const el = await cellSchedule(root, id, 'en');
    await pickDate(el, '2027-09-10T19:30');
    expect(textIn(el, '[data-unit]')).to.equal('Chi bộ Thử nghiệm: 8 members');
    expect(textIn(el, '[data-count]')).to.equal('2027: 3 of 3 online meetings registered.');
    expect(textIn(el, '[data-verdict]')).to.equal('Cannot be registered yet: 1 condition is not met.');
    expect(checkText(el, 'online-limit-reached')).to.contain('a cell may meet online at most 3 time(s) a year, 3 used').and.contain('Guideline 03-HD/TW');
  });

  describe('when the request fails', () => {
    it('says the session expired (401) and offers to try again', async () => {
      const { id } = await eightMemberCell({ cannotMeet: 6 });
      const el = await cellSchedule(await adminToken({ expiresIn: '-10s' }), id);
      await expect(el).to.be.accessible();
      expect($(el, '[data-failure]')!.dataset['failure']).to.equal('token-expired');
      expect(textIn(el, '[data-failure] [role=alert]')).to.equal('Phiên làm việc đã hết hạn. Xin đăng nhập lại cổng thông tin rồi mở lại trang này.');
      expect(textIn(el, '[data-failure]')).to.contain('Sau khi đăng nhập lại, bấm “Thử lại”.');
      expect($(el, 'form') === null, 'no form').to.be.true;
    });

    it('says the unit is not one of the user’s (403)', async () => {
      const { id } = await eightMemberCell({ cannotMeet: 6 });
      const el = await cellSchedule(await adminToken({ units: ['don-vi-khac'] }), id);
      expect($(el, '[data-failure]')!.dataset['failure']).to.equal('forbidden');
      expect(textIn(el, '[data-failure] [role=alert]')).to.equal('Tài khoản của đồng chí không được xem đơn vị này (không thuộc đơn vị mình phụ trách).');
    });

    it('says the server cannot be reached, and loads when the person tries again', async () => {
      const { root, id } = await eightMemberCell({ cannotMeet: 6 });
      const el = await cellSchedule(root, id);
      el.api = 'http://127.0.0.1:9';
      await until(() => $(el, '[data-failure]') !== null, 'the failure');
      expect($(el, '[data-failure]')!.dataset['failure']).to.equal('network');
      expect(textIn(el, '[data-failure] [role=alert]')).to.equal('Không kết nối được máy chủ. Xin kiểm tra mạng rồi thử lại.');
      el.api = '';
      await until(() => $(el, 'form[part=form]') !== null, 'the form again');
      expect($(el, '[data-failure]') === null, 'no failure').to.be.true;
    });
  });
});
