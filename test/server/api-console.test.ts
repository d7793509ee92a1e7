/**
 * The upper level's console over real HTTP (issue 8): the cells it may see,
 * the HD 03 check before registering, delegates assigned to attend from their
 * own bridge point (then joining over the real WebSocket with their invite),
 * the assessment scored by the frame and read back by the cell, and the
 * yearly pilot report (JSON and CSV) written when the meeting closed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { vietnamYearMonth } from '../../src/core/index.js';
import { ApiTestServer, type ApiAnswer } from '../helpers/api.js';
import { WsPeer } from '../helpers/ws-peer.js';

const rosterCsv = (n: number) => ['id,name,status', ...Array.from({ length: n }, (_, i) => `m${i + 1},Đảng viên ${i + 1},full`)].join('\n');
const codes = (answer: ApiAnswer, key: 'checks' | 'refused' | 'reasons') => (answer.json[key] as Array<{ code: string }>).map((r) => r.code);

let api: ApiTestServer;
before(async () => {
  api = await ApiTestServer.start();
});
after(() => api.stop());

async function cellWith(server: ApiTestServer, id: string, members: number, extra: Record<string, unknown> = {}): Promise<void> {
  const created = await server.request('POST', '/api/cells', { json: { id, name: `Chi bộ ${id}`, parentId: 'duk', parentName: 'Đảng ủy Khối', ...extra } });
  assert.equal(created.status, 201, created.text);
  const imported = await server.request('PUT', `/api/cells/${id}/roster`, { body: rosterCsv(members), contentType: 'text/csv' });
  assert.equal(imported.status, 200, imported.text);
}

const meetingBody = (cellId: string, fields: Record<string, unknown> = {}) => ({
  cellId,
  title: 'Sinh hoạt chi bộ tháng 3',
  scheduledAt: '2026-03-10T19:30:00+07:00',
  mode: 'hybrid',
  chairId: 'm1',
  ...fields,
});

/** Sends a command over the WebSocket and waits for its ack. */
async function command(peer: WsPeer, id: string, cmd: Record<string, unknown>): Promise<void> {
  peer.send({ type: 'command', id, command: cmd });
  const reply = await peer.next((m) => (m.type === 'ack' || m.type === 'reject') && m.id === id);
  assert.equal(reply.type, 'ack', JSON.stringify(reply));
}

describe('GET /api/cells: the cells the token may see', () => {
  before(async () => {
    await cellWith(api, 'cb-list-a', 3);
    await cellWith(api, 'cb-list-b', 2, { parentId: 'other-committee' });
  });

  it('lists cells without rosters, only in the token’s units; 401 without a token; 403 for a unit outside; the bad parameter named', async () => {
    const scoped = await api.admin({ units: ['duk'] });
    const answer = await api.request('GET', '/api/cells', { token: scoped });
    assert.equal(answer.status, 200);
    const cells = answer.json['cells'] as Array<Record<string, unknown>>;
    assert.ok(cells.some((c) => c['id'] === 'cb-list-a'));
    assert.ok(!cells.some((c) => c['id'] === 'cb-list-b'));
    const a = cells.find((c) => c['id'] === 'cb-list-a')!;
    assert.deepEqual(a['counts'], { members: 3, full: 3, probationary: 0 });
    assert.equal(a['members'], undefined, 'no roster in the list');
    assert.equal((await api.request('GET', '/api/cells', { token: null })).status, 401);
    const outside = await api.request('GET', '/api/cells?unit=other-committee', { token: scoped });
    assert.equal(outside.status, 403);
    assert.equal(outside.json['code'], 'forbidden');
    const ofCell = await api.request('GET', '/api/cells?unit=cb-list-a', { token: scoped });
    assert.deepEqual((ofCell.json['cells'] as Array<{ id: string }>).map((c) => c.id), ['cb-list-a'], 'a cell under the token’s unit, by its own id');
    const bad = await api.request('GET', '/api/cells?unit=a%20b', { token: scoped });
    assert.equal(bad.status, 400);
    assert.equal(bad.json['field'], 'unit');
    assert.equal((await api.request('GET', '/api/cells?colour=red')).json['field'], 'colour');
  });
});

describe('POST /api/meetings/check: the HD 03 verdict before registering', () => {
  it('tells a cell its 4th online meeting of the year is refused, naming the rule and the count against the limit of 3', async () => {
    await cellWith(api, 'cb-check', 4, { cannotMeetInPerson: ['m1', 'm2', 'm3', 'm4'] });
    for (const month of ['02', '04', '06']) {
      const scheduled = await api.request('POST', '/api/meetings', { json: meetingBody('cb-check', { mode: 'online', scheduledAt: `2026-${month}-10T19:30:00+07:00` }) });
      assert.equal(scheduled.status, 201, scheduled.text);
    }
    const check = await api.request('POST', '/api/meetings/check', { json: meetingBody('cb-check', { scheduledAt: '2026-09-10T19:30:00+07:00' }) });
    assert.equal(check.status, 200);
    assert.equal(check.json['allowed'], false);
    assert.deepEqual([check.json['year'], check.json['onlineThisYear'], check.json['onlineLimit']], [2026, 3, 3]);
    assert.deepEqual(codes(check, 'refused'), ['online-limit-reached']);
    const reason = (check.json['refused'] as Array<{ vi: string; en: string }>)[0]!;
    assert.match(reason.vi, /không quá 3 lần/);
    assert.match(reason.vi, /03-HD\/TW/);
    assert.match(reason.en, /at most 3 time/);
    const nextYear = await api.request('POST', '/api/meetings/check', { json: meetingBody('cb-check', { scheduledAt: '2027-01-10T19:30:00+07:00' }) });
    assert.deepEqual([nextYear.json['allowed'], nextYear.json['onlineThisYear']], [true, 0]);
    assert.equal((await api.request('GET', '/api/meetings?unit=cb-check')).json['meetings'] instanceof Array, true);
    assert.equal(((await api.request('GET', '/api/meetings?unit=cb-check')).json['meetings'] as unknown[]).length, 3, 'checking registers nothing');
  });

  it('tells a base committee its 2nd online meeting is refused (limit 1)', async () => {
    await cellWith(api, 'dbcs-check', 3, { unitKind: 'base-committee', cannotMeetInPerson: ['m1', 'm2'] });
    const first = await api.request('POST', '/api/meetings/check', { json: meetingBody('dbcs-check') });
    assert.deepEqual([first.json['allowed'], first.json['onlineLimit']], [true, 1]);
    assert.equal((await api.request('POST', '/api/meetings', { json: meetingBody('dbcs-check') })).status, 201);
    const second = await api.request('POST', '/api/meetings/check', { json: meetingBody('dbcs-check', { scheduledAt: '2026-06-10T19:30:00+07:00' }) });
    assert.equal(second.json['allowed'], false);
    assert.deepEqual(codes(second, 'refused'), ['online-limit-reached']);
    assert.match((second.json['refused'] as Array<{ vi: string }>)[0]!.vi, /đảng bộ cơ sở được sinh hoạt trực tuyến không quá 1 lần/);
  });

  it('tells a cell whose members mostly meet in one place it is not eligible (national policy)', async () => {
    await cellWith(api, 'cb-together', 8, { cannotMeetInPerson: ['m2', 'm3'] });
    for (const mode of ['online', 'hybrid']) {
      const check = await api.request('POST', '/api/meetings/check', { json: meetingBody('cb-together', { mode }) });
      assert.equal(check.json['allowed'], false);
      assert.deepEqual(codes(check, 'refused'), ['online-not-eligible']);
    }
    const inPerson = await api.request('POST', '/api/meetings/check', { json: meetingBody('cb-together', { mode: 'in-person', bridgePoints: [{ id: 'p', name: 'Phòng họp' }] }) });
    assert.equal(inPerson.json['allowed'], true);
  });

  it('where the province’s policy lowers the share, such a cell may hold a hybrid meeting but not a fully online one, told why', async () => {
    const province = await ApiTestServer.start({ policy: { onlineEligibilityShare: 0.25 } });
    try {
      await cellWith(province, 'cb-mostly-together', 8, { cannotMeetInPerson: ['m2', 'm3', 'm4'] });
      const online = await province.request('POST', '/api/meetings/check', { json: meetingBody('cb-mostly-together', { mode: 'online' }) });
      assert.equal(online.json['allowed'], false);
      assert.deepEqual(codes(online, 'refused'), ['fully-online-not-allowed']);
      assert.match((online.json['refused'] as Array<{ vi: string }>)[0]!.vi, /trực tiếp kết hợp trực tuyến/);
      const hybrid = await province.request('POST', '/api/meetings/check', { json: meetingBody('cb-mostly-together') });
      assert.equal(hybrid.json['allowed'], true);
      assert.equal(codes(hybrid, 'checks')[0], 'online-eligible-hybrid');
    } finally {
      await province.stop();
    }
  });

  it('names the field at fault, refuses a cell outside the token’s units (403) and a request without a token (401)', async () => {
    const bad = await api.request('POST', '/api/meetings/check', { json: meetingBody('cb-check', { scheduledAt: '10/03/2026' }) });
    assert.equal(bad.status, 400);
    assert.equal(bad.json['field'], 'scheduledAt');
    const chair = await api.request('POST', '/api/meetings/check', { json: meetingBody('cb-check', { chairId: 'nobody' }) });
    assert.equal(chair.json['field'], 'chairId');
    const other = await api.admin({ units: ['other-committee'] });
    assert.equal((await api.request('POST', '/api/meetings/check', { token: other, json: meetingBody('cb-check') })).status, 403);
    assert.equal((await api.request('POST', '/api/meetings/check', { token: null, json: meetingBody('cb-check') })).status, 401);
  });
});

describe('delegates, assessment and the pilot report, as the upper level uses them', () => {
  const meetingId = 'hop-thang-3';
  // The meeting is held now (the server's real clock): scheduled now, so that the report's year and month are the same.
  const scheduledAt = new Date().toISOString();
  const { year, month } = vietnamYearMonth(scheduledAt);
  let chair: WsPeer;

  before(async () => {
    await cellWith(api, 'cb-pilot', 5, { cannotMeetInPerson: ['m2', 'm3', 'm4'], locality: 'Yên Bái' });
    const scheduled = await api.request('POST', '/api/meetings', {
      json: meetingBody('cb-pilot', { id: meetingId, scheduledAt, bridgePoints: [{ id: 'chinh', name: 'Hội trường chi bộ', main: true }] }),
    });
    assert.equal(scheduled.status, 201, scheduled.text);
  });
  after(() => chair?.close());

  it('refuses assignments without a token (401), outside the token’s units (403), and names the field at fault (400)', async () => {
    const body = { delegates: [{ id: 'dang-van-son', name: 'Đặng Văn Sơn' }] };
    assert.equal((await api.request('POST', `/api/meetings/${meetingId}/delegates`, { token: null, json: body })).status, 401);
    const other = await api.admin({ units: ['other-committee'] });
    const forbidden = await api.request('POST', `/api/meetings/${meetingId}/delegates`, { token: other, json: body });
    assert.equal(forbidden.status, 403);
    const cases: Array<[unknown, string]> = [
      [{ delegates: [] }, 'delegates'],
      [{ delegates: [{ id: 'x', name: ' ' }] }, 'delegates.0.name'],
      [{ delegates: [{ id: 'x', name: 'X', bridgePointId: 'nowhere' }] }, 'delegates.0.bridgePointId'],
      [{ delegates: [{ id: 'm2', name: 'X' }] }, 'delegates.0.id'],
      [{ delegates: [{ id: 'x', name: 'X' }, { id: 'x', name: 'Y' }] }, 'delegates.1.id'],
      [{ delegates: [{ id: 'x', name: 'X' }], bridgePoints: [{ id: 'b', name: 'B' }, { id: 'b', name: 'B' }] }, 'bridgePoints.1.id'],
      [{ delegates: [{ id: 'x', name: 'X' }], colour: 'red' }, 'colour'],
      [{ delegates: [{ id: 'x', name: 'X' }], expiresAt: '2020-01-01T00:00:00Z' }, 'expiresAt'],
    ];
    for (const [json, field] of cases) {
      const answer = await api.request('POST', `/api/meetings/${meetingId}/delegates`, { json });
      assert.equal(answer.status, 400, `${JSON.stringify(json)}: ${answer.text}`);
      assert.equal(answer.json['field'], field, JSON.stringify(json));
    }
    const listed = (await api.request('GET', '/api/meetings?unit=cb-pilot')).json['meetings'] as Array<{ delegates: unknown[] }>;
    assert.deepEqual(listed[0]!.delegates, [], 'a refused request assigned no one');
    assert.equal((await api.request('POST', '/api/meetings/nope/delegates', { json: body })).status, 404);
  });

  it('assigns standing-committee members from their own bridge point, with invite links; the schedule registry shows them; assigning again adds no one', async () => {
    const scoped = await api.admin({ units: ['duk'] });
    const answer = await api.request('POST', `/api/meetings/${meetingId}/delegates`, {
      token: scoped,
      json: {
        delegates: [
          { id: 'dang-van-son', name: 'Đặng Văn Sơn', organization: 'Ban Thường vụ Đảng ủy Khối', bridgePointId: 'duk-point' },
          { id: 'le-thi-hoa', name: 'Lê Thị Hoa', organization: 'Ban Tổ chức Đảng ủy Khối', bridgePointId: 'chinh' },
        ],
        bridgePoints: [{ id: 'duk-point', name: 'Điểm cầu Đảng ủy Khối' }],
      },
    });
    assert.equal(answer.status, 200, answer.text);
    assert.deepEqual(answer.json['assigned'], ['dang-van-son', 'le-thi-hoa']);
    assert.deepEqual(answer.json['delegates'], [
      { id: 'dang-van-son', name: 'Đặng Văn Sơn', organization: 'Ban Thường vụ Đảng ủy Khối', bridgePointId: 'duk-point' },
      { id: 'le-thi-hoa', name: 'Lê Thị Hoa', organization: 'Ban Tổ chức Đảng ủy Khối', bridgePointId: 'chinh' },
    ]);
    const invites = answer.json['invites'] as Array<{ participantId: string; role: string; url: string; token: string }>;
    assert.deepEqual(invites.map((i) => [i.participantId, i.role]), [['dang-van-son', 'delegate'], ['le-thi-hoa', 'delegate']]);
    assert.match(invites[0]!.url, /\?invite=/);

    const listed = (await api.request('GET', '/api/meetings?unit=duk', { token: scoped })).json['meetings'] as Array<Record<string, unknown>>;
    const entry = listed.find((m) => m['id'] === meetingId)!;
    assert.deepEqual((entry['delegates'] as Array<{ id: string; bridgePointId?: string }>).map((d) => [d.id, d.bridgePointId]), [['dang-van-son', 'duk-point'], ['le-thi-hoa', 'chinh']]);
    assert.deepEqual((entry['bridgePoints'] as Array<{ id: string }>).map((b) => b.id), ['chinh', 'duk-point']);
    const stored = await api.registry.meeting(meetingId);
    assert.deepEqual(stored!.definition.delegates.map((d) => d.id), ['dang-van-son', 'le-thi-hoa'], 'the registry entry too');

    const again = await api.request('POST', `/api/meetings/${meetingId}/delegates`, { json: { delegates: [{ id: 'dang-van-son', name: 'Đặng Văn Sơn' }], invites: false } });
    assert.equal(again.status, 200);
    assert.deepEqual([again.json['assigned'], again.json['invites'], (again.json['delegates'] as unknown[]).length], [[], [], 2]);

    // The delegate joins over the real WebSocket with the invite, as a delegate at their own bridge point.
    const { peer, welcome } = await WsPeer.join(api.url, invites[0]!.token);
    assert.deepEqual(welcome['you'], { participantId: 'dang-van-son', role: 'delegate', name: 'Đặng Văn Sơn' });
    const snapshot = welcome['snapshot'] as { seating: Record<string, string> };
    assert.equal(snapshot.seating['dang-van-son'], 'duk-point');
    peer.close();
  });

  it('runs the meeting: the chair opens it, takes the roll, gives a delegate the floor, and closes it; the report line is written at the close', async () => {
    const invites = await api.request('POST', `/api/meetings/${meetingId}/invites`, { json: { participantIds: ['m1', 'dang-van-son'] } });
    const [chairInvite, delegateInvite] = invites.json['invites'] as Array<{ token: string }>;
    chair = (await WsPeer.join(api.url, chairInvite!.token)).peer;
    const delegate = (await WsPeer.join(api.url, delegateInvite!.token)).peer;
    await command(chair, 'c1', { type: 'open-meeting' });
    const marks: Array<[string, string, string?]> = [
      ['m1', 'present-in-person'],
      ['m2', 'present-online'],
      ['m3', 'present-online'],
      ['m4', 'absent-with-reason', 'Đi công tác'],
      ['m5', 'absent-without-reason'],
    ];
    for (const [i, [memberId, mark, reason]] of marks.entries()) {
      await command(chair, `mark-${i}`, { type: 'mark-attendance', memberId, mark, ...(reason ? { reason } : {}), ...(mark === 'present-in-person' ? { bridgePointId: 'chinh' } : {}) });
    }
    await command(delegate, 'd1', { type: 'raise-hand' });
    await command(chair, 'c2', { type: 'give-floor', participantId: 'dang-van-son' });
    await command(chair, 'c3', { type: 'end-floor' });
    const written = api.reportWritten(meetingId);
    await command(chair, 'c4', { type: 'close-meeting' });
    assert.equal(await written, true);
    delegate.close();
    const refused = await api.request('POST', `/api/meetings/${meetingId}/delegates`, { json: { delegates: [{ id: 'late', name: 'Đến muộn' }] } });
    assert.equal(refused.status, 409);
    assert.equal(refused.json['code'], 'meeting-closed');
  });

  it('records a delegate’s assessment scored by the frame’s criteria, naming a criterion at fault', async () => {
    const path = `/api/meetings/${meetingId}/assessment`;
    const base = { delegateId: 'dang-van-son', strengths: 'Chuẩn bị chu đáo', limitations: 'Điểm cầu mất tiếng 5 phút', lessons: 'Kiểm tra đường truyền trước' };
    const criteria = { preparation: 18, attendance: 12, procedure: 18, content: 26, technology: 12 };
    const over = await api.request('POST', path, { json: { ...base, criteria: { ...criteria, content: 31 } } });
    assert.equal(over.status, 400);
    assert.equal(over.json['field'], 'criteria.content');
    const missing = await api.request('POST', path, { json: { ...base, criteria: { preparation: 18 } } });
    assert.equal(missing.status, 400);
    assert.ok((missing.json['issues'] as Array<{ field: string }>).some((i) => i.field === 'criteria.technology'));
    const mismatch = await api.request('POST', path, { json: { ...base, criteria, score: 99 } });
    assert.equal(mismatch.json['field'], 'score');
    const notDelegate = await api.request('POST', path, { json: { ...base, delegateId: 'm2' } });
    assert.equal(notDelegate.json['field'], 'delegateId');
    assert.equal((await api.request('POST', path, { token: await api.admin({ units: ['other-committee'] }), json: base })).status, 403);

    const recorded = await api.request('POST', path, { json: { ...base, criteria } });
    assert.equal(recorded.status, 201, recorded.text);
    const assessment = recorded.json['assessment'] as Record<string, unknown>;
    assert.equal(assessment['score'], 86);
    assert.deepEqual(assessment['grade'], { id: 'fair', vi: 'Khá', en: 'Fair' });
    assert.deepEqual(assessment['criteria'], criteria);
    const second = await api.request('POST', path, { json: { ...base, delegateId: 'le-thi-hoa', score: 92 } });
    assert.deepEqual((second.json['assessment'] as Record<string, unknown>)['grade'], { id: 'good', vi: 'Tốt', en: 'Good' });
  });

  it('lets the cell read the feedback back with the mean score, its grade and the frame (GET), within the token’s units', async () => {
    const path = `/api/meetings/${meetingId}/assessment`;
    const cellToken = await api.admin({ units: ['cb-pilot'] });
    const answer = await api.request('GET', path, { token: cellToken });
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.json['phase'], 'closed');
    const list = answer.json['assessments'] as Array<Record<string, unknown>>;
    assert.deepEqual(list.map((a) => [a['delegateId'], a['delegateName'], a['score']]), [['dang-van-son', 'Đặng Văn Sơn', 86], ['le-thi-hoa', 'Lê Thị Hoa', 92]]);
    assert.equal(list[0]!['limitations'], 'Điểm cầu mất tiếng 5 phút');
    assert.deepEqual(answer.json['summary'], { count: 2, scored: 2, score: 89, grade: { id: 'fair', vi: 'Khá', en: 'Fair' } });
    const frame = answer.json['frame'] as { criteria: Array<{ id: string; maxPoints: number }>; maxScore: number };
    assert.deepEqual([frame.maxScore, frame.criteria.length], [100, 5]);
    assert.equal((await api.request('GET', path, { token: await api.admin({ units: ['other-committee'] }) })).status, 403);
    assert.equal((await api.request('GET', path, { token: null })).status, 401);
    assert.equal((await api.request('GET', '/api/meetings/nope/assessment')).status, 404);
  });

  it('shows the meeting in the pilot report with its attendance, absentee, duration and score; per member the months; per cell the count against the limit', async () => {
    const scoped = await api.admin({ units: ['duk'] });
    const answer = await api.request('GET', `/api/reports/pilot?year=${year}&unit=cb-pilot`, { token: scoped });
    assert.equal(answer.status, 200, answer.text);
    const report = answer.json as {
      year: number;
      cells: Array<Record<string, unknown>>;
      meetings: Array<Record<string, unknown>>;
      members: Array<Record<string, unknown>>;
      months: Array<Record<string, unknown>>;
    };
    assert.equal(report.year, year);
    assert.equal(meetingMonth(report), month);
    const [meeting] = report.meetings;
    assert.equal(meeting!['meetingId'], meetingId);
    assert.deepEqual(
      [meeting!['mode'], meeting!['kind'], meeting!['membersCounted'], meeting!['present'], meeting!['attendanceRate'], meeting!['absentWithReason'], meeting!['absentWithoutReason']],
      ['hybrid', 'regular', 5, 3, 0.6, 1, 1],
    );
    assert.deepEqual(meeting!['absenteesWithoutReason'], [{ memberId: 'm5', name: 'Đảng viên 5' }]);
    assert.deepEqual([meeting!['requiredMinutes'], meeting!['durationMet'], meeting!['assessments'], meeting!['score']], [90, false, 2, 89]);
    assert.deepEqual(meeting!['grade'], { id: 'fair', vi: 'Khá', en: 'Fair' });
    const cell = report.cells.find((c) => c['cellId'] === 'cb-pilot')!;
    assert.deepEqual(
      [cell['onlineScheduled'], cell['onlineHeld'], cell['onlineLimit'], cell['meetingsHeld'], cell['attendanceRate'], cell['shortMeetings'], cell['score'], cell['membersWarned']],
      [1, 1, 3, 1, 0.6, 1, 89, 0],
    );
    assert.deepEqual(report.cells.map((c) => c['cellId']), ['cb-pilot'], 'only the unit asked for');
    const m5 = report.members.find((m) => m['memberId'] === 'm5')!;
    assert.deepEqual([m5['meetings'], m5['present'], m5['monthsAbsentWithoutReason'], m5['level']], [1, 0, [month], 'none']);
    assert.match((m5['message'] as { vi: string }).vi, /Điều lệ Đảng, Điều 8, khoản 2/);
    assert.deepEqual(report.months, [{ month, meetings: 1, membersCounted: 5, present: 3, attendanceRate: 0.6 }]);
  });

  it('exports each table as CSV with a byte-order mark, Vietnamese intact, or in English', async () => {
    const res = await fetch(`${api.url}/api/reports/pilot?year=${year}&unit=cb-pilot&format=csv&table=meetings`, { headers: { authorization: `Bearer ${await api.admin()}` } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="bao-cao-thi-diem-\d{4}-cb-pilot-meetings\.csv"/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split('\r\n');
    assert.match(lines[0]!, /^Mã cuộc họp,Mã chi bộ,Chi bộ,Tiêu đề,Thời gian họp/);
    assert.match(lines[1]!, /^hop-thang-3,cb-pilot,Chi bộ cb-pilot,Sinh hoạt chi bộ tháng 3,\d\d:\d\d ngày \d\d\/\d\d\/\d{4},\d+,Thường kỳ,/);
    assert.match(lines[1]!, /,Trực tiếp kết hợp trực tuyến,5,3,1,2,60,1,1,Đảng viên 5,\d+,90,Không,2,89,Khá$/);
    assert.equal(lines.at(-1), '', 'ends with a line break');
    for (const table of ['cells', 'members'] as const) {
      const answer = await api.request('GET', `/api/reports/pilot?year=${year}&unit=cb-pilot&format=csv&table=${table}&lang=en`);
      assert.equal(answer.status, 200);
      // (fetch's text() drops the byte-order mark, checked above on the bytes)
      assert.match(answer.text, table === 'cells' ? /^Unit id,Unit,Kind/ : /^Cell id,Member id,Name/);
      assert.ok(answer.text.split('\r\n').length >= 3, answer.text);
    }
  });

  it('refuses a report outside the token’s units (403), without a token (401), and names the bad parameter (400)', async () => {
    const other = await api.admin({ units: ['other-committee'] });
    assert.equal((await api.request('GET', `/api/reports/pilot?year=${year}&unit=cb-pilot`, { token: other })).status, 403);
    const mine = await api.request('GET', `/api/reports/pilot?year=${year}`, { token: other });
    assert.equal(mine.status, 200);
    assert.deepEqual((mine.json['meetings'] as unknown[]).length, 0, 'a scoped token sees no meeting of other units');
    assert.deepEqual((mine.json['cells'] as Array<{ cellId: string }>).map((c) => c.cellId), ['cb-list-b'], 'only its own cells');
    assert.equal((await api.request('GET', '/api/reports/pilot?year=2026', { token: null })).status, 401);
    for (const [query, field] of [
      ['', 'year'],
      ['year=26', 'year'],
      ['year=1999', 'year'],
      ['year=2026&year=2027', 'year'],
      ['year=2026&format=xml', 'format'],
      ['year=2026&format=csv', 'table'],
      ['year=2026&format=csv&table=votes', 'table'],
      ['year=2026&table=cells', 'table'],
      ['year=2026&unit=a%20b', 'unit'],
    ] as const) {
      const answer = await api.request('GET', `/api/reports/pilot?${query}`);
      assert.equal(answer.status, 400, query);
      assert.equal(answer.json['code'], 'invalid-query', query);
      assert.equal(answer.json['field'], field, query);
    }
  });
});

/** The month of the report's only meeting. */
const meetingMonth = (report: { meetings: Array<Record<string, unknown>> }) => report.meetings[0]!['month'];
