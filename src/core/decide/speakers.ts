import type { CommandOf, Decision } from '../commands.js';
import { accept, IN_SESSION, reject, requirePhase, type DecideContext } from './context.js';
import { requireParticipant } from './session.js';

type SpeakerCommand = CommandOf<'raise-hand' | 'lower-hand' | 'give-floor' | 'end-floor'>;

/**
 * The speakers' queue: members and delegates raise and lower their hands; the
 * chair gives the floor (to anyone, a delegate included: Quy định 08-QĐ/TU
 * 2021, seed 003), optionally muting everyone else, and ends it; the speaker
 * may end their own turn.
 */
export function decideSpeakers(ctx: DecideContext, command: SpeakerCommand): Decision {
  const { state, actor, roles, now } = ctx;
  const wrong = requirePhase(state, IN_SESSION, 'manage the speakers');
  if (wrong) return wrong;
  const self = actor.participantId;
  switch (command.type) {
    case 'raise-hand':
      if (state.hands.some((h) => h.participantId === self)) return reject('hand-already-raised', 'Your hand is already raised.');
      if (state.floor?.participantId === self) return reject('hand-already-raised', 'You have the floor.');
      return accept([{ type: 'hand-raised', at: now, participantId: self }]);
    case 'lower-hand': {
      const whose = command.participantId ?? self;
      if (whose !== self && !roles.has('chair')) return reject('not-allowed', 'Only the chair lowers someone else’s hand.');
      if (!state.hands.some((h) => h.participantId === whose)) return reject('hand-not-raised', `${whose} has no raised hand.`);
      return accept([{ type: 'hand-lowered', at: now, participantId: whose, by: self }]);
    }
    case 'give-floor': {
      const unknown = requireParticipant(ctx, command.participantId);
      if (unknown) return unknown;
      return accept([{ type: 'floor-given', at: now, by: self, participantId: command.participantId, muteOthers: command.muteOthers ?? false }]);
    }
    case 'end-floor': {
      if (!state.floor) return reject('no-floor', 'Nobody has the floor.');
      if (!roles.has('chair') && state.floor.participantId !== self) return reject('not-allowed', 'Only the chair or the speaker ends the turn.');
      return accept([{ type: 'floor-ended', at: now, by: self, participantId: state.floor.participantId }]);
    }
  }
}
