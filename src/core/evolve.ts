import { agendaTemplate } from './agenda/templates.js';
import type { MeetingEvent, SealedBallot } from './commands.js';
import { resolvePolicy } from './policy/policy.js';
import { addChoice, EMPTY_TALLY } from './rules/voting.js';
import type { AgendaItem, Floor, MeetingState, Motion, Speech, Tally } from './state.js';
import type { MeetingDefinition } from './types.js';

/** The state of a meeting just created from its definition. */
export function createdState(meeting: MeetingDefinition): MeetingState {
  const kind = meeting.kind ?? 'regular';
  return {
    ...meeting,
    kind,
    mode: meeting.mode ?? 'online',
    bridgePoints: meeting.bridgePoints?.length ? meeting.bridgePoints : [{ id: 'online', name: 'Trực tuyến', main: true }],
    policy: resolvePolicy(meeting.policy),
    phase: 'scheduled',
    connected: {},
    presence: {},
    attendance: {},
    admitted: {},
    refused: {},
    documents: meeting.documents ?? [],
    agenda: agendaTemplate(kind),
    hands: [],
    speeches: [],
    motions: [],
    tasks: [],
    conclusions: [],
    minutes: { status: 'draft', notes: [], annexes: [] },
  };
}

const updateItem = (agenda: readonly AgendaItem[], id: string, change: Partial<AgendaItem>) =>
  agenda.map((item) => (item.id === id ? { ...item, ...change } : item));

const updateMotion = (state: MeetingState, id: string, change: (motion: Motion) => Motion): MeetingState => ({
  ...state,
  motions: state.motions.map((m) => (m.id === id ? change(m) : m)),
});

/** Ends the running agenda item, if any. */
function finishRunning(agenda: readonly AgendaItem[], at: string): readonly AgendaItem[] {
  return agenda.map((item) => (item.status === 'running' ? { ...item, status: 'done', endedAt: at } : item));
}

/** Closes the current turn at the floor into a speech. */
function endFloor(state: MeetingState, at: string): { floor: Floor | undefined; speeches: readonly Speech[] } {
  const floor = state.floor;
  if (!floor) return { floor: undefined, speeches: state.speeches };
  const speech: Speech = { participantId: floor.participantId, from: floor.since, to: at, ...(floor.agendaItemId ? { agendaItemId: floor.agendaItemId } : {}) };
  return { floor: undefined, speeches: [...state.speeches, speech] };
}

/**
 * Applies one recorded event. Pure and total for a well-formed log; the only
 * error is a log that does not start with `meeting-created`, which is corrupt.
 */
export function evolve(state: MeetingState | undefined, event: MeetingEvent): MeetingState {
  if (event.type === 'meeting-created') return createdState(event.meeting);
  if (!state) throw new Error(`A meeting's log must start with meeting-created, not ${event.type}.`);
  const at = event.at;
  switch (event.type) {
    case 'participant-joined': {
      const spans = [...(state.presence[event.participantId] ?? []), { joinedAt: at }];
      return {
        ...state,
        connected: { ...state.connected, [event.participantId]: { since: at } },
        presence: { ...state.presence, [event.participantId]: spans },
      };
    }
    case 'participant-left': {
      const { [event.participantId]: _gone, ...connected } = state.connected;
      const spans = state.presence[event.participantId] ?? [];
      const closed = spans.map((span, i) => (i === spans.length - 1 && !span.leftAt ? { ...span, leftAt: at } : span));
      return { ...state, connected, presence: { ...state.presence, [event.participantId]: closed } };
    }
    case 'lobby-opened':
      return { ...state, phase: 'lobby', lobbyAt: at };
    case 'meeting-opened':
      return { ...state, phase: 'open', openedAt: at };
    case 'closing-begun':
      return { ...state, phase: 'closing', closingAt: at };
    case 'meeting-closed':
      return { ...state, ...endFloor(state, at), phase: 'closed', closedAt: at, hands: [], agenda: finishRunning(state.agenda, at) };
    case 'participant-admitted': {
      const { [event.participantId]: _cleared, ...refused } = state.refused;
      return { ...state, admitted: { ...state.admitted, [event.participantId]: at }, refused };
    }
    case 'participant-refused':
      return { ...state, refused: { ...state.refused, [event.participantId]: { at, ...(event.reason ? { reason: event.reason } : {}) } } };
    case 'document-posted':
      return { ...state, documents: [...state.documents, event.document] };
    case 'recorder-elected':
      return { ...state, recorderId: event.memberId };
    case 'attendance-marked': {
      const { type: _type, at: markedAt, by: markedBy, memberId, ...mark } = event;
      return { ...state, attendance: { ...state.attendance, [memberId]: { ...mark, markedAt, markedBy } } };
    }
    case 'agenda-item-added': {
      const agenda = [...state.agenda];
      agenda.splice(event.index, 0, { ...event.item, part: agenda[Math.max(0, event.index - 1)]?.part ?? 'regular', status: 'pending' });
      return { ...state, agenda };
    }
    case 'agenda-item-moved': {
      const agenda = state.agenda.filter((i) => i.id !== event.itemId);
      agenda.splice(event.toIndex, 0, state.agenda.find((i) => i.id === event.itemId)!);
      return { ...state, agenda };
    }
    case 'agenda-item-skipped':
      return { ...state, agenda: updateItem(state.agenda, event.itemId, { status: 'skipped', skipReason: event.reason }) };
    case 'agenda-item-started':
      return { ...state, agenda: updateItem(finishRunning(state.agenda, at), event.itemId, { status: 'running', startedAt: at }) };
    case 'agenda-item-finished':
      return { ...state, agenda: updateItem(state.agenda, event.itemId, { status: 'done', endedAt: at }) };
    case 'hand-raised':
      return { ...state, hands: [...state.hands, { participantId: event.participantId, raisedAt: at }] };
    case 'hand-lowered':
      return { ...state, hands: state.hands.filter((h) => h.participantId !== event.participantId) };
    case 'floor-given': {
      const running = state.agenda.find((i) => i.status === 'running');
      const floor: Floor = { participantId: event.participantId, since: at, muteOthers: event.muteOthers, ...(running ? { agendaItemId: running.id } : {}) };
      return { ...state, ...endFloor(state, at), floor, hands: state.hands.filter((h) => h.participantId !== event.participantId) };
    }
    case 'floor-ended':
      return { ...state, ...endFloor(state, at) };
    case 'motion-created': {
      const { allowChange = false, showLiveTally = false, ...rest } = event.motion;
      const motion: Motion = { ...rest, allowChange, showLiveTally, status: 'draft', votes: {}, paper: {} };
      return { ...state, motions: [...state.motions, motion] };
    }
    case 'vote-opened':
      return updateMotion(state, event.motionId, (m) => ({ ...m, status: 'voting', openedAt: at }));
    case 'ballot-cast':
      return updateMotion(state, event.motionId, (m) => ({
        ...m,
        votes: { ...m.votes, [event.voterId]: { at, source: event.source, ...(event.choice ? { choice: event.choice } : {}) } },
      }));
    case 'paper-tally-recorded':
      return updateMotion(state, event.motionId, (m) => ({
        ...m,
        paper: { ...m.paper, [event.bridgePointId]: { agree: event.agree, disagree: event.disagree, other: event.other, recordedBy: event.by, recordedAt: at, approved: false } },
      }));
    case 'paper-tally-approved':
      return updateMotion(state, event.motionId, (m) => ({
        ...m,
        paper: { ...m.paper, [event.bridgePointId]: { ...m.paper[event.bridgePointId]!, approved: true } },
      }));
    case 'vote-closed':
      return updateMotion(state, event.motionId, (m) => ({ ...m, status: 'closed', closedAt: at, result: event.result }));
    case 'task-assigned': {
      const task = { id: event.taskId, description: event.description, assigneeId: event.assigneeId, deadline: event.deadline, assignedAt: at };
      return { ...state, tasks: [...state.tasks, task] };
    }
    case 'conclusion-recorded':
      return { ...state, conclusions: [...state.conclusions, { text: event.text, by: event.by, at }] };
    case 'meeting-rated':
      return { ...state, rating: { score: event.score, ...(event.note ? { note: event.note } : {}), by: event.by, at } };
    case 'minutes-note-added': {
      const note = { text: event.text, by: event.by, at, ...(event.agendaItemId ? { agendaItemId: event.agendaItemId } : {}) };
      return { ...state, minutes: { ...state.minutes, notes: [...state.minutes.notes, note] } };
    }
    case 'minutes-read-back':
      return { ...state, minutes: { ...state.minutes, status: 'read-back', readBackAt: at } };
    case 'minutes-adopted':
      return { ...state, minutes: { ...state.minutes, status: 'adopted', adoptedAt: at, adoptionMotionId: event.motionId, record: event.record } };
    case 'minutes-annex-added':
      return { ...state, minutes: { ...state.minutes, annexes: [...state.minutes.annexes, { text: event.text, by: event.by, at }] } };
    case 'delegate-assigned': {
      const point = event.bridgePoint;
      const bridgePoints = point && !state.bridgePoints.some((b) => b.id === point.id) ? [...state.bridgePoints, point] : state.bridgePoints;
      const seating = point ? { ...state.seating, [event.delegate.id]: point.id } : state.seating;
      return { ...state, delegates: [...state.delegates, event.delegate], bridgePoints, ...(seating ? { seating } : {}) };
    }
    case 'delegate-unassigned': {
      const { [event.delegateId]: _seat, ...seating } = state.seating ?? {};
      return { ...state, delegates: state.delegates.filter((d) => d.id !== event.delegateId), ...(state.seating ? { seating } : {}) };
    }
  }
}

/** Puts a sealed secret ballot's choice into its motion's totals (never into the log). */
export function depositSealed(state: MeetingState, sealed: SealedBallot): MeetingState {
  return updateMotion(state, sealed.motionId, (m) => ({ ...m, sealed: addChoice(m.sealed ?? EMPTY_TALLY, sealed.choice) }));
}

/** Restores the secret totals of each motion from the server's ballot box after a replay. */
export function withBallotBox(state: MeetingState, box: Readonly<Record<string, Tally>>): MeetingState {
  return { ...state, motions: state.motions.map((m) => (box[m.id] ? { ...m, sealed: box[m.id] } : m)) };
}

/** Folds a whole log into the meeting's state. */
export function replay(events: Iterable<MeetingEvent>): MeetingState {
  let state: MeetingState | undefined;
  for (const event of events) state = evolve(state, event);
  if (!state) throw new Error('An empty log has no meeting.');
  return state;
}
