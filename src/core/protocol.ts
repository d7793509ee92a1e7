/**
 * The sync protocol between `MeetingClient` and the server (ARCHITECTURE.md
 * "Sync protocol"): JSON over one WebSocket, every message checked by these
 * schemas on both ends.
 */
import * as v from 'valibot';
import { MAX_REASON_LENGTH } from './decide.js';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const seq = v.pipe(v.number(), v.integer(), v.minValue(0));
const time = v.pipe(v.string(), v.isoTimestamp());
const mark = v.picklist(['present-online', 'absent-with-reason', 'absent-without-reason']);

/** Commands a client may send; `join` and `leave` are the server's, on connect and disconnect. */
export const ClientCommandSchema = v.variant('type', [
  v.strictObject({ type: v.literal('open-meeting') }),
  v.strictObject({ type: v.literal('close-meeting') }),
  v.strictObject({
    type: v.literal('mark-attendance'),
    memberId: id,
    mark,
    reason: v.optional(v.pipe(v.string(), v.maxLength(MAX_REASON_LENGTH))),
  }),
]);
/** A command as a client sends it. */
export type ClientCommand = v.InferOutput<typeof ClientCommandSchema>;

/** Everything a client may send. */
export const ClientMessageSchema = v.variant('type', [
  v.strictObject({ type: v.literal('hello'), token: v.pipe(v.string(), v.minLength(1), v.maxLength(4096)), lastSeq: v.optional(seq) }),
  v.strictObject({ type: v.literal('command'), id, command: ClientCommandSchema }),
  v.strictObject({ type: v.literal('ping') }),
]);
/** A message from client to server. */
export type ClientMessage = v.InferOutput<typeof ClientMessageSchema>;

const member = v.object({ id, name: v.string(), status: v.picklist(['full', 'probationary']) });
const definition = v.object({
  id,
  title: v.string(),
  cell: v.object({ id, name: v.string(), parentName: v.optional(v.string()), members: v.array(member) }),
  chairId: id,
  delegates: v.array(v.object({ id, name: v.string(), organization: v.string() })),
  scheduledAt: time,
});

/** A recorded event, as the server sends it. */
export const MeetingEventSchema = v.variant('type', [
  v.object({ type: v.literal('meeting-created'), at: time, meeting: definition }),
  v.object({ type: v.literal('participant-joined'), at: time, participantId: id }),
  v.object({ type: v.literal('participant-left'), at: time, participantId: id }),
  v.object({ type: v.literal('meeting-opened'), at: time, by: id }),
  v.object({ type: v.literal('meeting-closed'), at: time, by: id }),
  v.object({ type: v.literal('attendance-marked'), at: time, by: id, memberId: id, mark, reason: v.optional(v.string()) }),
]);

const meetingState = v.object({
  ...definition.entries,
  phase: v.picklist(['scheduled', 'open', 'closed']),
  openedAt: v.optional(time),
  closedAt: v.optional(time),
  connected: v.record(id, v.object({ since: time })),
  attendance: v.record(id, v.object({ mark, reason: v.optional(v.string()), markedAt: time })),
});

const sequenced = v.object({ seq, event: MeetingEventSchema });

/** Everything the server may send. */
export const ServerMessageSchema = v.variant('type', [
  v.object({
    type: v.literal('welcome'),
    you: v.object({ participantId: id, role: v.picklist(['chair', 'member', 'delegate']), name: v.string() }),
    seq,
    /** The whole state when the client had none or fell too far behind… */
    snapshot: v.optional(meetingState),
    /** …or the events after the client's `lastSeq`. */
    events: v.optional(v.array(sequenced)),
  }),
  v.object({ type: v.literal('ack'), id, seq }),
  v.object({ type: v.literal('reject'), id: v.optional(id), code: v.string(), message: v.string() }),
  v.object({ type: v.literal('event'), seq, event: MeetingEventSchema }),
  v.object({ type: v.literal('pong') }),
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
