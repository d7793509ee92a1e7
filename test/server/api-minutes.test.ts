import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createApi } from '../../server/api/index.js';
import { SqliteEventStore } from '../../server/sqlite-event-store.js';
import { SECRET } from '../helpers/server.js';
import { ApiTestServer } from '../helpers/api.js';
import { WsPeer } from '../helpers/ws-peer.js';

const MEETING = 'chi-bo-bb-2026-11';
const NOTE = '<script>alert("x")</script> & "ghi chú"';

describe('REST API: minutes and the delegates’ assessment', () => {
  let api: ApiTestServer;
  const peers: WsPeer[] = [];
  let n = 0;
  const command = async (peer: WsPeer, cmd: object) => {
    const id = `c${++n}`;
    peer.send({ type: 'command', id, command: cmd });
    const reply = await peer.next((m) => m.id === id);
    assert.equal(reply.type, 'ack', JSON.stringify(reply));
  };
  const assess = (json: unknown) => api.request('POST', `/api/meetings/${MEETING}/assessment`, { json });
  const goodAssessment = {
    delegateId: 'dai-bieu',
    strengths: 'Chuẩn bị chu đáo; tài liệu gửi trước 2 ngày',
    limitations: 'Điểm cầu xã mất tiếng 5 phút',
    lessons: 'Kiểm tra đường truyền trước <giờ họp>',
    score: 88,
  };

  before(async () => {
    api = await ApiTestServer.start();
    await api.request('POST', '/api/cells', {
      json: { id: 'chi-bo-bb', name: 'Chi bộ Thôn Bản', parentId: 'dang-uy-tuy-loc', parentName: 'Đảng ủy xã Tuy Lộc', locality: 'Yên Bái', cannotMeetInPerson: ['m1', 'm2', 'm3'] },
    });
    const csv = 'id,name,status\nm1,Hoàng Văn Minh,full\nm2,Nguyễn Thị Lan,full\nm3,Trần Đức Thắng,full\nm4,Bùi Thị Ngọc Anh,probationary\n';
    await api.request('PUT', '/api/cells/chi-bo-bb/roster', { body: csv, contentType: 'text/csv' });
    const scheduled = await api.request('POST', '/api/meetings', {
      json: {
        id: MEETING,
        cellId: 'chi-bo-bb',
        title: 'Sinh hoạt chi bộ định kỳ tháng 11/2026',
        scheduledAt: '2026-11-25T19:30:00+07:00',
        mode: 'hybrid',
        chairId: 'm1',
        delegates: [{ id: 'dai-bieu', name: 'Đặng Văn Sơn', organization: 'Đảng ủy xã' }],
        bridgePoints: [{ id: 'nha-van-hoa', name: 'Nhà văn hóa thôn', main: true }],
      },
    });
    assert.equal(scheduled.status, 201, scheduled.text);
    const invites = (await api.request('POST', `/api/meetings/${MEETING}/invites`, { json: { participantIds: ['m1', 'm2', 'm3'] } })).json['invites'] as Array<{
      token: string;
    }>;
    for (const invite of invites) peers.push((await WsPeer.join(api.url, invite.token)).peer);
  });
  after(async () => {
    for (const p of peers) p.close();
    await api.stop();
  });

  it('refuses an assessment before the meeting is closed (409)', async () => {
    const answer = await assess(goodAssessment);
    assert.equal(answer.status, 409);
    assert.equal(answer.json['code'], 'meeting-not-closed');
  });

  it('serves the minutes of the meeting as held, as JSON', async () => {
    const [chair, lan, thang] = peers as [WsPeer, WsPeer, WsPeer];
    await command(chair, { type: 'open-meeting' });
    await command(chair, { type: 'elect-recorder', memberId: 'm2' });
    for (const memberId of ['m1', 'm2', 'm3']) await command(chair, { type: 'mark-attendance', memberId, mark: 'present-online' });
    await command(chair, { type: 'mark-attendance', memberId: 'm4', mark: 'absent-with-reason', reason: 'Ốm, có giấy' });
    await command(lan, { type: 'add-minutes-note', text: NOTE });
    await command(chair, { type: 'record-conclusion', text: 'Thống nhất <b>kế hoạch</b> tháng 12' });
    await command(chair, { type: 'create-motion', motion: { id: 'nq', title: 'Thông qua nghị quyết tháng 11', ballot: 'open', threshold: 'majority', tags: ['resolution'] } });
    await command(chair, { type: 'open-vote', motionId: 'nq' });
    await command(chair, { type: 'cast-ballot', motionId: 'nq', choice: 'agree' });
    await command(lan, { type: 'cast-ballot', motionId: 'nq', choice: 'agree' });
    await command(thang, { type: 'cast-ballot', motionId: 'nq', choice: 'disagree' });
    await command(chair, { type: 'close-vote', motionId: 'nq' });
    await command(chair, { type: 'rate-meeting', score: 90 });
    await command(chair, { type: 'begin-closing' });
    await command(chair, { type: 'close-meeting' });

    const answer = await api.request('GET', `/api/meetings/${MEETING}/minutes`);
    assert.equal(answer.status, 200);
    assert.equal(answer.json['phase'], 'closed');
    const minutes = answer.json['minutes'] as {
      recorder: string;
      attendance: { present: number; absentWithReason: number };
      votes: Array<{ result: { tally: { agree: number }; denominator: { value: number }; passed: boolean } }>;
      conclusions: Array<{ text: string }>;
      status: string;
    };
    assert.equal(minutes.recorder, 'Nguyễn Thị Lan');
    assert.deepEqual([minutes.attendance.present, minutes.attendance.absentWithReason], [3, 1]);
    assert.deepEqual([minutes.votes[0]!.result.tally.agree, minutes.votes[0]!.result.denominator.value, minutes.votes[0]!.result.passed], [2, 3, true]);
    assert.ok(minutes.conclusions.some((c) => c.text === NOTE), 'the raw text in JSON; escaping is the HTML page’s job');
    assert.equal(minutes.status, 'draft');
  });

  it('records a delegate’s assessment after the meeting, naming a bad field (400)', async () => {
    for (const [change, field] of [
      [{ strengths: '  ' }, 'strengths'],
      [{ score: 150 }, 'score'],
      [{ score: 7.5 }, 'score'],
      [{ delegateId: 'm2' }, 'delegateId'],
      [{ rating: 'tốt' }, 'rating'],
    ] as const) {
      const answer = await assess({ ...goodAssessment, ...change });
      assert.equal(answer.status, 400, JSON.stringify(change));
      assert.equal(answer.json['field'], field, answer.text);
    }
    const recorded = await assess(goodAssessment);
    assert.equal(recorded.status, 201, recorded.text);
    const kept = (await api.request('GET', `/api/meetings/${MEETING}/minutes`)).json['assessments'] as Array<Record<string, unknown>>;
    assert.equal(kept.length, 1);
    assert.equal(kept[0]!['lessons'], goodAssessment.lessons);
    assert.equal(kept[0]!['score'], 88);
    assert.equal(kept[0]!['recordedBy'], 'test-portal');
  });

  it('prints the minutes in the national layout, escaped, UTF-8, under a CSP that runs nothing', async () => {
    const answer = await api.request('GET', `/api/meetings/${MEETING}/minutes.html`);
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('content-type'), 'text/html; charset=utf-8');
    const csp = answer.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|script-src/);
    const style = /<style>([\s\S]*?)<\/style>/.exec(answer.text)![1]!;
    assert.ok(csp.includes(`'sha256-${createHash('sha256').update(style).digest('base64')}'`), 'the one stylesheet is allowed by its hash');

    const html = answer.text;
    assert.doesNotMatch(html, /<script/i, 'no script element, even from a note');
    assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;ghi chú&quot;'), 'the note is shown as text');
    assert.ok(html.includes('Thống nhất &lt;b&gt;kế hoạch&lt;/b&gt; tháng 12'));
    assert.ok(html.includes('Kiểm tra đường truyền trước &lt;giờ họp&gt;'), 'the assessment is kept with the minutes');
    const inOrder = [
      'ĐẢNG ỦY XÃ TUY LỘC',
      'CHI BỘ THÔN BẢN',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Yên Bái, ngày',
      'BIÊN BẢN SINH HOẠT CHI BỘ ĐỊNH KỲ',
      'Địa điểm: Nhà văn hóa thôn.',
      'Chủ trì: Hoàng Văn Minh. Thư ký: Nguyễn Thị Lan.',
      'Đặng Văn Sơn, Đảng ủy xã',
      'Tổng số đảng viên: 4 (chính thức 3, dự bị 1',
      'Có mặt: 3 (trực tiếp 0, trực tuyến 3); vắng có lý do: 1; vắng không có lý do: 0',
      'Bùi Thị Ngọc Anh: vắng có lý do (Ốm, có giấy)',
      'Thông qua nghị quyết tháng 11',
      '2/3 tán thành (66,7 %) — đạt',
      'Tán thành 2, không tán thành 1, ý kiến khác 0',
      'Chấm điểm buổi sinh hoạt: 90 điểm',
      'Nhận xét của đại biểu cấp trên',
      'Cuộc họp kết thúc lúc',
      'THƯ KÝ',
      'CHỦ TRÌ',
    ];
    let at = 0;
    for (const text of inOrder) {
      const found = html.indexOf(text, at);
      assert.ok(found >= 0, `"${text}" after position ${at}`);
      at = found + text.length;
    }
    assert.match(html, /Yên Bái, ngày \d{1,2} tháng 11 năm 2026/);
    assert.ok(html.includes('BẢN DỰ THẢO'), 'minutes not adopted are marked as a draft');
  });

  it('keeps one assessment per delegate, and the minutes to the units that may see them', async () => {
    assert.equal((await assess({ ...goodAssessment, score: 75 })).status, 201);
    const kept = (await api.request('GET', `/api/meetings/${MEETING}/minutes`)).json['assessments'] as Array<{ score: number }>;
    assert.deepEqual(kept.map((a) => a.score), [75]);
    const own = await api.admin({ units: ['dang-uy-tuy-loc'] });
    const other = await api.admin({ units: ['dang-uy-khac'] });
    assert.equal((await api.request('GET', `/api/meetings/${MEETING}/minutes.html`, { token: own })).status, 200);
    assert.equal((await api.request('GET', `/api/meetings/${MEETING}/minutes.html`, { token: other })).status, 403);
    assert.equal((await api.request('GET', `/api/meetings/${MEETING}/minutes`, { token: other })).status, 403);
    assert.equal((await api.request('POST', `/api/meetings/${MEETING}/assessment`, { token: other, json: goodAssessment })).status, 403);
    assert.equal((await api.request('GET', '/api/meetings/nope/minutes.html')).status, 404);
  });

  it('serves the minutes from the log where another process of the province runs the meeting', async () => {
    // A second process's API: the same registry and record, but the meeting is not held in it.
    const store = new SqliteEventStore(join(api.server.dir, 'events.sqlite'));
    const elsewhere = createApi({
      registry: api.registry,
      store,
      secret: SECRET,
      log: () => {},
      server: {
        url: 'http://127.0.0.1:1',
        tokens: api.server.server.tokens,
        meeting: () => undefined,
        createMeeting: () => Promise.reject(new Error('not here')),
        disconnect: () => 0,
      },
    });
    const http = createServer((req, res) => void elsewhere.handle(req, res));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
      const headers = { authorization: `Bearer ${await api.admin()}` };
      const here = (await api.request('GET', `/api/meetings/${MEETING}/minutes`)).json;
      const there = (await (await fetch(`${base}/api/meetings/${MEETING}/minutes`, { headers })).json()) as Record<string, unknown>;
      assert.deepEqual(there, here);
      assert.equal((await fetch(`${base}/api/meetings/${MEETING}/minutes.html`, { headers })).status, 200);
    } finally {
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await store.close();
    }
  });
});
