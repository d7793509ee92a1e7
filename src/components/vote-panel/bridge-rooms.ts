/**
 * Votes in the rooms of a hybrid meeting: a bridge point's operator records
 * each member's raised hand by name in an open vote, or the room's paper
 * totals in a secret ballot; the chair signs the totals off.
 */
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { findParticipant, type Choice, type Command, type Motion, type Rejection } from '../../core/index.js';
import { rejectionMessage } from '../shared/i18n.js';
import { domId } from './dom-id.js';
import { CHOICES, sourceName, tallyText, type ResultView } from './vote-result.js';

/** What the rooms need from the panel. */
export interface RoomsHost extends ResultView {
  readonly motion: Motion;
  /** The eligible voters present in person at a bridge point (the core's `eligibleVoters`, by room). */
  votersAt(bridgePointId: string): readonly string[];
  /** Why the core would refuse this command from the viewer now, or undefined if it would accept it. */
  refusalOf(command: Command): Rejection | undefined;
  /** The choice recorded for a member in an open vote, when the viewer knows it. */
  knownChoice(memberId: string): Choice | undefined;
  onHand(memberId: string, choice: Choice): void;
  onPaper(event: SubmitEvent, bridgePointId: string): void;
  onApprove(bridgePointId: string): void;
}

/** The operator's part for each room they record. */
export function renderRooms(host: RoomsHost, rooms: readonly string[]) {
  return rooms.map((room) => (host.motion.ballot === 'open' ? renderHands(host, room) : renderPaperForm(host, room)));
}

function renderHands(host: RoomsHost, room: string) {
  const { say, motion } = host;
  const voters = host.votersAt(room);
  return html`<section class="room" part="room" data-room=${room} aria-labelledby=${domId('room', room)}>
    <h4 id=${domId('room', room)}>${say('room.title', { place: sourceName(host, room) })}</h4>
    ${voters.length === 0
      ? html`<p>${say('room.nobody')}</p>`
      : html`<ul class="hands">
          ${voters.map((memberId) => {
            const name = findParticipant(host.meeting, memberId)?.name ?? memberId;
            const refusal = host.refusalOf({ type: 'record-hand-vote', motionId: motion.id, memberId, choice: 'agree' });
            const known = host.knownChoice(memberId);
            const voted = memberId in motion.votes;
            const recorded = voted ? say(known ? 'room.recorded' : 'room.recorded-hidden', { choice: known ? say(`choice.${known}`) : '' }) : '';
            return html`<li data-member-id=${memberId}>
              <span class="name">${name}</span>
              ${voted ? html`<span class="recorded" data-recorded>${recorded}</span>` : nothing}
              ${refusal
                ? voted
                  ? nothing
                  : html`<span class="hint">${rejectionMessage(host.lang, refusal.code, refusal.message)}</span>`
                : html`<div class="actions" role="group" aria-label=${say('room.hands-for', { name })}>
                    ${CHOICES.map(
                      (choice) => html`<button
                        type="button"
                        class="choice small ${choice}"
                        data-choice=${choice}
                        aria-pressed=${ifDefined(motion.allowChange ? String(known === choice) : undefined)}
                        @click=${() => host.onHand(memberId, choice)}
                      >
                        ${say(`choice.${choice}`)}
                      </button>`,
                    )}
                  </div>`}
            </li>`;
          })}
        </ul>`}
  </section>`;
}

function renderPaperForm(host: RoomsHost, room: string) {
  const { say, motion } = host;
  const paper = motion.paper[room];
  const mayEnter = !host.refusalOf({ type: 'record-paper-tally', motionId: motion.id, bridgePointId: room, agree: 0, disagree: 0, other: 0 });
  return html`<section class="room" part="room" data-room=${room} aria-labelledby=${domId('room', room)}>
    <h4 id=${domId('room', room)}>${say('paper.title', { place: sourceName(host, room) })}</h4>
    <p>${say('paper.voters', { count: host.votersAt(room).length })}</p>
    ${paper
      ? html`<p class="paper-state" data-paper-state=${paper.approved ? 'approved' : 'sent'}>
          ${say(paper.approved ? 'paper.approved' : 'paper.sent', { totals: tallyText(say, paper) })}
        </p>`
      : nothing}
    ${mayEnter
      ? html`<form class="paper" novalidate @submit=${(event: SubmitEvent) => host.onPaper(event, room)}>
          ${CHOICES.map(
            (choice) => html`<div class="field">
              <label for=${domId('paper', `${room}-${choice}`)}>${say(`choice.${choice}`)}</label>
              <input
                id=${domId('paper', `${room}-${choice}`)}
                name=${choice}
                type="number"
                inputmode="numeric"
                min="0"
                step="1"
                .value=${paper ? String(paper[choice]) : ''}
              />
            </div>`,
          )}
          <div class="controls">
            <button type="submit" class="primary" data-action="record-paper-tally">${say('paper.submit')}</button>
          </div>
        </form>`
      : nothing}
  </section>`;
}

/** The chair's sign-off of each room's paper totals; rooms with voters but no totals yet are listed as waiting. */
export function renderApprovals(host: RoomsHost) {
  const { say, motion, meeting } = host;
  const rooms = meeting.bridgePoints.filter((b) => motion.paper[b.id] || host.votersAt(b.id).length > 0);
  if (rooms.length === 0) return nothing;
  return html`<section class="approvals" part="approvals" aria-labelledby=${domId('approvals', motion.id)}>
    <h4 id=${domId('approvals', motion.id)}>${say('approve.title')}</h4>
    <ul>
      ${rooms.map(({ id }) => {
        const paper = motion.paper[id];
        const place = sourceName(host, id);
        const mayApprove = paper && !paper.approved && !host.refusalOf({ type: 'approve-paper-tally', motionId: motion.id, bridgePointId: id });
        return html`<li data-approval=${id}>
          <span><span class="name">${place}:</span> ${paper ? tallyText(say, paper) : say('approve.missing')}</span>
          ${paper?.approved ? html`<span class="done-mark" data-approved>✓ ${say('approve.done')}</span>` : nothing}
          ${mayApprove
            ? html`<button type="button" class="primary" data-action="approve-paper-tally" aria-label=${say('approve.action-for', { place })}
                @click=${() => host.onApprove(id)}>${say('approve.action')}</button>`
            : nothing}
        </li>`;
      })}
    </ul>
  </section>`;
}
