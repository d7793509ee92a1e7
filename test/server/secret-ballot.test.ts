import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TestServer } from '../helpers/server.js';
import { WsPeer } from '../helpers/ws-peer.js';

describe('votes through the real server: the secret ballot box and hidden tallies', () => {
  let server: TestServer;
  const peers: WsPeer[] = [];
  let chair: WsPeer;
  let a: WsPeer;
  let b: WsPeer;
  let n = 0;
  const command = async (peer: WsPeer, cmd: object) => {
    const id = `c${++n}`;
    peer.send({ type: 'command', id, command: cmd });
    const reply = await peer.next((m) => m.id === id);
    assert.equal(reply.type, 'ack', JSON.stringify(reply));
    return reply;
  };
  const logLines: string[] = [];
  const tokensUsed: string[] = [];
  const connect = async (id: string, role: 'chair' | 'member') => {
    const token = await server.token(id, role);
    tokensUsed.push(token);
    const { peer } = await WsPeer.join(server.url, token);
    peers.push(peer);
    return peer;
  };
  before(async () => {
    server = await TestServer.start(undefined, { log: (level, message, fields) => logLines.push(JSON.stringify({ level, message, ...fields })) });
    chair = await connect('chair', 'chair');
    a = await connect('full-a', 'member');
    b = await connect('full-b', 'member');
    await command(chair, { type: 'open-meeting' });
    for (const memberId of ['chair', 'full-a', 'full-b']) await command(chair, { type: 'mark-attendance', memberId, mark: 'present-online' });
  });
  after(async () => {
    for (const p of peers) p.close();
    await server.stop();
  });

  it('keeps secret choices out of the log and out of every message until the result', async () => {
    await command(chair, { type: 'create-motion', motion: { id: 's1', title: 'Phiếu kín', ballot: 'secret', threshold: 'majority', tags: ['resolution'] } });
    await command(chair, { type: 'open-vote', motionId: 's1' });
    a.messages.length = 0;
    await command(chair, { type: 'cast-ballot', motionId: 's1', choice: 'agree' });
    await command(a, { type: 'cast-ballot', motionId: 's1', choice: 'disagree' });
    await command(b, { type: 'cast-ballot', motionId: 's1', choice: 'disagree' });
    await b.next((m) => m.type === 'event' && (m.event as { voterId?: string }).voterId === 'full-b');
    await a.next((m) => m.type === 'event' && (m.event as { voterId?: string }).voterId === 'full-b', 3000).then((m) => a.messages.push(m));
    const seen = a.messages.filter((m) => m.type === 'event').map((m) => JSON.stringify(m));
    assert.equal(seen.filter((text) => text.includes('"ballot-cast"')).length, 3);
    for (const text of seen) assert.doesNotMatch(text, /agree|disagree|"choice"/);

    const db = new Database(join(server.dir, 'events.sqlite'), { readonly: true });
    const rows = db.prepare("SELECT body FROM events WHERE type = 'ballot-cast'").all() as Array<{ body: string }>;
    assert.equal(rows.length, 3);
    for (const row of rows) assert.doesNotMatch(row.body, /agree|disagree|choice/);
    const box = db.prepare("SELECT choice, count FROM ballot_box WHERE motion_id = 's1' ORDER BY choice").all();
    assert.deepEqual(box, [{ choice: 'agree', count: 1 }, { choice: 'disagree', count: 2 }]);
    db.close();

    // The server's structured log names who connected and what was refused, never a token or a choice.
    assert.ok(logLines.length > 0);
    for (const line of logLines) {
      assert.doesNotMatch(line, /agree|disagree|"choice"/);
      for (const token of tokensUsed) assert.ok(!line.includes(token), 'no token in the log');
    }
  });

  it('keeps the sealed totals across a restart and counts them at the close', async () => {
    await server.restart();
    chair = await connect('chair', 'chair');
    const reply = await command(chair, { type: 'close-vote', motionId: 's1' });
    const { welcome } = await WsPeer.join(server.url, await server.token('full-b', 'member'));
    const motion = (welcome.snapshot as { motions: Array<{ id: string; result?: { tally: object; passed: boolean; denominator: { value: number } } }> }).motions.find((m) => m.id === 's1')!;
    assert.ok(reply.seq);
    assert.deepEqual(motion.result!.tally, { agree: 1, disagree: 2, other: 0 });
    assert.equal(motion.result!.denominator.value, 3);
    assert.equal(motion.result!.passed, false);
  });

  it('hides an open vote\'s choices until it closes, then names every voter', async () => {
    a = await connect('full-a', 'member');
    await command(chair, { type: 'create-motion', motion: { id: 'o1', title: 'Giơ tay', ballot: 'open', threshold: 'majority', tags: ['resolution'] } });
    await command(chair, { type: 'open-vote', motionId: 'o1' });
    a.messages.length = 0;
    await command(chair, { type: 'cast-ballot', motionId: 'o1', choice: 'agree' });
    const cast = await a.next((m) => m.type === 'event' && (m.event as { type: string }).type === 'ballot-cast');
    assert.equal((cast.event as { choice?: string }).choice, undefined);
    await command(a, { type: 'cast-ballot', motionId: 'o1', choice: 'agree' });
    await command(chair, { type: 'close-vote', motionId: 'o1' });
    const closed = await a.next((m) => m.type === 'event' && (m.event as { type: string }).type === 'vote-closed');
    const result = (closed.event as { result: { named: object; passed: boolean } }).result;
    assert.deepEqual(result.named, { chair: 'agree', 'full-a': 'agree' });
    assert.equal(result.passed, true);
  });

  it('refuses a probationary member\'s ballot with a stable code', async () => {
    const prob = await connect('prob', 'member');
    await command(chair, { type: 'create-motion', motion: { id: 'o2', title: 'Dự bị', ballot: 'open', threshold: 'majority', tags: ['resolution'] } });
    await command(chair, { type: 'open-vote', motionId: 'o2' });
    prob.send({ type: 'command', id: 'p1', command: { type: 'cast-ballot', motionId: 'o2', choice: 'agree' } });
    const reply = await prob.next((m) => m.id === 'p1');
    assert.equal(reply.type, 'reject');
    assert.equal(reply.code, 'not-allowed');
  });
});
