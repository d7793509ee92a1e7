/**
 * A meeting's record as a whole (issue 7 "Record"): the consistency check,
 * and export and import as one JSON document for the long-term minutes
 * archive, for a backup of one meeting, and for moving a meeting between
 * stores (SQLite ↔ PostgreSQL).
 */
import * as v from 'valibot';
import { MeetingEventSchema, evolve, type MeetingEvent, type MeetingState, type Tally } from '../src/core/index.js';
import type { EventStore, StoredEvent } from './event-store.js';

/** One problem the check found; `seq` names the event when it is about one. */
export interface RecordProblem {
  readonly seq?: number;
  readonly problem: string;
}

/** The export format: every event with its sequence number, and the sealed counts of secret ballots. */
export interface MeetingRecord {
  readonly format: 'party-meeting-record';
  readonly version: 1;
  readonly meetingId: string;
  readonly exportedAt: string;
  readonly events: readonly StoredEvent[];
  readonly ballotBox: Readonly<Record<string, Tally>>;
}

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const RecordSchema = v.object({
  format: v.literal('party-meeting-record'),
  version: v.literal(1),
  meetingId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  exportedAt: v.string(),
  events: v.array(v.object({ seq: v.pipe(v.number(), v.integer(), v.minValue(1)), event: v.unknown() })),
  ballotBox: v.record(v.string(), v.object({ agree: count, disagree: count, other: count })),
});

/**
 * Checks a log: sequence numbers 1, 2, 3 … without a gap or a duplicate; the
 * first event creates this meeting; every event has the protocol's shape and
 * replays; each secret ballot's sealed counts add up to the ballots the log
 * says were cast. Returns every problem found (none: an empty list).
 */
export function checkEvents(meetingId: string, events: readonly StoredEvent[], ballotBox: Readonly<Record<string, Tally>>): RecordProblem[] {
  const problems: RecordProblem[] = [];
  if (events.length === 0) return [{ problem: 'the log is empty' }];
  let state: MeetingState | undefined;
  const secretBallots = new Map<string, number>();
  events.forEach(({ seq, event }, index) => {
    if (seq !== index + 1) problems.push({ seq, problem: `sequence number ${seq} where ${index + 1} was expected (a gap or a duplicate)` });
    const parsed = v.safeParse(MeetingEventSchema, event);
    if (!parsed.success) {
      problems.push({ seq, problem: `not a valid event: ${v.summarize(parsed.issues).split('\n')[0]}` });
      return;
    }
    if (index === 0 && (event.type !== 'meeting-created' || event.meeting.id !== meetingId)) {
      problems.push({ seq, problem: `the first event must create meeting ${meetingId}` });
    }
    if (index > 0 && event.type === 'meeting-created') problems.push({ seq, problem: 'the meeting is created twice' });
    if (event.type === 'ballot-cast' && event.choice === undefined) secretBallots.set(event.motionId, (secretBallots.get(event.motionId) ?? 0) + 1);
    try {
      state = evolve(state, event as MeetingEvent);
    } catch (error) {
      problems.push({ seq, problem: `does not replay: ${(error as Error).message}` });
    }
  });
  const motions = new Set([...secretBallots.keys(), ...Object.keys(ballotBox)]);
  for (const motionId of motions) {
    const tally = ballotBox[motionId] ?? { agree: 0, disagree: 0, other: 0 };
    const sealed = tally.agree + tally.disagree + tally.other;
    const cast = secretBallots.get(motionId) ?? 0;
    if (sealed !== cast) problems.push({ problem: `motion ${motionId}: ${sealed} sealed ballot(s) for ${cast} secret ballot(s) cast` });
  }
  return problems;
}

/** Checks one meeting's log in a store. */
export async function checkMeeting(store: EventStore, meetingId: string): Promise<RecordProblem[]> {
  return checkEvents(meetingId, await store.read(meetingId), await store.ballotBox(meetingId));
}

/** The whole record of one meeting. */
export async function exportMeeting(store: EventStore, meetingId: string, now = new Date()): Promise<MeetingRecord> {
  const events = await store.read(meetingId);
  if (events.length === 0) throw new Error(`No meeting ${meetingId} in this store.`);
  return { format: 'party-meeting-record', version: 1, meetingId, exportedAt: now.toISOString(), events, ballotBox: await store.ballotBox(meetingId) };
}

/**
 * Imports a record exported by `exportMeeting` into a store that does not
 * have the meeting yet. The record is checked first and refused whole, with
 * every problem named, if anything is wrong: nothing is half-imported.
 */
export async function importMeeting(store: EventStore, input: unknown): Promise<{ meetingId: string; events: number }> {
  const parsed = v.safeParse(RecordSchema, input);
  if (!parsed.success) throw new RecordError([{ problem: `not a meeting record: ${v.summarize(parsed.issues).split('\n')[0]}` }]);
  const record = parsed.output;
  const events = record.events as StoredEvent[];
  const problems = checkEvents(record.meetingId, events, record.ballotBox);
  if (problems.length > 0) throw new RecordError(problems);
  if ((await store.read(record.meetingId)).length > 0) throw new RecordError([{ problem: `meeting ${record.meetingId} exists in this store already` }]);
  await store.append(
    record.meetingId,
    events.map((e) => e.event),
  );
  // The sealed counts go in one ballot at a time, through the store's only way in (an append without events).
  for (const [motionId, tally] of Object.entries(record.ballotBox)) {
    for (const choice of ['agree', 'disagree', 'other'] as const) {
      for (let i = 0; i < tally[choice]; i++) await store.append(record.meetingId, [], undefined, { motionId, choice });
    }
  }
  return { meetingId: record.meetingId, events: events.length };
}

/** A record that failed its check, with every problem. */
export class RecordError extends Error {
  constructor(readonly problems: readonly RecordProblem[]) {
    super(problems.map((p) => (p.seq ? `#${p.seq}: ${p.problem}` : p.problem)).join('\n'));
  }
}
