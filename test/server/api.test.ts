import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SignJWT } from 'jose';
import { ADMIN_AUDIENCE, AdminTokens } from '../../server/api/index.js';
import { ApiTestServer, type ApiAnswer } from '../helpers/api.js';
import { SECRET } from '../helpers/server.js';

/** A roster of `n` full members with ids m1…mn; the first chairs. */
const rosterCsv = (n: number) => ['id,name,status', ...Array.from({ length: n }, (_, i) => `m${i + 1},Đảng viên ${i + 1},full`)].join('\n');

/** Reasons of a 422 refusal, by code. */
const reasonCodes = (answer: ApiAnswer) => (answer.json['reasons'] as Array<{ code: string }>).map((r) => r.code);

let api: ApiTestServer;
before(async () => {
  api = await ApiTestServer.start();
});
after(() => api.stop());

/** Creates a cell and imports a roster of `members` full members. */
async function cellWith(id: string, members: number, extra: Record<string, unknown> = {}): Promise<void> {
  const created = await api.request('POST', '/api/cells', { json: { id, name: `Chi bộ ${id}`, parentId: 'dang-uy-xa', parentName: 'Đảng ủy xã Tuy Lộc', ...extra } });
  assert.equal(created.status, 201, created.text);
  const imported = await api.request('PUT', `/api/cells/${id}/roster`, { body: rosterCsv(members), contentType: 'text/csv' });
  assert.equal(imported.status, 200, imported.text);
}

/** Schedules a meeting of `cellId`; the body may override any field. */
const schedule = (cellId: string, fields: Record<string, unknown> = {}) =>
  api.request('POST', '/api/meetings', {
    json: { cellId, title: 'Sinh hoạt chi bộ', scheduledAt: '2026-03-10T19:30:00+07:00', mode: 'hybrid', chairId: 'm1', ...fields },
  });

describe('REST API: authentication and errors', () => {
  it('refuses a request without a token, with a malformed one, or one signed with another secret (401)', async () => {
    for (const token of [null, 'not-a-jwt', await new AdminTokens('another-secret-that-is-long-enough-123').sign({ subject: 'x' })]) {
      const answer = await api.request('GET', '/api/meetings', { token });
      assert.equal(answer.status, 401);
      assert.equal(answer.json['code'], 'unauthorized');
      assert.equal(answer.headers.get('content-type'), 'application/json; charset=utf-8');
    }
  });

  it('refuses a member’s join token: it has another audience (401)', async () => {
    const join = await api.server.token('m1', 'chair', 'any-meeting');
    assert.equal((await api.request('GET', '/api/meetings', { token: join })).json['code'], 'unauthorized');
  });

  it('refuses an admin-audience token without the admin role, and an expired one (401 token-expired)', async () => {
    const key = new TextEncoder().encode(SECRET);
    const noRole = await new SignJWT({ role: 'member' }).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setAudience(ADMIN_AUDIENCE).setExpirationTime('1h').sign(key);
    assert.equal((await api.request('GET', '/api/meetings', { token: noRole })).json['code'], 'unauthorized');
    const expired = await api.admin({}, '-1s');
    const answer = await api.request('GET', '/api/meetings', { token: expired });
    assert.equal(answer.status, 401);
    assert.equal(answer.json['code'], 'token-expired');
  });

  it('answers unknown routes 404 and wrong methods 405 with Allow, as JSON with a code and a message only', async () => {
    const missing = await api.request('GET', '/api/nothing');
    assert.equal(missing.status, 404);
    assert.deepEqual(Object.keys(missing.json).sort(), ['code', 'message']);
    const wrong = await api.request('PATCH', '/api/meetings');
    assert.equal(wrong.status, 405);
    assert.equal(wrong.headers.get('allow'), 'POST, GET');
    assert.equal(wrong.json['code'], 'method-not-allowed');
  });

  it('refuses a body over 1 MiB (413), a wrong media type (415) and broken JSON (400)', async () => {
    const huge = await api.request('POST', '/api/cells', { json: { id: 'x', name: 'y'.repeat(1_100_000) } });
    assert.equal(huge.status, 413);
    assert.equal(huge.json['code'], 'payload-too-large');
    const plain = await api.request('POST', '/api/cells', { body: '{}', contentType: 'text/plain' });
    assert.equal(plain.status, 415);
    const broken = await api.request('POST', '/api/cells', { body: '{"id": ', contentType: 'application/json' });
    assert.equal(broken.status, 400);
    assert.equal(broken.json['code'], 'invalid-json');
  });

  it('answers a failure inside the server 500 server-error, without a stack trace or the cause', async () => {
    const broken = await ApiTestServer.start();
    try {
      await broken.registry.close();
      const answer = await broken.request('GET', '/api/cells/any');
      assert.equal(answer.status, 500);
      assert.deepEqual(answer.json, { code: 'server-error', message: 'The server could not handle this request; try again.' });
      assert.doesNotMatch(answer.text, /at |database|sqlite|\.ts/i);
    } finally {
      await broken.server.stop();
    }
  });
});

describe('REST API: cells and rosters', () => {
  it('creates a cell (201), refuses a second with the same id (409) and a bad field (400, named)', async () => {
    const created = await api.request('POST', '/api/cells', {
      json: { id: 'chi-bo-1', name: 'Chi bộ Thôn 1', parentId: 'dang-uy-xa', unitKind: 'cell', locality: 'Yên Bái' },
    });
    assert.equal(created.status, 201);
    assert.equal(created.headers.get('location'), '/api/cells/chi-bo-1');
    assert.equal((created.json['cell'] as { unitKind: string }).unitKind, 'cell');
    assert.equal((await api.request('POST', '/api/cells', { json: { id: 'chi-bo-1', name: 'Khác' } })).json['code'], 'cell-exists');
    for (const [json, field] of [
      [{ name: 'Không có mã' }, 'id'],
      [{ id: 'có khoảng trắng', name: 'x' }, 'id'],
      [{ id: 'ok', name: '   ' }, 'name'],
      [{ id: 'ok', name: 'x', unitKind: 'province' }, 'unitKind'],
      [{ id: 'ok', name: 'x', colour: 'red' }, 'colour'],
      [{ id: 'ok', name: 'x', cannotMeetInPerson: 'a' }, 'cannotMeetInPerson'],
    ] as const) {
      const answer = await api.request('POST', '/api/cells', { json });
      assert.equal(answer.status, 400, JSON.stringify(json));
      assert.equal(answer.json['code'], 'invalid-body');
      assert.equal(answer.json['field'], field, JSON.stringify(answer.json));
    }
  });

  it('imports a CSV roster with Vietnamese headers and values, and shows it', async () => {
    await api.request('POST', '/api/cells', { json: { id: 'chi-bo-csv', name: 'Chi bộ CSV' } });
    const csv = '\uFEFFMã,Họ và tên,Trạng thái,Miễn\r\nhvm,Hoàng Văn Minh,chính thức,\r\nbtna,Bùi Thị Ngọc Anh,dự bị,\r\nlvt,Lê Văn Tư,chính thức,x\r\n';
    const imported = await api.request('PUT', '/api/cells/chi-bo-csv/roster', { body: csv, contentType: 'text/csv; charset=utf-8' });
    assert.equal(imported.status, 200, imported.text);
    const cell = (await api.request('GET', '/api/cells/chi-bo-csv')).json['cell'] as { members: unknown[]; counts: unknown };
    assert.deepEqual(cell.counts, { members: 3, full: 2, probationary: 1 });
    assert.deepEqual(cell.members[2], { id: 'lvt', name: 'Lê Văn Tư', status: 'full', flags: { exempt: true } });
  });

  it('reports every bad row by line and field, and imports nothing', async () => {
    await cellWith('chi-bo-bad', 2);
    const csv = 'id,name,status\nok1,Một,full\nok2,Hai,chủ tịch\nok3,,full\nok1,Bốn,full\n';
    const answer = await api.request('PUT', '/api/cells/chi-bo-bad/roster', { body: csv, contentType: 'text/csv' });
    assert.equal(answer.status, 400);
    assert.equal(answer.json['code'], 'invalid-roster');
    const errors = answer.json['errors'] as Array<{ line: number; field: string; reason: { vi: string; en: string } }>;
    assert.deepEqual(errors.map((e) => [e.line, e.field]), [
      [3, 'status'],
      [4, 'name'],
      [5, 'id'],
    ]);
    assert.ok(errors.every((e) => e.reason.vi && e.reason.en));
    const cell = (await api.request('GET', '/api/cells/chi-bo-bad')).json['cell'] as { members: Array<{ id: string }> };
    assert.deepEqual(cell.members.map((m) => m.id), ['m1', 'm2'], 'the roster before the failed import is kept whole');
  });

  it('imports a JSON roster, reports a JSON element’s errors by index, and refuses other media types (415)', async () => {
    await api.request('POST', '/api/cells', { json: { id: 'chi-bo-json', name: 'Chi bộ JSON' } });
    const good = { members: [{ id: 'a', name: 'A', status: 'full' }, { id: 'b', name: 'B', status: 'probationary', flags: { attachedHere: true } }] };
    assert.equal((await api.request('PUT', '/api/cells/chi-bo-json/roster', { json: good })).status, 200);
    const bad = await api.request('PUT', '/api/cells/chi-bo-json/roster', { json: [{ id: 'a', name: 'A', status: 'full' }, { id: 'b', name: 'B', status: 'full', flags: { exempt: 'yes' } }] });
    assert.equal(bad.status, 400);
    assert.deepEqual((bad.json['errors'] as Array<{ line: number; field: string }>).map((e) => [e.line, e.field]), [[2, 'flags.exempt']]);
    assert.equal((await api.request('PUT', '/api/cells/chi-bo-json/roster', { body: 'a,b', contentType: 'text/plain' })).status, 415);
    assert.equal((await api.request('PUT', '/api/cells/nope/roster', { body: rosterCsv(1), contentType: 'text/csv' })).status, 404);
  });

  it('lets a token scoped to a unit reach only cells in it (403 otherwise)', async () => {
    await cellWith('chi-bo-scope', 1, { parentId: 'dang-uy-a' });
    await cellWith('chi-bo-other', 1, { parentId: 'dang-uy-b' });
    const scoped = await api.admin({ units: ['dang-uy-a'] });
    assert.equal((await api.request('GET', '/api/cells/chi-bo-scope', { token: scoped })).status, 200);
    const refused = await api.request('GET', '/api/cells/chi-bo-other', { token: scoped });
    assert.equal(refused.status, 403);
    assert.equal(refused.json['code'], 'forbidden');
    assert.equal((await api.request('PUT', '/api/cells/chi-bo-other/roster', { token: scoped, body: rosterCsv(2), contentType: 'text/csv' })).status, 403);
    assert.equal((await api.request('POST', '/api/cells', { token: scoped, json: { id: 'new-a', name: 'A', parentId: 'dang-uy-a' } })).status, 201);
    assert.equal((await api.request('POST', '/api/cells', { token: scoped, json: { id: 'new-b', name: 'B', parentId: 'dang-uy-b' } })).status, 403);
    assert.equal((await api.request('POST', '/api/cells', { token: scoped, json: { id: 'new-c', name: 'C' } })).status, 403);
  });
});

describe('REST API: scheduling with the HD 03 checks', () => {
  it('schedules a hybrid meeting, creates it in the running server with the template program, and lists it', async () => {
    await cellWith('chi-bo-ok', 5, { cannotMeetInPerson: ['m2', 'm3', 'm4'] });
    const answer = await schedule('chi-bo-ok', {
      id: 'chi-bo-ok-2026-03',
      kind: 'regular',
      delegates: [{ id: 'dai-bieu', name: 'Đại biểu', organization: 'Đảng ủy xã' }],
      bridgePoints: [
        { id: 'xa', name: 'Điểm cầu xã' },
        { id: 'hoi-truong', name: 'Hội trường thôn', main: true },
      ],
      seating: { m5: 'xa' },
      documents: [{ id: 'bc', title: 'Báo cáo tháng', postedAt: '2026-03-08T08:00:00+07:00', url: 'https://portal.example/bc.pdf' }],
    });
    assert.equal(answer.status, 201, answer.text);
    assert.deepEqual((answer.json['checks'] as Array<{ code: string }>).map((c) => c.code), ['online-eligible-hybrid', 'online-limit-available', 'documents-on-time']);
    assert.equal((answer.json['agenda'] as unknown[]).length, 17, 'the regular meeting’s 17-step template');
    const host = api.server.server.meeting('chi-bo-ok-2026-03');
    assert.ok(host, 'the meeting runs in the server');
    assert.equal(host.state.bridgePoints[0]!.id, 'hoi-truong', 'the main bridge point first');
    assert.equal(host.state.cell.members.length, 5);
    const listed = await api.request('GET', '/api/meetings?unit=chi-bo-ok');
    assert.deepEqual((listed.json['meetings'] as Array<{ id: string; phase: string }>).map((m) => [m.id, m.phase]), [['chi-bo-ok-2026-03', 'scheduled']]);
    assert.equal((await schedule('chi-bo-ok', { id: 'chi-bo-ok-2026-03' })).json['code'], 'meeting-exists');
  });

  it('refuses a cell’s 4th online meeting of the year with the limit of 3 named; in person and next year still go', async () => {
    await cellWith('chi-bo-limit', 4, { cannotMeetInPerson: ['m1', 'm2', 'm3', 'm4'] });
    for (const [i, mode] of (['online', 'hybrid', 'online'] as const).entries()) {
      const ok = await schedule('chi-bo-limit', { mode, scheduledAt: `2026-0${i + 2}-10T19:30:00+07:00` });
      assert.equal(ok.status, 201, ok.text);
    }
    const fourth = await schedule('chi-bo-limit', { mode: 'hybrid', scheduledAt: '2026-09-10T19:30:00+07:00' });
    assert.equal(fourth.status, 422);
    assert.equal(fourth.json['code'], 'scheduling-refused');
    const [reason] = fourth.json['reasons'] as Array<{ code: string; vi: string; en: string }>;
    assert.equal(reason!.code, 'online-limit-reached');
    assert.match(reason!.vi, /không quá 3 lần/);
    assert.match(reason!.vi, /03-HD\/TW/);
    assert.match(reason!.en, /at most 3 time\(s\) a year, 3 used/);
    const inPerson = await schedule('chi-bo-limit', { mode: 'in-person', scheduledAt: '2026-09-10T19:30:00+07:00', bridgePoints: [{ id: 'phong', name: 'Phòng họp' }] });
    assert.equal(inPerson.status, 201, inPerson.text);
    // 31 December 2026, 19:30 UTC is 1 January 2027 in Vietnam: a new year's count.
    assert.equal((await schedule('chi-bo-limit', { mode: 'online', scheduledAt: '2026-12-31T19:30:00Z' })).status, 201);
  });

  it('refuses a base committee’s 2nd online meeting of the year (limit 1)', async () => {
    await cellWith('dang-bo-co-so', 3, { unitKind: 'base-committee', cannotMeetInPerson: ['m1', 'm2'] });
    assert.equal((await schedule('dang-bo-co-so', { scheduledAt: '2026-04-01T08:00:00+07:00' })).status, 201);
    const second = await schedule('dang-bo-co-so', { scheduledAt: '2026-10-01T08:00:00+07:00' });
    assert.equal(second.status, 422);
    assert.deepEqual(reasonCodes(second), ['online-limit-reached']);
    assert.match((second.json['reasons'] as Array<{ en: string }>)[0]!.en, /base party committee may meet online at most 1 time/);
  });

  it('refuses online and hybrid meetings for a cell whose members mostly meet in one place', async () => {
    await cellWith('chi-bo-together', 6, { cannotMeetInPerson: ['m2', 'm3', 'm4'] });
    for (const mode of ['online', 'hybrid']) {
      const answer = await schedule('chi-bo-together', { mode });
      assert.equal(answer.status, 422);
      assert.deepEqual(reasonCodes(answer), ['online-not-eligible']);
      assert.match((answer.json['reasons'] as Array<{ vi: string }>)[0]!.vi, /3\/6 đảng viên.*cần ít nhất 4/);
    }
  });

  it('allows fully online only when no member can gather in one place; hybrid otherwise', async () => {
    await cellWith('chi-bo-most', 5, { cannotMeetInPerson: ['m1', 'm2', 'm3', 'm4'] });
    const online = await schedule('chi-bo-most', { mode: 'online' });
    assert.equal(online.status, 422);
    assert.deepEqual(reasonCodes(online), ['fully-online-not-allowed']);
    assert.equal((await schedule('chi-bo-most', { mode: 'hybrid' })).status, 201);
    // The request may state the circumstances for this meeting instead of the cell's.
    const allAway = await schedule('chi-bo-most', { mode: 'online', cannotMeetInPerson: ['m1', 'm2', 'm3', 'm4', 'm5'] });
    assert.equal(allAway.status, 201, allAway.text);
    assert.equal((allAway.json['checks'] as Array<{ code: string }>)[0]!.code, 'online-eligible-fully-online');
  });

  it('refuses late documents (1 day before, HD 42) and contents not handled fully online, naming each', async () => {
    await cellWith('chi-bo-docs', 3, { cannotMeetInPerson: ['m1', 'm2', 'm3'] });
    const answer = await schedule('chi-bo-docs', {
      mode: 'online',
      scheduledAt: '2026-05-10T19:30:00+07:00',
      contents: ['resolution', 'election'],
      documents: [
        { id: 'd1', title: 'Báo cáo', postedAt: '2026-05-08T19:30:00+07:00' },
        { id: 'd2', title: 'Dự thảo <nghị quyết>', postedAt: '2026-05-10T08:00:00+07:00' },
      ],
    });
    assert.equal(answer.status, 422);
    assert.deepEqual(reasonCodes(answer), ['content-not-allowed-online', 'documents-late']);
    assert.match((answer.json['reasons'] as Array<{ vi: string }>)[1]!.vi, /Dự thảo <nghị quyết>/);
    assert.deepEqual((await api.request('GET', '/api/meetings?unit=chi-bo-docs')).json['meetings'], [], 'nothing was recorded');
  });

  it('names the field of a bad request (400), and refuses a cell without a roster (409)', async () => {
    await cellWith('chi-bo-fields', 3, { cannotMeetInPerson: ['m1', 'm2', 'm3'] });
    for (const [fields, field] of [
      [{ title: undefined }, 'title'],
      [{ scheduledAt: '10/03/2026 19:30' }, 'scheduledAt'],
      [{ scheduledAt: '2026-03-10T19:30:00' }, 'scheduledAt'],
      [{ mode: 'video' }, 'mode'],
      [{ chairId: 'nobody' }, 'chairId'],
      [{ cellId: 'no-such-cell' }, 'cellId'],
      [{ seating: { ghost: 'online' } }, 'seating.ghost'],
      [{ delegates: [{ id: 'm2', name: 'Trùng mã' }] }, 'delegates.0.id'],
      [{ documents: [{ id: 'd', title: 'x', postedAt: '2026-03-01T00:00:00Z', url: 'javascript:alert(1)' }] }, 'documents.0.url'],
      [{ bridgePoints: [{ id: 'a', name: 'A', main: true }, { id: 'b', name: 'B', main: true }] }, 'bridgePoints'],
      [{ contents: ['gossip'] }, 'contents.0'],
      [{ cannotMeetInPerson: ['m1', 'stranger'] }, 'cannotMeetInPerson.1'],
      [{ extra: 1 }, 'extra'],
    ] as const) {
      const answer = await schedule('chi-bo-fields', fields);
      assert.equal(answer.status, 400, `${JSON.stringify(fields)} → ${answer.text}`);
      assert.equal(answer.json['field'], field, `${JSON.stringify(fields)} → ${answer.text}`);
    }
    await api.request('POST', '/api/cells', { json: { id: 'chi-bo-empty', name: 'Chưa có danh sách' } });
    const empty = await schedule('chi-bo-empty');
    assert.equal(empty.status, 409);
    assert.equal(empty.json['code'], 'roster-empty');
  });
});

describe('REST API: the schedule registry', () => {
  it('lists meetings by unit and time for the units a token may see', async () => {
    await cellWith('cb-north', 3, { parentId: 'huyen-bac', cannotMeetInPerson: ['m1', 'm2', 'm3'] });
    await cellWith('cb-south', 3, { parentId: 'huyen-nam', cannotMeetInPerson: ['m1', 'm2', 'm3'] });
    for (const [cell, month] of [
      ['cb-north', '06'],
      ['cb-north', '08'],
      ['cb-south', '07'],
    ] as const) {
      assert.equal((await schedule(cell, { id: `${cell}-${month}`, scheduledAt: `2027-${month}-05T08:00:00+07:00` })).status, 201);
    }
    const ids = (answer: ApiAnswer) => (answer.json['meetings'] as Array<{ id: string }>).map((m) => m.id);
    assert.deepEqual(ids(await api.request('GET', '/api/meetings?unit=huyen-bac')), ['cb-north-06', 'cb-north-08']);
    assert.deepEqual(ids(await api.request('GET', '/api/meetings?from=2027-06-20T00:00:00%2B07:00&to=2027-08-01T00:00:00Z')), ['cb-south-07']);
    const north = await api.admin({ units: ['huyen-bac'] });
    assert.deepEqual(ids(await api.request('GET', '/api/meetings?from=2027-01-01T00:00:00Z', { token: north })), ['cb-north-06', 'cb-north-08']);
    assert.deepEqual(ids(await api.request('GET', '/api/meetings?unit=cb-north', { token: north })), ['cb-north-06', 'cb-north-08'], 'a cell under the unit');
    assert.equal((await api.request('GET', '/api/meetings?unit=huyen-nam', { token: north })).status, 403);
    assert.equal((await api.request('GET', '/api/meetings?unit=cb-south', { token: north })).status, 403);
    const elsewhere = { cellId: 'cb-south', title: 'Họp', scheduledAt: '2027-09-01T08:00:00Z', mode: 'hybrid', chairId: 'm1' };
    assert.equal((await api.request('POST', '/api/meetings', { token: north, json: elsewhere })).status, 403);
    const entry = (await api.request('GET', '/api/meetings?unit=cb-north&limit=1')).json['meetings'] as Array<Record<string, unknown>>;
    assert.equal(entry.length, 1);
    assert.equal(entry[0]!['cellName'], 'Chi bộ cb-north');
    assert.equal(entry[0]!['parentName'], 'Đảng ủy xã Tuy Lộc');
  });

  it('names a bad query parameter (400)', async () => {
    for (const [query, field] of [
      ['from=yesterday', 'from'],
      ['to=2027-01-01', 'to'],
      ['limit=0', 'limit'],
      ['limit=5000', 'limit'],
      ['colour=red', 'colour'],
      ['unit=a&unit=b', 'unit'],
      ['from=2027-02-01T00:00:00Z&to=2027-01-01T00:00:00Z', 'to'],
    ]) {
      const answer = await api.request('GET', `/api/meetings?${query}`);
      assert.equal(answer.status, 400, query);
      assert.equal(answer.json['code'], 'invalid-query');
      assert.equal(answer.json['field'], field, `${query} → ${answer.text}`);
    }
  });
});
