/**
 * Group commit (server/meeting-host.ts): ballots that arrive together are
 * decided one after the other, written in one transaction and sent as one
 * `events` frame per kind of viewer — and each sender still gets its own ack,
 * a refused one its own reject, and a resend in the same burst is applied once.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { WebSocket } from 'ws';
import type { MeetingDefinition } from '../../src/core/index.js';
import { TestServer } from '../helpers/server.js';
import { WsPeer } from '../helpers/ws-peer.js';

const VOTERS = 40;
const voters = Array.from({ length: VOTERS }, (_, i) => ({ id: `v${i}`, name: `Đảng viên ${i}`, status: 'full' as const }));
const meeting: MeetingDefinition = {
  id: 'storm',
  title: 'Biểu quyết đồng loạt',
  cell: { id: 'storm-cell', name: 'Chi bộ', members: [{ id: 'chair', name: 'Bí thư', status: 'full' }, { id: 'prob', name: 'Dự bị', status: 'probationary' }, ...voters] },
  chairId: 'chair',
  delegates: [],
  scheduledAt: '2026-11-23T08:00:00.000Z',
};

describe('group commit of commands that arrive together', () => {
  let server: TestServer;
  const peers: WsPeer[] = [];
  before(async () => {
    server = await TestServer.start([meeting]);
  });
  after(async () => {
    for (const p of peers) p.close();
    await server.stop();
  });

  it('writes a burst of ballots together, sends them as one frame, and answers each sender', async () => {
    const join = async (id: string, role: 'chair' | 'member') => {
      const { peer } = await WsPeer.join(server.url, await server.token(id, role, meeting.id));
      peers.push(peer);
      return peer;
    };
    const chair = await join('chair', 'chair');
    let n = 0;
    const run = async (command: object) => {
      const id = `c${++n}`;
      chair.send({ type: 'command', id, command });
      assert.equal((await chair.next((m) => m.id === id)).type, 'ack');
    };
    await run({ type: 'open-meeting' });
    for (const { id } of [...voters, { id: 'chair' }, { id: 'prob' }]) await run({ type: 'mark-attendance', memberId: id, mark: 'present-online' });
    await run({ type: 'create-motion', motion: { id: 'nq', title: 'Nghị quyết', ballot: 'open', threshold: 'majority', tags: ['resolution'] } });
    await run({ type: 'open-vote', motionId: 'nq' });
    const members = await Promise.all(voters.map((v) => join(v.id, 'member')));
    const prob = await join('prob', 'member');

    // A raw observer counts frames as they come over the wire.
    const frames: Array<{ type: string; events?: unknown[] }> = [];
    const observer = new WebSocket(`${server.url.replace('http', 'ws')}/ws`);
    await new Promise((resolve) => observer.once('open', resolve));
    observer.on('message', (data) => frames.push(JSON.parse(data.toString())));
    observer.send(JSON.stringify({ type: 'hello', token: await server.token('v0', 'member', meeting.id) }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    frames.length = 0;
    const seqBefore = server.server.meeting(meeting.id)!.seq;

    // Every ballot at once, one resent in the same burst, and the probationary member's (refused) among them.
    members.forEach((peer, i) => peer.send({ type: 'command', id: 'vote', command: { type: 'cast-ballot', motionId: 'nq', choice: i % 3 ? 'agree' : 'disagree' } }));
    members[0]!.send({ type: 'command', id: 'vote', command: { type: 'cast-ballot', motionId: 'nq', choice: 'disagree' } });
    prob.send({ type: 'command', id: 'vote', command: { type: 'cast-ballot', motionId: 'nq', choice: 'agree' } });

    const acks = await Promise.all(members.map((peer) => peer.next((m) => m.id === 'vote')));
    assert.ok(acks.every((a) => a.type === 'ack'), 'every full member is acknowledged');
    assert.equal((await members[0]!.next((m) => m.id === 'vote')).seq, acks[0]!.seq, 'the resend gets the same sequence number');
    assert.equal((await prob.next((m) => m.id === 'vote')).code, 'not-allowed', 'a probationary member never votes');
    assert.equal(new Set(acks.map((a) => a.seq)).size, VOTERS, 'each ballot has its own event');
    const host = server.server.meeting(meeting.id)!;
    assert.equal(host.seq, seqBefore + VOTERS, 'applied once each, nothing else');
    assert.equal(Object.keys(host.state.motions[0]!.votes).length, VOTERS);

    // Fewer frames than ballots reached the observer: the burst went out in batches.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const delivered = frames.flatMap((f) => (f.type === 'events' ? f.events! : f.type === 'event' ? [f] : []));
    assert.equal(delivered.length, VOTERS);
    assert.ok(frames.some((f) => f.type === 'events'), 'at least one group-commit frame');
    assert.ok(frames.length < VOTERS, `${frames.length} frames for ${VOTERS} ballots`);
    observer.close();
  });
});
