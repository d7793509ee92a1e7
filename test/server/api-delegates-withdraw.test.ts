/**
 * DELETE /api/meetings/{id}/delegates/{participantId} over real HTTP and the
 * real WebSocket (issue 8): the upper level withdraws a delegate before the
 * meeting opens; the log, the registry and the invites follow; and it is
 * refused once the meeting opened or once the delegate joined.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { MeetingNotice } from '../../server/notify.js';
import { ApiTestServer } from '../helpers/api.js';
import { WsPeer } from '../helpers/ws-peer.js';

const rosterCsv = (n: number) => ['id,name,status', ...Array.from({ length: n }, (_, i) => `m${i + 1},Đảng viên ${i + 1},full`)].join('\n');
const SON = { id: 'dang-van-son', name: 'Đặng Văn Sơn', organization: 'Ban Thường vụ Đảng ủy Khối', bridgePointId: 'duk-point' };
const HA = { id: 'le-thu-ha', name: 'Lê Thu Hà' };

let api: ApiTestServer;
before(async () => {
  api = await ApiTestServer.start();
  const created = await api.request('POST', '/api/cells', { json: { id: 'cb-withdraw', name: 'Chi bộ Rút', parentId: 'duk', parentName: 'Đảng ủy Khối', cannotMeetInPerson: ['m2', 'm3', 'm4'] } });
  assert.equal(created.status, 201, created.text);
  assert.equal((await api.request('PUT', '/api/cells/cb-withdraw/roster', { body: rosterCsv(5), contentType: 'text/csv' })).status, 200);
});
after(() => api.stop());

/** A meeting of the cell with Đặng Văn Sơn (at the upper level's own point) and Lê Thu Hà assigned; their invites. */
async function meetingWithDelegates(id: string): Promise<Record<string, string>> {
  const scheduled = await api.request('POST', '/api/meetings', {
    json: { id, cellId: 'cb-withdraw', title: 'Sinh hoạt chi bộ', scheduledAt: new Date().toISOString(), mode: 'hybrid', chairId: 'm1', bridgePoints: [{ id: 'chinh', name: 'Hội trường', main: true }] },
  });
  assert.equal(scheduled.status, 201, scheduled.text);
  const assigned = await api.request('POST', `/api/meetings/${id}/delegates`, { json: { delegates: [SON, HA], bridgePoints: [{ id: 'duk-point', name: 'Điểm cầu Đảng ủy Khối' }] } });
  assert.equal(assigned.status, 200, assigned.text);
  return Object.fromEntries((assigned.json['invites'] as Array<{ participantId: string; token: string }>).map((i) => [i.participantId, i.token]));
}

const listed = async (id: string) =>
  ((await api.request('GET', '/api/meetings?unit=cb-withdraw')).json['meetings'] as Array<{ id: string; delegates: Array<{ id: string }>; bridgePoints: Array<{ id: string }> }>).find((m) => m.id === id)!;

describe('DELETE /api/meetings/{id}/delegates/{participantId}', () => {
  it('withdraws a delegate before the meeting: the log, the registry and the schedule forget them, their invite no longer opens the meeting; assigning again works', async () => {
    const invites = await meetingWithDelegates('rut-1');
    const scoped = await api.admin({ units: ['duk'] });
    const answer = await api.request('DELETE', '/api/meetings/rut-1/delegates/dang-van-son', { token: scoped });
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.json['delegateId'], 'dang-van-son');
    assert.deepEqual((answer.json['delegates'] as Array<{ id: string }>).map((d) => d.id), ['le-thu-ha']);
    assert.match(String(answer.json['revokedAt']), /^\d{4}-\d\d-\d\dT/);

    const entry = await listed('rut-1');
    assert.deepEqual(entry.delegates.map((d) => d.id), ['le-thu-ha'], 'the schedule registry');
    assert.deepEqual(entry.bridgePoints.map((b) => b.id), ['chinh', 'duk-point'], 'the bridge point added for him stays');
    const stored = await api.registry.meeting('rut-1');
    assert.deepEqual(stored!.definition.delegates.map((d) => d.id), ['le-thu-ha']);
    assert.equal(stored!.definition.seating?.['dang-van-son'], undefined);
    const live = api.server.server.meeting('rut-1')!.state;
    assert.deepEqual(live.delegates.map((d) => d.id), ['le-thu-ha'], 'the live meeting (its log)');
    assert.equal(live.seating?.['dang-van-son'], undefined);

    // His link is dead; the other delegate's still works.
    const refused = await WsPeer.open(api.url);
    refused.send({ type: 'hello', token: invites['dang-van-son'] });
    const rejection = await refused.next((m) => m.type === 'reject' || m.type === 'welcome');
    assert.equal(rejection.type, 'reject', JSON.stringify(rejection));
    assert.equal(rejection['code'], 'invite-revoked');
    refused.close();
    const { peer, welcome } = await WsPeer.join(api.url, invites['le-thu-ha']!);
    assert.equal((welcome['you'] as { role: string }).role, 'delegate');
    peer.close();
    assert.equal((await api.request('POST', '/api/meetings/rut-1/invites', { json: { participantIds: ['dang-van-son'] } })).json['field'], 'participantIds.0', 'no new invite for someone withdrawn');

    // The upper level changes its mind again: a new assignment with a new invite works.
    const again = await api.request('POST', '/api/meetings/rut-1/delegates', { json: { delegates: [SON] } });
    assert.deepEqual(again.json['assigned'], ['dang-van-son']);
    const token = (again.json['invites'] as Array<{ participantId: string; token: string }>).find((i) => i.participantId === 'dang-van-son')!.token;
    const back = await WsPeer.join(api.url, token);
    assert.deepEqual(back.welcome['you'], { participantId: 'dang-van-son', role: 'delegate', name: 'Đặng Văn Sơn' });
    back.peer.close();
  });

  it('tells the portal’s notice hook the delegate is no longer expected, without an invite link', async () => {
    const notices: MeetingNotice[] = [];
    const hooked = await ApiTestServer.start({ notify: (notice) => (notices.push(notice), Promise.resolve(true)) });
    try {
      assert.equal((await hooked.request('POST', '/api/cells', { json: { id: 'cb-hook', name: 'Chi bộ Báo', parentId: 'duk', cannotMeetInPerson: ['m2', 'm3', 'm4'] } })).status, 201);
      assert.equal((await hooked.request('PUT', '/api/cells/cb-hook/roster', { body: rosterCsv(4), contentType: 'text/csv' })).status, 200);
      const json = { id: 'rut-hook', cellId: 'cb-hook', title: 'Sinh hoạt', scheduledAt: new Date().toISOString(), mode: 'hybrid', chairId: 'm1', bridgePoints: [{ id: 'chinh', name: 'Hội trường', main: true }], delegates: [HA] };
      assert.equal((await hooked.request('POST', '/api/meetings', { json })).status, 201);
      assert.equal((await hooked.request('DELETE', `/api/meetings/rut-hook/delegates/${HA.id}`)).status, 200);
      const deadline = Date.now() + 5_000;
      while (!notices.some((n) => n.event === 'delegate-withdrawn') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      const withdrawn = notices.find((n) => n.event === 'delegate-withdrawn');
      assert.deepEqual(withdrawn && [withdrawn.meetingId, withdrawn.title, withdrawn.recipients], ['rut-hook', 'Sinh hoạt', [{ participantId: HA.id, name: HA.name, role: 'delegate' }]]);
    } finally {
      await hooked.stop();
    }
  });

  it('refuses once the delegate joined the room (409 delegate-joined), once the meeting opened (409 meeting-open), and after it closed (409 meeting-closed)', async () => {
    const invites = await meetingWithDelegates('rut-2');
    const joined = await WsPeer.join(api.url, invites['le-thu-ha']!);
    joined.peer.close();
    const afterJoin = await api.request('DELETE', '/api/meetings/rut-2/delegates/le-thu-ha');
    assert.deepEqual([afterJoin.status, afterJoin.json['code']], [409, 'delegate-joined'], afterJoin.text);

    const chairInvite = (await api.request('POST', '/api/meetings/rut-2/invites', { json: { participantIds: ['m1'] } })).json['invites'] as Array<{ token: string }>;
    const chair = (await WsPeer.join(api.url, chairInvite[0]!.token)).peer;
    const send = async (id: string, type: string) => {
      chair.send({ type: 'command', id, command: { type } });
      const reply = await chair.next((m) => (m.type === 'ack' || m.type === 'reject') && m.id === id);
      assert.equal(reply.type, 'ack', JSON.stringify(reply));
    };
    await send('open', 'open-meeting');
    const afterOpen = await api.request('DELETE', '/api/meetings/rut-2/delegates/dang-van-son');
    assert.deepEqual([afterOpen.status, afterOpen.json['code']], [409, 'meeting-open'], afterOpen.text);
    await send('close', 'close-meeting');
    const afterClose = await api.request('DELETE', '/api/meetings/rut-2/delegates/dang-van-son');
    assert.deepEqual([afterClose.status, afterClose.json['code']], [409, 'meeting-closed'], afterClose.text);
    chair.close();
    assert.deepEqual((await listed('rut-2')).delegates.map((d) => d.id), ['dang-van-son', 'le-thu-ha'], 'nobody withdrawn');
  });

  it('answers 404 for a member, someone unknown or an unknown meeting; 401 without a token; 403 outside the token’s units', async () => {
    await meetingWithDelegates('rut-3');
    for (const path of ['/api/meetings/rut-3/delegates/m2', '/api/meetings/rut-3/delegates/nobody', '/api/meetings/nope/delegates/dang-van-son']) {
      const answer = await api.request('DELETE', path);
      assert.deepEqual([answer.status, answer.json['code']], [404, 'not-found'], path);
    }
    assert.equal((await api.request('DELETE', '/api/meetings/rut-3/delegates/dang-van-son', { token: null })).status, 401);
    const other = await api.admin({ units: ['other-committee'] });
    assert.equal((await api.request('DELETE', '/api/meetings/rut-3/delegates/dang-van-son', { token: other })).status, 403);
    assert.deepEqual((await listed('rut-3')).delegates.map((d) => d.id), ['dang-van-son', 'le-thu-ha'], 'nobody withdrawn');
  });
});
