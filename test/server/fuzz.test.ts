/**
 * Hostile input over the real WebSocket (issue 7): fast-check generates more
 * than 10,000 malformed or hostile messages — text that is not JSON, JSON of
 * every shape, commands of unknown types, the server's own commands, commands
 * with a field of the wrong type, an extra field, an id that is empty or too
 * long, text over its limit, a second hello. Each gets a `reject` with a
 * stable code, the connection stays open, the server keeps serving, and the
 * meeting's state and log do not change.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { after, before, describe, it } from 'node:test';
import { REJECTION_TEXT } from '../../src/core/index.js';
import { testMeeting } from '../helpers/meeting.js';
import { TestServer } from '../helpers/server.js';
import { WsPeer } from '../helpers/ws-peer.js';

/** Valid commands a chair might send; each mutation below makes one of them invalid. */
const VALID: Array<Record<string, unknown>> = [
  { type: 'mark-attendance', memberId: 'full-a', mark: 'present-online' },
  { type: 'add-agenda-item', item: { id: 'i1', title: 'Báo cáo', step: 'content', plannedMinutes: 20 } },
  { type: 'give-floor', participantId: 'full-a', muteOthers: true },
  { type: 'create-motion', motion: { id: 'mo', title: 'Nghị quyết', ballot: 'open', threshold: 'majority', tags: ['resolution'] } },
  { type: 'cast-ballot', motionId: 'mo', choice: 'agree' },
  { type: 'record-paper-tally', motionId: 'mo', bridgePointId: 'bp', agree: 1, disagree: 0, other: 0 },
  { type: 'skip-agenda-item', itemId: 'i1', reason: 'Hết giờ' },
  { type: 'add-minutes-note', text: 'Ghi chép' },
];
const KNOWN_CODES = new Set(Object.keys(REJECTION_TEXT));
const kindOf = (value: unknown) => (Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value);
const wrongValue = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));

/** A hostile message as text, and whether it carries a readable command id. */
const hostile: fc.Arbitrary<string> = fc.oneof(
  // Not JSON at all, or JSON of any shape.
  fc.string({ maxLength: 200 }).filter((text) => text.trim() !== ''),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  // A command of a type the server does not know, or one only the server may issue.
  fc.record({ id: fc.uuid(), type: fc.oneof(fc.string({ minLength: 1, maxLength: 40 }).map((t) => `x-${t}`), fc.constantFrom('join', 'leave')) }).map(({ id, type }) =>
    JSON.stringify({ type: 'command', id, command: { type } }),
  ),
  // A valid command with one field of the wrong type.
  fc
    .record({ id: fc.uuid(), base: fc.constantFrom(...VALID), pick: fc.nat(), value: wrongValue })
    .map(({ id, base, pick, value }) => {
      const fields = Object.keys(base).filter((k) => k !== 'type');
      const field = fields[pick % fields.length]!;
      return { id, command: { ...base, [field]: value }, original: base[field], value };
    })
    .filter(({ original, value }) => kindOf(original) !== kindOf(value))
    .map(({ id, command }) => JSON.stringify({ type: 'command', id, command })),
  // A valid command with a field it does not have.
  fc.record({ id: fc.uuid(), base: fc.constantFrom(...VALID), key: fc.string({ minLength: 1, maxLength: 20 }) }).map(({ id, base, key }) =>
    JSON.stringify({ type: 'command', id, command: { ...base, [`extra-${key}`]: 1 } }),
  ),
  // An id that is empty, too long or not a string.
  fc.record({ base: fc.constantFrom(...VALID), id: fc.oneof(fc.constant(''), fc.string({ minLength: 65, maxLength: 300 }), fc.integer()) }).map(({ base, id }) =>
    JSON.stringify({ type: 'command', id, command: base }),
  ),
  // Text over its limit (still under the 16 KiB message limit).
  fc.record({ id: fc.uuid(), length: fc.integer({ min: 2001, max: 12_000 }) }).map(({ id, length }) =>
    JSON.stringify({ type: 'command', id, command: { type: 'add-minutes-note', text: 'x'.repeat(length) } }),
  ),
  // A second hello on a connection that said hello already, a signal with no payload.
  fc.constant(JSON.stringify({ type: 'hello', token: 'x' })),
  fc.string({ minLength: 1, maxLength: 64 }).map((to) => JSON.stringify({ type: 'signal', to })),
);

describe('fuzz: 10,000 hostile messages over the real WebSocket', () => {
  let server: TestServer;
  let chair: WsPeer;
  before(async () => {
    // No rate limit here: the limiter's own test is in hardening.test.ts; this one reaches the parser every time.
    server = await TestServer.start([testMeeting], { rateLimit: { burst: 1e9, perSecond: 1e9 } });
    chair = (await WsPeer.join(server.url, await server.token('chair', 'chair'))).peer;
    chair.send({ type: 'command', id: 'open', command: { type: 'open-meeting' } });
    await chair.next((m) => m.id === 'open' && m.type === 'ack');
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
  after(async () => {
    chair.close();
    await server.stop();
  });

  it('answers each with a reject of a known code, and changes nothing', async () => {
    const host = server.server.meeting(testMeeting.id)!;
    const seqBefore = host.seq;
    const stateBefore = JSON.stringify(host.state);
    chair.messages.length = 0;
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(hostile, async (text) => {
        sent += 1;
        chair.send(text);
        const reply = await chair.next(() => true);
        assert.equal(reply.type, 'reject', `${text.slice(0, 200)} → ${JSON.stringify(reply).slice(0, 200)}`);
        assert.ok(KNOWN_CODES.has(reply.code as string), `unknown code ${String(reply.code)}`);
        assert.equal(typeof reply.message, 'string');
      }),
      { numRuns: 10_000 },
    );
    assert.equal(sent, 10_000);
    assert.equal(chair.closed, undefined, 'the connection stayed open');
    assert.equal(host.seq, seqBefore, 'nothing was recorded');
    assert.equal(JSON.stringify(host.state), stateBefore, 'the state did not change');
    // The server still serves: a health check, and a command that is valid.
    assert.equal(await (await fetch(`${server.url}/healthz`)).text(), 'ok\n');
    chair.send({ type: 'command', id: 'after', command: { type: 'mark-attendance', memberId: 'full-a', mark: 'present-online' } });
    assert.equal((await chair.next((m) => m.id === 'after')).type, 'ack');
  });

  it('refuses a hello with a token for another meeting, or signed with another secret, and stays up', async () => {
    const other = await WsPeer.open(server.url);
    other.send({ type: 'hello', token: await server.token('chair', 'chair', 'no-such-meeting') });
    assert.equal((await other.next((m) => m.type === 'reject')).code, 'unknown-meeting');
    assert.equal((await other.closedBy()).code, 4004);
    const forged = await WsPeer.open(server.url);
    const [header, payload] = (await server.token('chair', 'chair')).split('.');
    forged.send({ type: 'hello', token: `${header}.${payload}.${'A'.repeat(43)}` });
    assert.equal((await forged.next((m) => m.type === 'reject')).code, 'invalid-token');
    assert.equal((await forged.closedBy()).code, 4001);
  });

  it('applies a replayed command once, and answers a resume from a future sequence number with the whole state', async () => {
    const command = { type: 'command', id: 'replayed', command: { type: 'mark-attendance', memberId: 'full-b', mark: 'present-online' } };
    chair.send(command);
    const first = await chair.next((m) => m.id === 'replayed');
    const seq = server.server.meeting(testMeeting.id)!.seq;
    for (let i = 0; i < 5; i++) chair.send(command);
    for (let i = 0; i < 5; i++) assert.equal((await chair.next((m) => m.id === 'replayed')).seq, first.seq);
    assert.equal(server.server.meeting(testMeeting.id)!.seq, seq);
    const { peer, welcome } = await WsPeer.join(server.url, await server.token('full-a', 'member'), seq + 1000);
    assert.ok(welcome.snapshot, 'a client ahead of the server gets the whole state, not a resume');
    peer.close();
  });
});
