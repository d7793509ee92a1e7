import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CLOSE_AUTH_FAILED } from '../../server/app.js';
import { ApiTestServer } from '../helpers/api.js';
import { testMeeting } from '../helpers/meeting.js';
import { WsPeer } from '../helpers/ws-peer.js';

interface Invite {
  participantId: string;
  role: string;
  name: string;
  token: string;
  url: string;
}

const MEETING = 'chi-bo-moi-2026-11';

describe('REST API: invite links and their revocation', () => {
  let api: ApiTestServer;
  const peers: WsPeer[] = [];
  const invitesOf = (answer: { json: Record<string, unknown> }) => answer.json['invites'] as Invite[];
  const tokenOf = async (participantId: string) =>
    invitesOf(await api.request('POST', `/api/meetings/${MEETING}/invites`, { json: { participantIds: [participantId] } }))[0]!.token;
  const join = async (token: string) => {
    const joined = await WsPeer.join(api.url, token);
    peers.push(joined.peer);
    return joined;
  };
  /** Says hello with `token` and resolves with the refusal and the close. */
  const refused = async (token: string) => {
    const peer = await WsPeer.open(api.url);
    peers.push(peer);
    peer.send({ type: 'hello', token });
    const reject = await peer.next((m) => m.type === 'reject');
    return { code: reject['code'], closed: await peer.closedBy() };
  };

  before(async () => {
    // testMeeting is created the other way, from the server's options, as the demo's is: not in the registry.
    api = await ApiTestServer.start({ meetings: [testMeeting] });
    await api.request('POST', '/api/cells', { json: { id: 'chi-bo-moi', name: 'Chi bộ Mời', parentId: 'dang-uy-moi', cannotMeetInPerson: ['m1', 'm2', 'm3'] } });
    const csv = 'id,name,status,suspended\nm1,Bí thư,full,\nm2,Đảng viên Hai,full,\nm3,Đảng viên Ba,probationary,\nm4,Đảng viên Bốn,full,x\n';
    await api.request('PUT', '/api/cells/chi-bo-moi/roster', { body: csv, contentType: 'text/csv' });
    const scheduled = await api.request('POST', '/api/meetings', {
      json: {
        id: MEETING,
        cellId: 'chi-bo-moi',
        title: 'Sinh hoạt tháng 11',
        scheduledAt: '2026-11-25T19:30:00+07:00',
        mode: 'hybrid',
        chairId: 'm1',
        delegates: [{ id: 'dai-bieu', name: 'Đại biểu huyện', organization: 'Huyện ủy' }],
      },
    });
    assert.equal(scheduled.status, 201, scheduled.text);
  });
  after(async () => {
    for (const p of peers) p.close();
    await api.stop();
  });

  it('issues a link for everyone invited, with the role the meeting gives, and they open the meeting', async () => {
    const before = Date.now();
    const answer = await api.request('POST', `/api/meetings/${MEETING}/invites`, { json: {} });
    assert.equal(answer.status, 201, answer.text);
    const invites = invitesOf(answer);
    assert.deepEqual(invites.map((i) => [i.participantId, i.role]), [
      ['m1', 'chair'],
      ['m2', 'member'],
      ['m3', 'member'],
      ['dai-bieu', 'delegate'],
    ], 'the suspended member is not invited by default');
    for (const invite of invites) assert.equal(invite.url, `${api.url}/?invite=${encodeURIComponent(invite.token)}`);
    // A day after the meeting, or a day from now if that is later.
    const expected = Math.max(Date.parse('2026-11-26T19:30:00+07:00'), before + 86_400_000);
    assert.ok(Math.abs(Date.parse(answer.json['expiresAt'] as string) - expected) < 5_000);
    const { welcome } = await join(invites[3]!.token);
    assert.deepEqual(welcome['you'], { participantId: 'dai-bieu', role: 'delegate', name: 'Đại biểu huyện' });
  });

  it('signs the expiry asked for, and refuses one in the past or over a year away (400)', async () => {
    const expiresAt = '2027-01-31T00:00:00.000Z';
    const answer = await api.request('POST', `/api/meetings/${MEETING}/invites`, { json: { participantIds: ['m4'], expiresAt } });
    assert.equal(answer.status, 201);
    const payload = JSON.parse(Buffer.from(invitesOf(answer)[0]!.token.split('.')[1]!, 'base64url').toString()) as { exp: number; role: string };
    assert.equal(payload.exp, Date.parse(expiresAt) / 1000);
    assert.equal(payload.role, 'member', 'a member named explicitly is invited even when suspended: the portal decides');
    for (const when of ['2020-01-01T00:00:00Z', new Date(Date.now() + 400 * 86_400_000).toISOString()]) {
      const bad = await api.request('POST', `/api/meetings/${MEETING}/invites`, { json: { expiresAt: when } });
      assert.equal(bad.status, 400);
      assert.equal(bad.json['field'], 'expiresAt');
    }
  });

  it('refuses someone who is not a participant (400 naming the entry) and an unknown meeting (404)', async () => {
    const bad = await api.request('POST', `/api/meetings/${MEETING}/invites`, { json: { participantIds: ['m2', 'ghost'] } });
    assert.equal(bad.status, 400);
    assert.equal(bad.json['field'], 'participantIds.1');
    assert.equal((await api.request('POST', `/api/meetings/${MEETING}/invites`, { json: { participantIds: [] } })).json['field'], 'participantIds');
    assert.equal((await api.request('POST', '/api/meetings/nope/invites', { json: {} })).status, 404);
    assert.equal((await api.request('DELETE', `/api/meetings/${MEETING}/invites/ghost`)).status, 404);
    const other = await api.admin({ units: ['another-unit'] });
    assert.equal((await api.request('POST', `/api/meetings/${MEETING}/invites`, { token: other, json: {} })).status, 403);
    assert.equal((await api.request('DELETE', `/api/meetings/${MEETING}/invites/m2`, { token: other })).status, 403);
  });

  it('revoking closes the member’s live connection, refuses the old link at hello, and a re-issued link works', async () => {
    const old = await tokenOf('m2');
    const other = await tokenOf('m3');
    const { peer } = await join(old);
    const { peer: bystander } = await join(other);
    const revoked = await api.request('DELETE', `/api/meetings/${MEETING}/invites/m2`);
    assert.equal(revoked.status, 200, revoked.text);
    assert.equal(revoked.json['disconnected'], 1);
    assert.equal((await peer.next((m) => m.type === 'reject'))['code'], 'invite-revoked');
    assert.deepEqual(await peer.closedBy(), { code: CLOSE_AUTH_FAILED, reason: 'invite-revoked' });
    assert.equal(bystander.closed, undefined, 'another member stays connected');

    assert.deepEqual(await refused(old), { code: 'invite-revoked', closed: { code: CLOSE_AUTH_FAILED, reason: 'invite-revoked' } });
    // Issued in the same millisecond range as the revocation: the issue time is set just after it.
    const fresh = await tokenOf('m2');
    const { welcome } = await join(fresh);
    assert.equal((welcome['you'] as { participantId: string }).participantId, 'm2');
    assert.deepEqual(await refused(old), { code: 'invite-revoked', closed: { code: CLOSE_AUTH_FAILED, reason: 'invite-revoked' } }, 'the old link stays revoked');
  });

  it('a second revocation also revokes the link issued between the two', async () => {
    const first = await tokenOf('m3');
    await api.request('DELETE', `/api/meetings/${MEETING}/invites/m3`);
    const second = await tokenOf('m3');
    await join(second);
    await api.request('DELETE', `/api/meetings/${MEETING}/invites/m3`);
    assert.equal((await refused(first)).code, 'invite-revoked');
    assert.equal((await refused(second)).code, 'invite-revoked');
    await join(await tokenOf('m3'));
  });

  it('revokes an invite of a meeting created outside the registry (the demo’s), for an unscoped token only', async () => {
    const token = await api.server.token('full-a', 'member');
    const { peer } = await join(token);
    const scoped = await api.admin({ units: ['test-cell-parent'] });
    assert.equal((await api.request('DELETE', `/api/meetings/${testMeeting.id}/invites/full-a`, { token: scoped })).status, 403);
    const answer = await api.request('DELETE', `/api/meetings/${testMeeting.id}/invites/full-a`);
    assert.equal(answer.status, 200);
    assert.equal((await peer.closedBy()).reason, 'invite-revoked');
    assert.equal((await refused(token)).code, 'invite-revoked');
    assert.equal((await join(await api.server.token('full-b', 'member'))).welcome['type'], 'welcome', 'other members of that meeting are not affected');
  });
});
