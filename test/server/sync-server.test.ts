import assert from 'node:assert/strict';
import { SignJWT } from 'jose';
import { after, afterEach, before, describe, it } from 'node:test';
import { TestServer } from '../helpers/server.js';
import { testMeeting } from '../helpers/meeting.js';
import { WsPeer } from '../helpers/ws-peer.js';

describe('sync server over real WebSockets', () => {
  let server: TestServer;
  const peers: WsPeer[] = [];
  const join = async (participantId: string, role: 'chair' | 'member' | 'delegate', lastSeq?: number) => {
    const joined = await WsPeer.join(server.url, await server.token(participantId, role), lastSeq);
    peers.push(joined.peer);
    return joined;
  };
  before(async () => {
    server = await TestServer.start();
  });
  // Each test leaves with its connections closed: the server holds at most a few per participant.
  afterEach(async () => {
    const open = peers.splice(0);
    for (const p of open) p.close();
    await Promise.all(open.map((p) => p.closedBy().catch(() => undefined)));
  });
  after(async () => {
    await server.stop();
  });

  it('welcomes a participant with the whole state and tells the others they joined', async () => {
    const { peer: chair, welcome } = await join('chair', 'chair');
    assert.deepEqual(welcome.you, { participantId: 'chair', role: 'chair', name: 'Bí thư' });
    const snapshot = welcome.snapshot as { title: string; phase: string };
    assert.equal(snapshot.title, testMeeting.title);
    assert.equal(snapshot.phase, 'scheduled');
    const { welcome: memberWelcome } = await join('full-a', 'member');
    const event = await chair.next((m) => m.type === 'event' && (m.event as { participantId?: string }).participantId === 'full-a');
    assert.equal((event.event as { type: string }).type, 'participant-joined');
    assert.equal(event.seq, (memberWelcome.seq as number) + 1);
  });

  it('acknowledges the chair\'s command and sends the event to everyone, in order', async () => {
    const { peer: chair } = await join('chair', 'chair');
    const { peer: member } = await join('full-b', 'member');
    chair.send({ type: 'command', id: 'open-1', command: { type: 'open-meeting' } });
    const ack = await chair.next((m) => m.type === 'ack' && m.id === 'open-1');
    const seen = await member.next((m) => m.type === 'event' && (m.event as { type: string }).type === 'meeting-opened');
    assert.equal(seen.seq, ack.seq);
    chair.send({ type: 'command', id: 'mark-1', command: { type: 'mark-attendance', memberId: 'prob', mark: 'absent-with-reason', reason: 'ốm' } });
    const markAck = await chair.next((m) => m.type === 'ack' && m.id === 'mark-1');
    const marked = await member.next((m) => m.type === 'event' && m.seq === markAck.seq);
    assert.deepEqual({ ...(marked.event as object), at: undefined }, { type: 'attendance-marked', at: undefined, by: 'chair', memberId: 'prob', mark: 'absent-with-reason', reason: 'ốm', reasonAccepted: true });
  });

  it('applies a resent command once and acknowledges it again with the same sequence number', async () => {
    const { peer: chair } = await join('chair', 'chair');
    const command = { type: 'command', id: 'resend-1', command: { type: 'mark-attendance', memberId: 'full-a', mark: 'present-online' } };
    chair.send(command);
    const first = await chair.next((m) => m.type === 'ack' && m.id === 'resend-1');
    const seqBefore = server.server.meeting(testMeeting.id)!.seq;
    chair.send(command);
    const second = await chair.next((m) => m.type === 'ack' && m.id === 'resend-1');
    assert.equal(second.seq, first.seq);
    assert.equal(server.server.meeting(testMeeting.id)!.seq, seqBefore);
  });

  it('refuses a chair\'s command from a member\'s token and changes nothing', async () => {
    const { peer: member } = await join('full-b', 'member');
    const before = server.server.meeting(testMeeting.id)!.state;
    member.send({ type: 'command', id: 'sneaky', command: { type: 'mark-attendance', memberId: 'full-a', mark: 'absent-without-reason' } });
    const reply = await member.next((m) => m.id === 'sneaky');
    assert.equal(reply.type, 'reject');
    assert.equal(reply.code, 'not-allowed');
    assert.deepEqual(server.server.meeting(testMeeting.id)!.state.attendance, before.attendance);
  });

  it('answers malformed messages with a reject and keeps the connection and the others serving', async () => {
    const { peer: member } = await join('full-a', 'member');
    const { peer: chair } = await join('chair', 'chair');
    for (const bad of ['not json', '{"type":"command"}', '{"type":"command","id":"x","command":{"type":"mark-attendance","memberId":"full-a","mark":"maybe"}}', '{"type":"command","id":"y","command":{"type":"join"}}', '[]']) {
      member.send(bad);
      const reply = await member.next((m) => m.type === 'reject');
      assert.equal(reply.code, 'invalid-message', bad);
      assert.match(String(reply.message), /Malformed message/);
    }
    member.send({ type: 'ping' });
    await member.next((m) => m.type === 'pong');
    chair.send({ type: 'command', id: 'after-bad', command: { type: 'mark-attendance', memberId: 'full-b', mark: 'present-online' } });
    await chair.next((m) => m.type === 'ack' && m.id === 'after-bad');
    await member.next((m) => m.type === 'event' && (m.event as { memberId?: string }).memberId === 'full-b');
  });

  it('names the command in the reject when an invalid command has a readable id', async () => {
    const { peer: member } = await join('full-a', 'member');
    member.send({ type: 'command', id: 'future-1', command: { type: 'start-vote' } });
    const reply = await member.next((m) => m.type === 'reject');
    assert.equal(reply.id, 'future-1');
    assert.equal(reply.code, 'invalid-message');
  });

  it('refuses a command before hello, and a second hello', async () => {
    const peer = await WsPeer.open(server.url);
    peers.push(peer);
    peer.send({ type: 'command', id: 'early', command: { type: 'open-meeting' } });
    assert.equal((await peer.next((m) => m.id === 'early')).code, 'invalid-message');
    const token = await server.token('full-a', 'member');
    peer.send({ type: 'hello', token });
    await peer.next((m) => m.type === 'welcome');
    peer.send({ type: 'hello', token });
    assert.equal((await peer.next((m) => m.type === 'reject')).code, 'invalid-message');
  });

  it('closes only the connection that sends an oversized message', async () => {
    const { peer: big } = await join('full-b', 'member');
    const { peer: other } = await join('full-a', 'member');
    big.send('x'.repeat(20_000));
    assert.equal((await big.closedBy()).code, 1009);
    other.send({ type: 'ping' });
    await other.next((m) => m.type === 'pong');
  });

  const refused = [
    ['an expired token', async () => server.token('full-a', 'member', testMeeting.id, '-1s'), 'token-expired', 4001],
    ['a token signed with another secret', async () => new SignJWT({ mid: testMeeting.id, role: 'chair' }).setProtectedHeader({ alg: 'HS256' }).setSubject('chair').setAudience('party-meeting').setExpirationTime('1h').sign(new TextEncoder().encode('another-secret-another-secret-another')), 'invalid-token', 4001],
    ['garbage', async () => 'not-a-jwt', 'invalid-token', 4001],
    ['a token for someone outside the meeting', async () => server.token('intruder', 'chair'), 'invalid-token', 4001],
    ['a token for a meeting that does not exist', async () => server.token('chair', 'chair', 'no-such-meeting'), 'unknown-meeting', 4004],
  ] as const;
  for (const [name, makeToken, code, closeCode] of refused) {
    it(`refuses ${name} with a clear reason and closes that connection`, async () => {
      const peer = await WsPeer.open(server.url);
      peers.push(peer);
      peer.send({ type: 'hello', token: await makeToken() });
      const reply = await peer.next((m) => m.type === 'reject');
      assert.equal(reply.code, code);
      assert.ok(String(reply.message).length > 0);
      assert.equal((await peer.closedBy()).code, closeCode);
    });
  }

  it('resumes from lastSeq with only the events that were missed', async () => {
    const { peer: member, welcome } = await join('full-a', 'member');
    const seq = welcome.seq as number;
    member.close();
    const { peer: chair } = await join('chair', 'chair');
    chair.send({ type: 'command', id: 'while-away', command: { type: 'mark-attendance', memberId: 'full-a', mark: 'absent-without-reason' } });
    await chair.next((m) => m.type === 'ack' && m.id === 'while-away');
    const { welcome: resumed } = await join('full-a', 'member', seq);
    assert.equal(resumed.snapshot, undefined);
    const events = resumed.events as Array<{ seq: number; event: { type: string } }>;
    assert.ok(events.length >= 1, JSON.stringify(events));
    assert.equal(events[0]!.seq, seq + 1);
    assert.ok(events.some((e) => e.event.type === 'attendance-marked'));
    assert.equal(events.at(-1)!.seq, resumed.seq);
  });

  it('rebuilds every meeting from its log after a restart, with no one left online', async () => {
    const { peer: chair } = await join('chair', 'chair');
    chair.send({ type: 'command', id: 'before-restart', command: { type: 'mark-attendance', memberId: 'chair', mark: 'present-online' } });
    await chair.next((m) => m.type === 'ack' && m.id === 'before-restart');
    const before = server.server.meeting(testMeeting.id)!.state;
    assert.ok(Object.keys(before.connected).length > 0);
    await server.restart();
    const after = server.server.meeting(testMeeting.id)!.state;
    assert.deepEqual(after.attendance, before.attendance);
    assert.equal(after.phase, before.phase);
    assert.deepEqual(after.connected, {});
    const { welcome } = await join('chair', 'chair');
    assert.deepEqual((welcome.snapshot as { attendance: unknown }).attendance, before.attendance);
  });
});
