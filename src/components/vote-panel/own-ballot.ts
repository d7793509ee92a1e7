/** The viewer's own ballot: three large buttons, that they have voted, or why they do not vote. */
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { seatOf, voteEligibility, type Choice, type Command, type Motion, type Rejection } from '../../core/index.js';
import type { Self } from '../../client/index.js';
import { rejectionMessage } from '../shared/i18n.js';
import type { VoteKey } from './vote-panel.strings.js';
import { CHOICES, sourceName, type ResultView } from './vote-result.js';

/** What the ballot needs from the panel. */
export interface BallotHost extends ResultView {
  readonly you: Self;
  readonly motion: Motion;
  /** Why the core would refuse this command from the viewer now, or undefined if it would accept it. */
  refusalOf(command: Command): Rejection | undefined;
  /** The viewer's choice in an open vote, when known; never asked for a secret ballot. */
  knownChoice(): Choice | undefined;
  onCast(choice: Choice): void;
}

/** The ballot, as the core allows it for the viewer. */
export function renderOwnBallot(host: BallotHost) {
  const { say, you, motion } = host;
  const refusal = host.refusalOf({ type: 'cast-ballot', motionId: motion.id, choice: 'agree' });
  const voted = you.participantId in motion.votes;
  const known = motion.ballot === 'open' ? host.knownChoice() : undefined;
  const done = voted
    ? html`<p class="done" data-ballot-done tabindex="-1">
        ${motion.ballot === 'secret'
          ? say('ballot.done-secret')
          : known
            ? say('ballot.done-choice', { choice: say(`choice.${known}`) })
            : say('ballot.done')}
        ${refusal ? '' : say('ballot.can-change')}
      </p>`
    : nothing;
  if (refusal && voted) return html`<div class="ballot" part="ballot">${done}</div>`;
  if (refusal) {
    return html`<div class="ballot reason" part="ballot" data-reason=${voteEligibility(host.meeting, you.participantId)?.code ?? refusal.code}>
      <p class="reason-title">${say('reason.title')}</p>
      <p>${reasonText(host, refusal)}</p>
    </div>`;
  }
  return html`<div class="ballot" part="ballot">
    ${done}
    <p id="ballot-prompt" class="prompt">${say('ballot.prompt')}</p>
    <div class="choices" role="group" aria-labelledby="ballot-prompt">
      ${CHOICES.map(
        (choice) => html`<button
          type="button"
          class="choice ${choice}"
          data-choice=${choice}
          aria-pressed=${ifDefined(motion.ballot === 'open' && motion.allowChange ? String(known === choice) : undefined)}
          @click=${() => host.onCast(choice)}
        >
          ${say(`choice.${choice}`)}
        </button>`,
      )}
    </div>
  </div>`;
}

/** Why the viewer does not vote, in plain words keyed by the core's code (its own message is English). */
export function reasonText(host: Omit<BallotHost, 'refusalOf' | 'knownChoice' | 'onCast'>, refusal: Rejection): string {
  const { say, meeting, you, motion } = host;
  switch (voteEligibility(meeting, you.participantId)?.code ?? refusal.code) {
    case 'not-eligible':
      return say(notEligibleKey(host));
    case 'not-present':
      return say('reason.not-present');
    case 'vote-at-bridge-point': {
      const room = meeting.attendance[you.participantId]?.bridgePointId ?? seatOf(meeting, you.participantId);
      return say(`reason.at-bridge-point.${motion.ballot}`, { place: sourceName(host, room) });
    }
    default:
      return rejectionMessage(host.lang, refusal.code, refusal.message);
  }
}

/**
 * Which words fit a refusal the core coded `not-eligible`: the core has one
 * code for every such case, so the words follow the viewer's record (role,
 * status, flags), looked at in the order voteEligibility checks them.
 */
function notEligibleKey({ meeting, you }: Pick<BallotHost, 'meeting' | 'you'>): VoteKey {
  const member = meeting.cell.members.find((m) => m.id === you.participantId);
  if (!member) return you.role === 'delegate' ? 'reason.delegate' : you.role === 'guest' || you.role === 'technician' ? 'reason.guest' : 'reason.not-eligible';
  if (member.status !== 'full') return 'reason.probationary';
  if (member.flags?.suspended) return 'reason.suspended';
  if (member.flags?.attachedElsewhere) return 'reason.attached-elsewhere';
  if (member.flags?.attachedHere) return 'reason.attached-here';
  return 'reason.not-eligible';
}
