import type { Decision, ServerCommand } from '../commands.js';
import { findParticipant } from '../participants.js';
import type { MeetingState } from '../state.js';
import { accept, reject, requirePhase, requireText } from './context.js';

/**
 * Decides a command the server gives for the portal (`ServerCommand`), with
 * `by` the portal user it acts for. Pure like `decide`; never throws.
 *
 * assign-delegate: the upper level's standing-committee members attend a cell
 * meeting from their own bridge point, follow all of it and speak when given
 * the floor (seed 003; Quy định 08-QĐ/TU of 30/6/2021); they never vote
 * (QĐ 294-QĐ/TW 9.3). Accepted until the meeting closes.
 *
 * unassign-delegate: the upper level changes its mind. Accepted only before
 * the meeting opens (scheduled or lobby) and while the delegate never joined:
 * from the opening on, and once they joined, who attended is part of the
 * record (HD 42-HD/BTCTW: the minutes name the upper level's delegates;
 * ARCHITECTURE: join and leave times are in the minutes) [project choice].
 */
export function decideServerCommand(state: MeetingState, command: ServerCommand, by: string, now: string): Decision {
  return command.type === 'assign-delegate' ? decideAssign(state, command, by, now) : decideUnassign(state, command, by, now);
}

function decideUnassign(state: MeetingState, command: Extract<ServerCommand, { type: 'unassign-delegate' }>, by: string, now: string): Decision {
  const { delegateId } = command;
  if (!state.delegates.some((d) => d.id === delegateId)) return reject('unknown-participant', `${delegateId} is not a delegate of this meeting.`);
  const wrong = requirePhase(state, ['scheduled', 'lobby'], 'withdraw a delegate');
  if (wrong) return wrong;
  if ((state.presence[delegateId] ?? []).length > 0) return reject('delegate-joined', `${delegateId} has joined the meeting; their attendance is on the record.`);
  return accept([{ type: 'delegate-unassigned', at: now, by, delegateId }]);
}

function decideAssign(state: MeetingState, command: Extract<ServerCommand, { type: 'assign-delegate' }>, by: string, now: string): Decision {
  const wrong = requirePhase(state, ['scheduled', 'lobby', 'open', 'closing'], 'assign a delegate');
  if (wrong) return wrong;
  const { delegate, bridgePoint } = command;
  // Members, delegates and guests share one id space: a join token names one of them.
  if (findParticipant(state, delegate.id)) return reject('duplicate-id', `${delegate.id} is already a participant of this meeting.`);
  const bad = requireText(delegate.name, 'A delegate name', 120) ?? (delegate.organization !== undefined ? requireText(delegate.organization, 'An organization', 300) : undefined);
  if (bad) return bad;
  if (bridgePoint) {
    const known = state.bridgePoints.find((b) => b.id === bridgePoint.id);
    if (!known) {
      const badPoint = requireText(bridgePoint.name, 'A bridge point name', 200);
      if (badPoint) return badPoint;
    }
  }
  const point = bridgePoint && (state.bridgePoints.find((b) => b.id === bridgePoint.id) ?? { id: bridgePoint.id, name: bridgePoint.name.trim() });
  const assigned = {
    id: delegate.id,
    name: delegate.name.trim(),
    ...(delegate.organization !== undefined ? { organization: delegate.organization.trim() } : {}),
  };
  return accept([{ type: 'delegate-assigned', at: now, by, delegate: assigned, ...(point ? { bridgePoint: point } : {}) }]);
}

