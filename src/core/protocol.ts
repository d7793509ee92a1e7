/**
 * The sync protocol between `MeetingClient` and the server (ARCHITECTURE.md
 * "Sync protocol"): JSON over one WebSocket, every message checked by these
 * schemas on both ends.
 */
import * as v from 'valibot';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const seq = v.pipe(v.number(), v.integer(), v.minValue(0));
const time = v.pipe(v.string(), v.isoTimestamp());
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000));
const mark = v.picklist(['present-in-person', 'present-online', 'absent-with-reason', 'absent-without-reason', 'exempt']);
const choice = v.picklist(['agree', 'disagree', 'other']);
const step = v.picklist(['opening', 'content', 'closing']);
const threshold = v.picklist(['majority', 'two-thirds']);
const tag = v.picklist(['resolution', 'election', 'discipline', 'admission', 'confirmation', 'rating', 'classified', 'minutes-adoption', 'other']);
const tokenRole = v.picklist(['chair', 'member', 'delegate', 'guest', 'technician']);

/** An adapter's signalling message: a JSON object, bounded by the server's message size limit. */
const signalPayload = v.record(v.pipe(v.string(), v.maxLength(64)), v.unknown());

const newAgendaItem = v.strictObject({ id, title: text(200), step, plannedMinutes: count });
const newMotion = v.strictObject({
  id,
  title: text(500),
  ballot: v.picklist(['open', 'secret']),
  threshold,
  tags: v.pipe(v.array(tag), v.maxLength(9)),
  allowChange: v.optional(v.boolean()),
  showLiveTally: v.optional(v.boolean()),
});

/** Commands a client may send; `join` and `leave` are the server's, on connect and disconnect. */
export const ClientCommandSchema = v.variant('type', [
  v.strictObject({ type: v.literal('open-lobby') }),
  v.strictObject({ type: v.literal('open-meeting') }),
  v.strictObject({ type: v.literal('begin-closing') }),
  v.strictObject({ type: v.literal('close-meeting') }),
  v.strictObject({ type: v.literal('admit'), participantId: id }),
  v.strictObject({ type: v.literal('refuse-entry'), participantId: id, reason: v.optional(text(200)) }),
  v.strictObject({ type: v.literal('post-document'), document: v.strictObject({ id, title: text(300), url: v.optional(text(2000)) }) }),
  v.strictObject({ type: v.literal('elect-recorder'), memberId: id }),
  v.strictObject({
    type: v.literal('mark-attendance'),
    memberId: id,
    mark,
    reason: v.optional(text(200)),
    reasonAccepted: v.optional(v.boolean()),
    bridgePointId: v.optional(id),
  }),
  v.strictObject({ type: v.literal('add-agenda-item'), item: newAgendaItem, afterId: v.optional(id) }),
  v.strictObject({ type: v.literal('move-agenda-item'), itemId: id, toIndex: count }),
  v.strictObject({ type: v.literal('skip-agenda-item'), itemId: id, reason: text(200) }),
  v.strictObject({ type: v.literal('start-agenda-item'), itemId: id }),
  v.strictObject({ type: v.literal('finish-agenda-item') }),
  v.strictObject({ type: v.literal('raise-hand') }),
  v.strictObject({ type: v.literal('lower-hand'), participantId: v.optional(id) }),
  v.strictObject({ type: v.literal('give-floor'), participantId: id, muteOthers: v.optional(v.boolean()) }),
  v.strictObject({ type: v.literal('end-floor') }),
  v.strictObject({ type: v.literal('create-motion'), motion: newMotion }),
  v.strictObject({ type: v.literal('open-vote'), motionId: id }),
  v.strictObject({ type: v.literal('cast-ballot'), motionId: id, choice }),
  v.strictObject({ type: v.literal('record-hand-vote'), motionId: id, memberId: id, choice }),
  v.strictObject({ type: v.literal('record-paper-tally'), motionId: id, bridgePointId: id, agree: count, disagree: count, other: count }),
  v.strictObject({ type: v.literal('approve-paper-tally'), motionId: id, bridgePointId: id }),
  v.strictObject({ type: v.literal('close-vote'), motionId: id }),
  v.strictObject({ type: v.literal('assign-task'), taskId: id, description: text(2000), assigneeId: id, deadline: v.pipe(v.string(), v.maxLength(40)) }),
  v.strictObject({ type: v.literal('record-conclusion'), text: text(2000) }),
  v.strictObject({ type: v.literal('rate-meeting'), score: count, note: v.optional(text(2000)) }),
  v.strictObject({ type: v.literal('add-minutes-note'), text: text(2000), agendaItemId: v.optional(id) }),
  v.strictObject({ type: v.literal('read-back-minutes') }),
  v.strictObject({ type: v.literal('add-minutes-annex'), text: text(2000) }),
]);
/** A command as a client sends it. */
export type ClientCommand = v.InferOutput<typeof ClientCommandSchema>;

/** Everything a client may send. */
export const ClientMessageSchema = v.variant('type', [
  v.strictObject({ type: v.literal('hello'), token: v.pipe(v.string(), v.minLength(1), v.maxLength(4096)), lastSeq: v.optional(seq) }),
  v.strictObject({ type: v.literal('command'), id, command: ClientCommandSchema }),
  v.strictObject({ type: v.literal('ping') }),
  // Mesh media signalling (SDP, ICE candidates), relayed to one other participant; never recorded.
  v.strictObject({ type: v.literal('signal'), to: id, payload: signalPayload }),
]);
/** A message from client to server. */
export type ClientMessage = v.InferOutput<typeof ClientMessageSchema>;

const flags = v.object({ exempt: v.optional(v.boolean()), attachedHere: v.optional(v.boolean()), attachedElsewhere: v.optional(v.boolean()), suspended: v.optional(v.boolean()) });
const member = v.object({ id, name: v.string(), status: v.picklist(['full', 'probationary']), flags: v.optional(flags) });
const invitee = v.object({ id, name: v.string(), organization: v.optional(v.string()) });
const bridgePoint = v.object({ id, name: v.string(), main: v.optional(v.boolean()), operatorId: v.optional(id) });
const definition = v.object({
  id,
  title: v.string(),
  cell: v.object({ id, name: v.string(), parentName: v.optional(v.string()), unitKind: v.optional(v.picklist(['cell', 'base-committee', 'party-group'])), members: v.array(member) }),
  chairId: id,
  delegates: v.array(invitee),
  guests: v.optional(v.array(v.object({ ...invitee.entries, kind: v.picklist(['guest', 'technician']) }))),
  scheduledAt: time,
  kind: v.optional(v.picklist(['regular', 'thematic', 'combined'])),
  mode: v.optional(v.picklist(['in-person', 'online', 'hybrid'])),
  bridgePoints: v.optional(v.array(bridgePoint)),
  seating: v.optional(v.record(id, id)),
  policy: v.optional(v.record(v.string(), v.unknown())),
  documents: v.optional(v.array(v.object({ id, title: v.string(), postedAt: time, url: v.optional(v.string()) }))),
});
const tally = v.object({ agree: count, disagree: count, other: count });
const documentSchema = v.object({ id, title: v.string(), postedAt: time, url: v.optional(v.string()) });
const voteResult = v.object({
  tally,
  cast: count,
  denominator: v.object({ called: count, attachedElsewhere: count, exemptAbsent: count, suspended: count, absentWithAcceptedReason: count, value: v.number() }),
  threshold,
  required: count,
  passed: v.boolean(),
  percent: v.number(),
  bySource: v.record(v.string(), tally),
  named: v.optional(v.record(id, choice)),
});
const at = { at: time };

/** A recorded event, as the server sends it. */
export const MeetingEventSchema = v.variant('type', [
  v.object({ type: v.literal('meeting-created'), ...at, meeting: definition }),
  v.object({ type: v.literal('participant-joined'), ...at, participantId: id }),
  v.object({ type: v.literal('participant-left'), ...at, participantId: id }),
  v.object({ type: v.literal('lobby-opened'), ...at, by: id }),
  v.object({ type: v.literal('meeting-opened'), ...at, by: id }),
  v.object({ type: v.literal('closing-begun'), ...at, by: id }),
  v.object({ type: v.literal('meeting-closed'), ...at, by: id }),
  v.object({ type: v.literal('participant-admitted'), ...at, by: id, participantId: id }),
  v.object({ type: v.literal('participant-refused'), ...at, by: id, participantId: id, reason: v.optional(v.string()) }),
  v.object({ type: v.literal('document-posted'), ...at, by: id, document: documentSchema }),
  v.object({ type: v.literal('recorder-elected'), ...at, by: id, memberId: id }),
  v.object({ type: v.literal('attendance-marked'), ...at, by: id, memberId: id, mark, reason: v.optional(v.string()), reasonAccepted: v.optional(v.boolean()), bridgePointId: v.optional(id) }),
  v.object({ type: v.literal('agenda-item-added'), ...at, by: id, item: newAgendaItem, index: count }),
  v.object({ type: v.literal('agenda-item-moved'), ...at, by: id, itemId: id, toIndex: count }),
  v.object({ type: v.literal('agenda-item-skipped'), ...at, by: id, itemId: id, reason: v.string() }),
  v.object({ type: v.literal('agenda-item-started'), ...at, by: id, itemId: id }),
  v.object({ type: v.literal('agenda-item-finished'), ...at, by: id, itemId: id }),
  v.object({ type: v.literal('hand-raised'), ...at, participantId: id }),
  v.object({ type: v.literal('hand-lowered'), ...at, participantId: id, by: id }),
  v.object({ type: v.literal('floor-given'), ...at, by: id, participantId: id, muteOthers: v.boolean() }),
  v.object({ type: v.literal('floor-ended'), ...at, by: id, participantId: id }),
  v.object({ type: v.literal('motion-created'), ...at, by: id, motion: newMotion }),
  v.object({ type: v.literal('vote-opened'), ...at, by: id, motionId: id }),
  v.object({ type: v.literal('ballot-cast'), ...at, motionId: id, voterId: id, source: id, choice: v.optional(choice), by: id }),
  v.object({ type: v.literal('paper-tally-recorded'), ...at, by: id, motionId: id, bridgePointId: id, agree: count, disagree: count, other: count }),
  v.object({ type: v.literal('paper-tally-approved'), ...at, by: id, motionId: id, bridgePointId: id }),
  v.object({ type: v.literal('vote-closed'), ...at, by: id, motionId: id, result: voteResult }),
  v.object({ type: v.literal('task-assigned'), ...at, by: id, taskId: id, description: v.string(), assigneeId: id, deadline: v.string() }),
  v.object({ type: v.literal('conclusion-recorded'), ...at, by: id, text: v.string() }),
  v.object({ type: v.literal('meeting-rated'), ...at, by: id, score: count, note: v.optional(v.string()) }),
  v.object({ type: v.literal('minutes-note-added'), ...at, by: id, text: v.string(), agendaItemId: v.optional(id) }),
  v.object({ type: v.literal('minutes-read-back'), ...at, by: id }),
  v.object({ type: v.literal('minutes-adopted'), ...at, by: id, motionId: id, record: v.looseObject({ title: v.string(), status: v.string(), course: v.array(v.unknown()) }) }),
  v.object({ type: v.literal('minutes-annex-added'), ...at, by: id, text: v.string() }),
  v.object({ type: v.literal('delegate-assigned'), ...at, by: id, delegate: invitee, bridgePoint: v.optional(bridgePoint) }),
  v.object({ type: v.literal('delegate-unassigned'), ...at, by: id, delegateId: id }),
]);

/**
 * A welcome's snapshot: the definition's fields and the state's collections,
 * checked in their shape; the values inside are the server's own projection
 * of a state built by `evolve`.
 */
const meetingState = v.looseObject({
  ...definition.entries,
  phase: v.picklist(['scheduled', 'lobby', 'open', 'closing', 'closed']),
  connected: v.record(id, v.object({ since: time })),
  attendance: v.record(id, v.looseObject({ mark, markedAt: time })),
  agenda: v.array(v.looseObject({ id, title: v.string(), status: v.picklist(['pending', 'running', 'done', 'skipped']) })),
  hands: v.array(v.object({ participantId: id, raisedAt: time })),
  speeches: v.array(v.looseObject({ participantId: id, from: time, to: time })),
  motions: v.array(v.looseObject({ id, title: v.string(), status: v.picklist(['draft', 'voting', 'closed']), votes: v.record(id, v.looseObject({ at: time })) })),
  tasks: v.array(v.looseObject({ id, assigneeId: id })),
  conclusions: v.array(v.looseObject({ text: v.string() })),
  minutes: v.looseObject({ status: v.picklist(['draft', 'read-back', 'adopted']), notes: v.array(v.unknown()), annexes: v.array(v.unknown()) }),
  policy: v.record(v.string(), v.unknown()),
});

const sequenced = v.object({ seq, event: MeetingEventSchema });

/** Everything the server may send. */
export const ServerMessageSchema = v.variant('type', [
  v.object({
    type: v.literal('welcome'),
    you: v.object({ participantId: id, role: tokenRole, name: v.string() }),
    seq,
    // The whole state when the client had none or fell too far behind…
    snapshot: v.optional(meetingState),
    // …or the events after the client's `lastSeq`.
    events: v.optional(v.array(sequenced)),
  }),
  v.object({ type: v.literal('ack'), id, seq }),
  v.object({ type: v.literal('reject'), id: v.optional(id), code: v.string(), message: v.string() }),
  v.object({ type: v.literal('event'), seq, event: MeetingEventSchema }),
  // Several commands recorded together (a group commit): their events, in order.
  v.object({ type: v.literal('events'), events: v.pipe(v.array(sequenced), v.minLength(1)) }),
  v.object({ type: v.literal('pong') }),
  v.object({ type: v.literal('signal'), from: id, payload: signalPayload }),
  // Another server process serves this meeting: reconnect there (followed by close code 4010).
  v.object({ type: v.literal('redirect'), url: v.pipe(v.string(), v.url(), v.maxLength(2000)) }),
]);
/** A message from server to client. */
export type ServerMessage = v.InferOutput<typeof ServerMessageSchema>;

/** The outcome of parsing one raw message. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

function parseWith<T>(schema: v.GenericSchema<unknown, T>, raw: string): Parsed<T> {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, error: 'Not valid JSON.' };
  }
  const result = v.safeParse(schema, json);
  if (result.success) return { ok: true, value: result.output };
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return { ok: false, error: path ? `${path}: ${issue.message}` : issue.message };
}

/** Parses and validates a raw message from a client. */
export const parseClientMessage = (raw: string): Parsed<ClientMessage> => parseWith(ClientMessageSchema, raw);

/** Parses and validates a raw message from the server. */
export const parseServerMessage = (raw: string): Parsed<ServerMessage> => parseWith(ServerMessageSchema, raw);
