import type { CommandOf, Decision } from '../commands.js';
import type { MeetingState } from '../state.js';
import { accept, reject, requirePhase, requireText, type DecideContext } from './context.js';
import { requireParticipant } from './session.js';

/**
 * The waiting room, when the policy asks for it: the chair admits each
 * participant, or turns them away with a reason; until admitted, a participant
 * may follow but not act (see `lobbyGate`).
 */
export function decideLobby(ctx: DecideContext, command: CommandOf<'admit' | 'refuse-entry'>): Decision {
  const { state, actor, now } = ctx;
  if (!state.policy.lobbyAdmission) return reject('no-lobby', 'This meeting admits everyone with an invite; there is no waiting room.');
  const wrong = requirePhase(state, ['scheduled', 'lobby', 'open', 'closing'], 'admit participants');
  if (wrong) return wrong;
  const unknown = requireParticipant(ctx, command.participantId);
  if (unknown) return unknown;
  const by = actor.participantId;
  if (command.type === 'admit') return accept([{ type: 'participant-admitted', at: now, by, participantId: command.participantId }]);
  const reason = command.reason?.trim();
  return accept([{ type: 'participant-refused', at: now, by, participantId: command.participantId, ...(reason ? { reason: reason.slice(0, 200) } : {}) }]);
}

/** Where a participant stands with the waiting room. */
export type Admission = 'not-needed' | 'admitted' | 'waiting' | 'refused';

/**
 * With lobby admission (policy), whether the chair has let this participant in.
 * The chair is always in; without the policy, the invite is the admission.
 */
export function admissionOf(state: MeetingState, participantId: string, isChair: boolean): Admission {
  if (!state.policy.lobbyAdmission || isChair) return 'not-needed';
  if (state.admitted[participantId]) return 'admitted';
  return state.refused[participantId] ? 'refused' : 'waiting';
}

/**
 * A participant waiting in the lobby may only join (to wait) and leave; one
 * turned away may not even join.
 */
export function lobbyGate({ state, actor, roles }: DecideContext, type: string) {
  const admission = admissionOf(state, actor.participantId, roles.has('chair'));
  if (admission === 'refused' && type === 'join') return reject('not-admitted', 'The chair has not admitted you to this meeting.');
  if (admission === 'not-needed' || admission === 'admitted' || type === 'join' || type === 'leave') return undefined;
  return reject('not-admitted', 'Wait in the lobby until the chair admits you.');
}

/**
 * Whether an address may be linked as a document: an https:// address, or a
 * path on the portal. Never javascript:, data: or http:; no backslash, space
 * or control character, which browsers may read as another host (`/\evil`).
 */
export function isDocumentUrl(url: string): boolean {
  if (/[\\\s\u0000-\u001f]/.test(url)) return false;
  return /^https:\/\/[^/?#]+([/?#].*)?$/.test(url) || /^\/(?!\/)/.test(url);
}

/** Posts a document for the meeting; its time is checked against the 1-day rule where it is shown. */
export function decideDocument({ state, actor, now }: DecideContext, command: CommandOf<'post-document'>): Decision {
  const wrong = requirePhase(state, ['scheduled', 'lobby', 'open', 'closing'], 'post a document');
  if (wrong) return wrong;
  const submitted = command.document;
  if (state.documents.some((d) => d.id === submitted.id)) return reject('duplicate-id', `A document ${submitted.id} exists already.`);
  const bad = requireText(submitted.title, 'A document title', 300);
  if (bad) return bad;
  if (submitted.url !== undefined && !isDocumentUrl(submitted.url)) {
    return reject('invalid-value', 'A document address must start with https:// or with / on the portal.');
  }
  const posted = { id: submitted.id, title: submitted.title.trim(), postedAt: now, ...(submitted.url ? { url: submitted.url } : {}) };
  return accept([{ type: 'document-posted', at: now, by: actor.participantId, document: posted }]);
}
