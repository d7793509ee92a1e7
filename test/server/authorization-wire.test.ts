/**
 * Every role × every command over the real WebSocket (issue 7): what the
 * server answers is exactly what the core decides for that actor on the
 * server's state at that moment — a command the authorization table forbids
 * a role is refused with `not-allowed`, and nothing a client says about its
 * own role matters (the role comes from the signed token and the roster).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decide, mayPerform, meetingRoles, type Actor, type ClientCommand, type Command, type TokenRole } from '../../src/core/index.js';
import { hybridMeeting } from '../helpers/meeting.js';
import { TestServer } from '../helpers/server.js';
import { WsPeer } from '../helpers/ws-peer.js';

/** One command of every type a client may send, in an order that walks a meeting from opening to closing. */
const SAMPLES: Record<ClientCommand['type'], ClientCommand> = {
  'open-lobby': { type: 'open-lobby' },
  'open-meeting': { type: 'open-meeting' },
  admit: { type: 'admit', participantId: 'a' },
  'refuse-entry': { type: 'refuse-entry', participantId: 'guest', reason: 'Không có trong danh sách' },
  'post-document': { type: 'post-document', document: { id: 'doc-1', title: 'Dự thảo nghị quyết' } },
  'elect-recorder': { type: 'elect-recorder', memberId: 'b' },
  'mark-attendance': { type: 'mark-attendance', memberId: 'a', mark: 'present-online' },
  'add-agenda-item': { type: 'add-agenda-item', item: { id: 'it-1', title: 'Báo cáo', step: 'content', plannedMinutes: 15 } },
  'move-agenda-item': { type: 'move-agenda-item', itemId: 'it-1', toIndex: 0 },
  'start-agenda-item': { type: 'start-agenda-item', itemId: 'it-1' },
  'raise-hand': { type: 'raise-hand' },
  'lower-hand': { type: 'lower-hand' },
  'give-floor': { type: 'give-floor', participantId: 'a', muteOthers: true },
  'end-floor': { type: 'end-floor' },
  'create-motion': { type: 'create-motion', motion: { id: 'mo-1', title: 'Nghị quyết', ballot: 'open', threshold: 'majority', tags: ['resolution'] } },
  'open-vote': { type: 'open-vote', motionId: 'mo-1' },
  'cast-ballot': { type: 'cast-ballot', motionId: 'mo-1', choice: 'agree' },
  'record-hand-vote': { type: 'record-hand-vote', motionId: 'mo-1', memberId: 'room-1', choice: 'agree' },
  'record-paper-tally': { type: 'record-paper-tally', motionId: 'mo-1', bridgePointId: 'xa', agree: 1, disagree: 0, other: 0 },
  'approve-paper-tally': { type: 'approve-paper-tally', motionId: 'mo-1', bridgePointId: 'xa' },
  'close-vote': { type: 'close-vote', motionId: 'mo-1' },
  'finish-agenda-item': { type: 'finish-agenda-item' },
  'skip-agenda-item': { type: 'skip-agenda-item', itemId: 'it-1', reason: 'Hết giờ' },
  'assign-task': { type: 'assign-task', taskId: 't-1', description: 'Triển khai nghị quyết', assigneeId: 'b', deadline: '2026-12-31' },
  'record-conclusion': { type: 'record-conclusion', text: 'Thống nhất' },
  'add-minutes-note': { type: 'add-minutes-note', text: 'Ghi chép' },
  'rate-meeting': { type: 'rate-meeting', score: 90 },
  'read-back-minutes': { type: 'read-back-minutes' },
  'add-minutes-annex': { type: 'add-minutes-annex', text: 'Phụ lục' },
  'begin-closing': { type: 'begin-closing' },
  'close-meeting': { type: 'close-meeting' },
};

/** Who connects, with the role their token carries: every kind of participant of the hybrid meeting. */
const PEOPLE: Array<[string, TokenRole]> = [
  ['prob', 'member'],
  ['a', 'member'],
  ['b', 'member'],
  ['delegate', 'delegate'],
  ['guest', 'guest'],
  ['tech', 'technician'],
  ['chair', 'chair'],
];

describe('every role × every command over the real WebSocket', () => {
  let server: TestServer;
  const peers = new Map<string, WsPeer>();
  before(async () => {
    server = await TestServer.start([hybridMeeting]);
    for (const [id, role] of PEOPLE) peers.set(id, (await WsPeer.join(server.url, await server.token(id, role, hybridMeeting.id))).peer);
  });
  after(async () => {
    for (const peer of peers.values()) peer.close();
    await server.stop();
  });

  it('answers each one exactly as the core decides, and refuses what the table forbids with not-allowed', async () => {
    const host = server.server.meeting(hybridMeeting.id)!;
    let n = 0;
    let forbidden = 0;
    let accepted = 0;
    for (const command of Object.values(SAMPLES)) {
      for (const [id, role] of PEOPLE) {
        const actor: Actor = { participantId: id, role };
        const allowed = mayPerform(meetingRoles(host.state, actor), command.type);
        const expected = decide(host.state, command as Command, actor, new Date().toISOString());
        const peer = peers.get(id)!;
        const commandId = `w${++n}`;
        peer.send({ type: 'command', id: commandId, command });
        const reply = await peer.next((m) => m.id === commandId);
        const what = `${command.type} by ${id} (${role})`;
        if (!allowed) {
          forbidden += 1;
          assert.deepEqual([reply.type, reply.code], ['reject', 'not-allowed'], what);
        } else if ('rejection' in expected) {
          assert.deepEqual([reply.type, reply.code], ['reject', expected.rejection.code], what);
        } else {
          accepted += 1;
          assert.equal(reply.type, 'ack', `${what}: ${JSON.stringify(reply)}`);
        }
      }
    }
    // The walk reached far enough to mean something: many refusals and many accepted commands.
    assert.ok(forbidden > 100, `${forbidden} forbidden pairs`);
    assert.ok(accepted > 15, `${accepted} accepted commands`);
    assert.equal(host.state.phase, 'closed');
  });
});
