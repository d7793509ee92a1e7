import type { CommandOf, Decision, MeetingEvent } from '../commands.js';
import { evolve } from '../evolve.js';
import { minutesOf } from '../minutes.js';
import { contentAllowedOnline } from '../policy/scheduling.js';
import { operatedBridgePoints, seatOf } from '../roles.js';
import { denominator, voteEligibility, voteResult } from '../rules/voting.js';
import type { Motion } from '../state.js';
import { accept, IN_SESSION, reject, requirePhase, requireText, type DecideContext } from './context.js';

type VoteCommand = CommandOf<
  'create-motion' | 'open-vote' | 'cast-ballot' | 'record-hand-vote' | 'record-paper-tally' | 'approve-paper-tally' | 'close-vote'
>;

/** Contents that need "at least two thirds" of full members (Hướng dẫn 06-HD/TW 2025, 3.6b). */
const TWO_THIRDS_CONTENTS = ['admission', 'confirmation'] as const;

/**
 * Motions and votes: the chair drafts a motion and opens and closes its vote;
 * eligible voters vote online; a bridge point's operator records the raised
 * hands of its room by name (open vote) or its paper totals (secret ballot),
 * which the chair signs off. The result is computed against the legal
 * denominator when the vote closes.
 */
export function decideVotes(ctx: DecideContext, command: VoteCommand): Decision {
  const { state, actor, roles, now } = ctx;
  const wrong = requirePhase(state, IN_SESSION, 'hold a vote');
  if (wrong) return wrong;
  const by = actor.participantId;
  if (command.type === 'create-motion') {
    const { motion } = command;
    if (state.motions.some((m) => m.id === motion.id)) return reject('duplicate-id', `A motion ${motion.id} exists already.`);
    const bad = requireText(motion.title, 'A motion title', 500);
    if (bad) return bad;
    const content = contentAllowedOnline(motion.tags, state.mode, state.policy);
    if (!content.allowed) return reject('content-not-allowed-online', content.reason.en);
    if (motion.threshold === 'majority' && motion.tags.some((t) => (TWO_THIRDS_CONTENTS as readonly string[]).includes(t))) {
      return reject('threshold-too-low', 'Admission and confirmation need at least two thirds of full members (Hướng dẫn 06-HD/TW 2025, 3.6b).');
    }
    if (motion.ballot === 'secret' && motion.allowChange) {
      return reject('secret-not-changeable', 'A secret ballot cannot be changed: changing it would link the voter to the choice.');
    }
    return accept([{ type: 'motion-created', at: now, by, motion: { ...motion, title: motion.title.trim() } }]);
  }

  const motion = state.motions.find((m) => m.id === command.motionId);
  if (!motion) return reject('unknown-motion', `There is no motion ${command.motionId}.`);
  const requireStatus = (status: Motion['status']) =>
    motion.status === status ? undefined : reject('wrong-vote-status', `The vote on "${motion.title}" is ${motion.status}, not ${status}.`);

  switch (command.type) {
    case 'open-vote': {
      const notDraft = requireStatus('draft');
      if (notDraft) return notDraft;
      const other = state.motions.find((m) => m.status === 'voting');
      if (other) return reject('vote-in-progress', `Close the vote on "${other.title}" first.`);
      if (denominator(state).value === 0) return reject('no-eligible-voters', 'No full member counts towards this vote.');
      return accept([{ type: 'vote-opened', at: now, by, motionId: motion.id }]);
    }
    case 'cast-ballot': {
      const notVoting = requireStatus('voting');
      if (notVoting) return notVoting;
      const ineligible = voteEligibility(state, by);
      if (ineligible) return { rejection: ineligible };
      if (state.attendance[by]?.mark === 'present-in-person') {
        return reject('vote-at-bridge-point', 'Members present in person vote with their room, through the bridge point.');
      }
      const previous = motion.votes[by];
      if (previous && !motion.allowChange) return reject('already-voted', 'You have voted already; this vote cannot be changed.');
      if (motion.ballot === 'secret') {
        // Who voted goes to the log; the choice only to the sealed ballot box.
        return accept([{ type: 'ballot-cast', at: now, motionId: motion.id, voterId: by, source: 'online', by }], { motionId: motion.id, choice: command.choice });
      }
      return accept([{ type: 'ballot-cast', at: now, motionId: motion.id, voterId: by, source: 'online', choice: command.choice, by }]);
    }
    case 'record-hand-vote': {
      const notVoting = requireStatus('voting');
      if (notVoting) return notVoting;
      if (motion.ballot !== 'open') return reject('wrong-vote-status', 'A secret ballot is counted on paper; enter the room’s totals.');
      const ineligible = voteEligibility(state, command.memberId);
      if (ineligible) return { rejection: ineligible };
      const entry = state.attendance[command.memberId];
      const room = entry?.bridgePointId ?? seatOf(state, command.memberId);
      if (entry?.mark !== 'present-in-person') return reject('not-present', 'Only members present in person vote through the room.');
      if (!roles.has('chair') && !operatedBridgePoints(state, by).includes(room)) {
        return reject('not-allowed', 'An operator records only the hands of their own room.');
      }
      if (motion.votes[command.memberId] && !motion.allowChange) return reject('already-voted', 'This member has voted already.');
      return accept([{ type: 'ballot-cast', at: now, motionId: motion.id, voterId: command.memberId, source: room, choice: command.choice, by }]);
    }
    case 'record-paper-tally': {
      const notVoting = requireStatus('voting');
      if (notVoting) return notVoting;
      if (motion.ballot !== 'secret') return reject('wrong-vote-status', 'An open vote is recorded by name, hand by hand.');
      if (!state.bridgePoints.some((b) => b.id === command.bridgePointId)) return reject('unknown-bridge-point', `There is no bridge point ${command.bridgePointId}.`);
      if (!roles.has('chair') && !operatedBridgePoints(state, by).includes(command.bridgePointId)) {
        return reject('not-allowed', 'An operator enters only their own room’s totals.');
      }
      if (motion.paper[command.bridgePointId]?.approved) return reject('wrong-vote-status', 'These totals were signed off already.');
      const counts = [command.agree, command.disagree, command.other];
      if (counts.some((n) => !Number.isInteger(n) || n < 0)) return reject('invalid-value', 'Totals must be whole numbers, 0 or more.');
      // A room's paper ballots cannot outnumber its eligible members present in person.
      const voters = state.cell.members.filter(
        (m) => !voteEligibility(state, m.id) && state.attendance[m.id]?.mark === 'present-in-person' && (state.attendance[m.id]?.bridgePointId ?? seatOf(state, m.id)) === command.bridgePointId,
      ).length;
      const sum = counts.reduce((a, b) => a + b, 0);
      if (sum > voters) return reject('paper-tally-too-large', `${sum} ballots, but only ${voters} eligible members are present in that room.`);
      const { type: _type, ...tally } = command;
      return accept([{ type: 'paper-tally-recorded', at: now, by, ...tally }]);
    }
    case 'approve-paper-tally': {
      if (!motion.paper[command.bridgePointId]) return reject('unknown-bridge-point', 'No totals were entered for that bridge point.');
      return accept([{ type: 'paper-tally-approved', at: now, by, motionId: motion.id, bridgePointId: command.bridgePointId }]);
    }
    case 'close-vote': {
      const notVoting = requireStatus('voting');
      if (notVoting) return notVoting;
      if (Object.values(motion.paper).some((p) => !p.approved)) {
        return reject('paper-tally-unapproved', 'The chair signs off every room’s paper totals before the vote closes.');
      }
      const result = voteResult(state, motion);
      const closed: MeetingEvent = { type: 'vote-closed', at: now, by, motionId: motion.id, result };
      if (!motion.tags.includes('minutes-adoption') || !result.passed || state.minutes.status === 'adopted') return accept([closed]);
      // The adopted text is frozen in the event, with its own adoption vote in it (DOMAIN.md "Minutes").
      const record = minutesOf(evolve(state, closed));
      return accept([closed, { type: 'minutes-adopted', at: now, by, motionId: motion.id, record }]);
    }
  }
}
