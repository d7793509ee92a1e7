/**
 * Core benchmark: `decide` + `evolve` throughput in a 500-member meeting, and
 * the time to rebuild a meeting from a 100,000-event log with `replay`.
 *
 *   node --import tsx bench/core.ts [members=500]
 */
import { decide, evolve, replay, type Actor, type Command, type MeetingDefinition, type MeetingEvent, type MeetingState } from '../src/core/index.js';

const MEMBERS = Number(process.argv[2] ?? 500);
const LOG_EVENTS = 100_000;
const T = '2026-11-23T08:00:00.000Z';

const meeting: MeetingDefinition = {
  id: 'bench',
  title: 'Bench',
  cell: { id: 'c', name: 'Đảng bộ lớn', members: Array.from({ length: MEMBERS }, (_, i) => ({ id: `m${i}`, name: `Member ${i}`, status: i % 10 === 9 ? ('probationary' as const) : ('full' as const) })) },
  chairId: 'm0',
  delegates: [],
  scheduledAt: T,
  mode: 'hybrid',
};
const chair: Actor = { participantId: 'm0', role: 'chair' };
const member = (i: number): Actor => ({ participantId: `m${i}`, role: i === 0 ? 'chair' : 'member' });

let state: MeetingState = replay([{ type: 'meeting-created', at: T, meeting }]);
const log: MeetingEvent[] = [{ type: 'meeting-created', at: T, meeting }];
let accepted = 0;
let refused = 0;
function apply(actor: Actor, command: Command): void {
  const decision = decide(state, command, actor, T);
  if ('rejection' in decision) {
    refused++;
    return;
  }
  accepted++;
  for (const event of decision.events) {
    state = evolve(state, event);
    log.push(event);
  }
}

/** A realistic mix: people join and leave, the roll, hands, the floor, a vote of everyone. */
function meetingRound(round: number): void {
  for (let i = 0; i < MEMBERS; i++) apply(member(i), { type: 'join' });
  if (state.phase === 'scheduled') apply(chair, { type: 'open-meeting' });
  for (let i = 0; i < MEMBERS; i++) apply(chair, { type: 'mark-attendance', memberId: `m${i}`, mark: i % 7 === 3 ? 'absent-with-reason' : 'present-online', reason: 'ốm' });
  for (let i = 1; i < 60; i++) apply(member(i), { type: 'raise-hand' });
  for (let i = 1; i < 30; i++) apply(chair, { type: 'give-floor', participantId: `m${i}` });
  apply(chair, { type: 'end-floor' });
  const id = `v${round}`;
  apply(chair, { type: 'create-motion', motion: { id, title: 'Nghị quyết', ballot: 'open', threshold: 'majority', tags: ['resolution'] } });
  apply(chair, { type: 'open-vote', motionId: id });
  for (let i = 0; i < MEMBERS; i++) apply(member(i), { type: 'cast-ballot', motionId: id, choice: i % 3 === 0 ? 'disagree' : 'agree' });
  apply(chair, { type: 'close-vote', motionId: id });
  for (let i = 1; i < 60; i++) apply(member(i), { type: 'lower-hand' });
  for (let i = 0; i < MEMBERS; i++) apply(member(i), { type: 'leave' });
}

let t0 = performance.now();
let round = 0;
while (log.length < LOG_EVENTS) meetingRound(round++);
const elapsed = performance.now() - t0;
const commands = accepted + refused;
console.log(`decide + evolve, ${MEMBERS}-member meeting: ${commands} commands (${refused} refused) in ${elapsed.toFixed(0)} ms = ${Math.round((commands / elapsed) * 1000)} commands/s, ${((elapsed / commands) * 1000).toFixed(1)} µs each`);

const events = log.slice(0, LOG_EVENTS);
t0 = performance.now();
const rebuilt = replay(events);
const rebuildMs = performance.now() - t0;
console.log(`replay of ${events.length} events (${round} meeting rounds, ${rebuilt.motions.length} motions): ${rebuildMs.toFixed(0)} ms`);
const heap = process.memoryUsage().heapUsed / 1024 / 1024;
console.log(`heap used after both: ${heap.toFixed(0)} MB`);
