import { html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import {
  decide,
  eligibleVoters,
  findParticipant,
  operatedBridgePoints,
  seatOf,
  voteResult,
  type Choice,
  type Command,
  type MeetingState,
  type Motion,
  type NewMotion,
  type Rejection,
} from '../../core/index.js';
import type { Self } from '../../client/index.js';
import { rejectionMessage } from '../shared/i18n.js';
import { StoreElement } from '../shared/store-element.js';
import { baseStyles } from '../shared/styles.js';
import { renderApprovals, renderRooms, type RoomsHost } from './bridge-rooms.js';
import { domId } from './dom-id.js';
import { reasonText, renderOwnBallot, type BallotHost } from './own-ballot.js';
import { readMotionForm, renderDrafts, renderMotionForm } from './motion-form.js';
import { VoteCastEvent, VoteClosedEvent, VoteRecordedEvent, VoteRequestEvent, type VoteCommand, type VoteCommandDetail } from './vote-panel.events.js';
import { STRINGS, type VoteKey } from './vote-panel.strings.js';
import { votePanelStyles } from './vote-panel.styles.js';
import { CHOICES, renderBar, renderCounts, renderResult, ruleText, sourceName, type ResultView, type Say } from './vote-result.js';

/** A motion the core would accept, to ask whether the viewer may draft motions at all now. */
const PROBE_MOTION: NewMotion = { id: 'probe', title: 'probe', ballot: 'open', threshold: 'majority', tags: ['other'] };

/**
 * Motions and votes. The chair drafts a motion (open or secret ballot, "more
 * than half" or "at least two thirds", its kind of content), starts and closes
 * its vote, sees who has not voted yet in an open vote, and signs off the
 * rooms' paper counts. A member who may vote gets three large buttons; anyone
 * who may not sees why. A bridge point's operator records their room. Each
 * closed vote shows its counts against the legal denominator (QĐ 294-QĐ/TW,
 * 9.3), how that was reached, the rule applied and a bar with the threshold.
 * Every rule and number comes from the core; a secret ballot's choice is never
 * shown, kept or sent in an event.
 *
 * @tagname vote-panel
 * @summary Motions, ballots and results against the legal denominator.
 * @event party-vote-request - Before a vote command is sent; cancelable. `detail.command` (a secret ballot's without its choice).
 * @event party-vote-recorded - After the server recorded a vote command from this panel.
 * @event party-vote-cast - After the server recorded the member's own ballot: `{ motionId, seq }`, never the choice.
 * @event party-vote-closed - When a vote closes: `{ motionId, passed }`.
 * @event party-command-rejected - When the server refused a command.
 * @csspart base - The panel.
 * @csspart title - The heading.
 * @csspart current - The motion being voted on.
 * @csspart ballot - The member's own ballot, or why they do not vote.
 * @csspart progress - Who has voted so far.
 * @csspart room - A bridge point's show of hands or paper count.
 * @csspart approvals - The chair's sign-off of paper counts.
 * @csspart motion - A closed motion with its result.
 * @csspart result - A result: verdict, rule, bar, counts, denominator.
 * @csspart bar - The bar with the threshold marked.
 * @csspart drafts - The chair's motions waiting to be voted on.
 * @csspart motion-form - The chair's form for a new motion.
 * @cssproperty --party-accent - Accent colour of primary buttons.
 * @cssproperty --party-ok - Colour of "agree" and of a passed vote.
 * @cssproperty --party-danger - Colour of "disagree" and of a vote not passed.
 * @cssproperty --party-warn - Colour of "other opinion".
 */
export class VotePanel extends StoreElement {
  static override styles = [baseStyles, votePanelStyles];

  /** The last thing said in the live region: a vote started or closed, your ballot recorded. */
  @state() private announcement = '';
  /** The ballot chosen in the chair's form. */
  @state() private formBallot: NewMotion['ballot'] = 'open';
  /** The motion whose closing the chair is asked to confirm. */
  @state() private confirmingClose?: string;

  /**
   * Choices this panel sent in OPEN votes (the member's own, the hands an
   * operator recorded), shown while the projection hides them. A secret
   * ballot's choice is never put here.
   */
  private readonly sentChoices = new Map<string, Choice>();
  private seen?: { readonly meetingId: string; readonly statuses: ReadonlyMap<string, Motion['status']> };
  /** Votes seen closing in this update, announced with `party-vote-closed` once rendered. */
  private closedVotes: VoteClosedEvent['detail'][] = [];

  private readonly say: Say = (key: VoteKey, params?: Record<string, string | number>) => this.local(STRINGS, key, params);

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const meeting = this.snapshot?.meeting;
    if (!meeting) return;
    const statuses = new Map(meeting.motions.map((m) => [m.id, m.status] as const));
    const before = this.seen?.meetingId === meeting.id ? this.seen.statuses : undefined;
    this.seen = { meetingId: meeting.id, statuses };
    // The first snapshot is the state found on arrival, not a change to announce.
    if (!before) return;
    for (const motion of meeting.motions) {
      if (before.get(motion.id) === motion.status) continue;
      if (motion.status === 'voting') this.announcement = this.say('announce.opened', { title: motion.title });
      if (motion.status === 'closed' && motion.result) {
        this.announcement = this.say('announce.closed', { title: motion.title, rule: ruleText(this.say, motion.result) });
        this.closedVotes.push({ motionId: motion.id, passed: motion.result.passed });
      }
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    for (const { motionId, passed } of this.closedVotes.splice(0)) this.dispatchEvent(new VoteClosedEvent({ motionId, passed }));
  }

  protected override render() {
    const meeting = this.snapshot?.meeting;
    const you = this.snapshot?.you;
    if (!meeting || !you) return html`<p>${this.t('room.loading')}</p>`;
    const voting = meeting.motions.find((m) => m.status === 'voting');
    const closed = meeting.motions.filter((m) => m.status === 'closed').reverse();
    const isChair = you.role === 'chair';
    const drafts = isChair ? meeting.motions.filter((m) => m.status === 'draft') : [];
    const mayDraft = isChair && !this.refusalOf({ type: 'create-motion', motion: PROBE_MOTION });
    return html`<section part="base" aria-labelledby="vote-title">
      <h2 id="vote-title" part="title">${this.say('title')}</h2>
      <div role="status" class="visually-hidden" data-announcement>${this.announcement}</div>
      <p role="alert">${this.error}</p>
      ${voting ? this.renderVoting(meeting, you, voting) : nothing}
      ${closed.map((motion) => this.renderClosed(meeting, motion))}
      ${!voting && closed.length === 0 && drafts.length === 0 ? html`<p class="none" data-none>${this.say('none')}</p>` : nothing}
      ${drafts.length
        ? renderDrafts({
            ...this.view(meeting),
            drafts,
            refusalOf: (command) => this.refusalOf(command),
            onOpen: (motion) => void this.handleOpen(motion),
          })
        : nothing}
      ${mayDraft
        ? renderMotionForm({
            say: this.say,
            ballot: this.formBallot,
            onBallotChange: (ballot) => (this.formBallot = ballot),
            onSubmit: (event) => void this.handleCreate(event),
          })
        : nothing}
    </section>`;
  }

  private renderHead(motion: Motion) {
    const say = this.say;
    const chips = [
      say(`ballot.${motion.ballot}`),
      say(`meta.needs.${motion.threshold}`),
      ...motion.tags.map((tag) => say(`tag.${tag}`)),
      ...(motion.allowChange ? [say('meta.allow-change')] : []),
      ...(motion.showLiveTally ? [say('meta.live-tally')] : []),
    ];
    return html`<p class="kicker ${motion.status}">${say(`status.${motion.status}`)}</p>
      <h3 id=${domId('motion', motion.id)} tabindex="-1">${motion.title}</h3>
      <p class="meta">${chips.map((chip) => html`<span class="chip">${chip}</span>`)}</p>`;
  }

  private renderVoting(meeting: MeetingState, you: Self, motion: Motion) {
    const isChair = you.role === 'chair';
    const rooms = this.roomsFor(meeting, you);
    const host = this.roomsHost(meeting, motion);
    // An operator who is not on the roster (a technician) has a room to record, not a ballot of their own to be told about.
    const staffOperator = rooms.length > 0 && !meeting.cell.members.some((m) => m.id === you.participantId);
    return html`<article class="motion current" part="current" data-motion-id=${motion.id} data-status="voting" aria-labelledby=${domId('motion', motion.id)}>
      ${this.renderHead(motion)} ${staffOperator ? nothing : renderOwnBallot(this.ballotHost(meeting, you, motion))}
      ${this.renderProgress(meeting, motion, isChair)}
      ${motion.ballot === 'open' && motion.showLiveTally ? this.renderLive(meeting, motion) : nothing}
      ${renderRooms(host, rooms)} ${isChair && motion.ballot === 'secret' ? renderApprovals(host) : nothing}
      ${isChair ? this.renderCloseControl(meeting, motion) : nothing}
    </article>`;
  }

  /** How many have voted; for the chair in an open vote, who has not. A secret ballot shows only a count. */
  private renderProgress(meeting: MeetingState, motion: Motion, isChair: boolean) {
    const say = this.say;
    if (motion.ballot === 'secret') {
      return html`<div class="progress" part="progress"><p data-progress>${say('progress.secret', { count: Object.keys(motion.votes).length })}</p></div>`;
    }
    const eligible = eligibleVoters(meeting);
    const notVoted = eligible.filter((id) => !(id in motion.votes));
    const placeOf = (id: string) => {
      const entry = meeting.attendance[id];
      if (entry?.mark !== 'present-in-person') return '';
      return ` (${say('progress.at', { place: sourceName(this.view(meeting), entry.bridgePointId ?? seatOf(meeting, id)) })})`;
    };
    return html`<div class="progress" part="progress">
      <p data-progress>${say('progress.voted', { voted: eligible.length - notVoted.length, eligible: eligible.length })}</p>
      ${isChair && notVoted.length > 0
        ? html`<h4 id=${domId('not-voted', motion.id)}>${say('progress.not-voted', { count: notVoted.length })}</h4>
            <ul class="not-voted" data-not-voted aria-labelledby=${domId('not-voted', motion.id)}>
              ${notVoted.map((id) => html`<li data-member-id=${id}>${findParticipant(meeting, id)?.name ?? id}${placeOf(id)}</li>`)}
            </ul>`
        : nothing}
      ${isChair && notVoted.length === 0 ? html`<p data-all-voted>${say('progress.all-voted')}</p>` : nothing}
    </div>`;
  }

  /** The running tally of an open vote that shows one, from the core's result of the votes so far. */
  private renderLive(meeting: MeetingState, motion: Motion) {
    const result = voteResult(meeting, motion);
    return html`<div class="live" data-live>
      <h4>${this.say('live.title')}</h4>
      ${renderBar(this.view(meeting), result)} ${renderCounts(this.view(meeting), result)}
    </div>`;
  }

  private renderCloseControl(meeting: MeetingState, motion: Motion) {
    const say = this.say;
    const refusal = this.refusalOf({ type: 'close-vote', motionId: motion.id });
    if (refusal) return html`<p class="hint" data-close-blocked>${rejectionMessage(this.language, refusal.code, refusal.message)}</p>`;
    if (this.confirmingClose !== motion.id) {
      return html`<div class="controls">
        <button type="button" class="primary" data-action="close-vote" @click=${() => void this.handleCloseClick(motion)}>${say('action.close')}</button>
      </div>`;
    }
    const missing = motion.ballot === 'open' ? eligibleVoters(meeting).filter((id) => !(id in motion.votes)).length : 0;
    return html`<div class="controls confirm" role="group" aria-labelledby="confirm-close">
      <p id="confirm-close">${say('close.confirm')} ${missing > 0 ? say('close.missing', { count: missing }) : ''}</p>
      <button type="button" class="primary" data-action="confirm-close" @click=${() => void this.handleClose(motion)}>${say('close.yes')}</button>
      <button type="button" data-action="cancel-close" @click=${() => (this.confirmingClose = undefined)}>${say('close.no')}</button>
    </div>`;
  }

  private renderClosed(meeting: MeetingState, motion: Motion) {
    return html`<article class="motion closed" part="motion" data-motion-id=${motion.id} data-status="closed" aria-labelledby=${domId('motion', motion.id)}>
      ${this.renderHead(motion)} ${motion.result ? renderResult(this.view(meeting), motion.result, motion.ballot === 'secret') : nothing}
    </article>`;
  }

  private view(meeting: MeetingState): ResultView {
    return { say: this.say, lang: this.language, meeting };
  }

  private ballotHost(meeting: MeetingState, you: Self, motion: Motion): BallotHost {
    return {
      ...this.view(meeting),
      you,
      motion,
      refusalOf: (command) => this.refusalOf(command),
      knownChoice: () => this.knownChoice(motion, you.participantId),
      onCast: (choice) => void this.handleCast(motion, choice),
    };
  }

  private roomsHost(meeting: MeetingState, motion: Motion): RoomsHost {
    return {
      ...this.view(meeting),
      motion,
      votersAt: (room) => this.votersAt(meeting, room),
      refusalOf: (command) => this.refusalOf(command),
      knownChoice: (memberId) => this.knownChoice(motion, memberId),
      onHand: (memberId, choice) => void this.handleHand(motion, memberId, choice),
      onPaper: (event, room) => void this.handlePaper(event, motion, room),
      onApprove: (room) => void this.send({ type: 'approve-paper-tally', motionId: motion.id, bridgePointId: room }),
    };
  }

  /** Rooms the viewer records: those they operate; for the chair also rooms without an operator that have voters present. */
  private roomsFor(meeting: MeetingState, you: Self): string[] {
    const operated = operatedBridgePoints(meeting, you.participantId);
    return meeting.bridgePoints
      .filter((b) => operated.includes(b.id) || (you.role === 'chair' && !b.operatorId && this.votersAt(meeting, b.id).length > 0))
      .map((b) => b.id);
  }

  /** The core's eligible voters who are present in person at a bridge point. */
  private votersAt(meeting: MeetingState, room: string): string[] {
    return eligibleVoters(meeting).filter((id) => {
      const entry = meeting.attendance[id];
      return entry?.mark === 'present-in-person' && (entry.bridgePointId ?? seatOf(meeting, id)) === room;
    });
  }

  private knownChoice(motion: Motion, memberId: string): Choice | undefined {
    if (motion.ballot !== 'open') return undefined;
    return motion.votes[memberId]?.choice ?? this.sentChoices.get(`${motion.id}/${memberId}`);
  }

  /** Why the core would refuse a command from the viewer now (a dry run of `decide`), or undefined. */
  private refusalOf(command: Command): Rejection | undefined {
    const meeting = this.snapshot?.meeting;
    const you = this.snapshot?.you;
    if (!meeting || !you) return { code: 'not-joined', message: 'No meeting yet.' };
    const decision = decide(meeting, command, { participantId: you.participantId, role: you.role }, meeting.openedAt ?? meeting.scheduledAt);
    return 'rejection' in decision ? decision.rejection : undefined;
  }

  /** What events show of a command: a secret ballot's choice is left out. */
  private detailOf(command: VoteCommand): VoteCommandDetail {
    if (command.type !== 'cast-ballot') return command;
    const motion = this.snapshot?.meeting?.motions.find((m) => m.id === command.motionId);
    return motion?.ballot === 'open' ? command : { type: 'cast-ballot', motionId: command.motionId };
  }

  /** Sends a vote command after the cancelable request event; resolves the sequence number, or undefined. */
  private async send(command: VoteCommand, describe?: (code: string) => string | undefined): Promise<number | undefined> {
    const detail = this.detailOf(command);
    if (!this.activeStore || !this.dispatchEvent(new VoteRequestEvent({ command: detail }))) return undefined;
    const seq = await this.sendCommand(command, describe);
    if (seq !== undefined) this.dispatchEvent(new VoteRecordedEvent({ command: detail, seq }));
    return seq;
  }

  private async handleCast(motion: Motion, choice: Choice): Promise<void> {
    const you = this.snapshot?.you;
    const meeting = this.snapshot?.meeting;
    if (!you || !meeting) return;
    const key = `${motion.id}/${you.participantId}`;
    const previous = this.sentChoices.get(key);
    if (motion.ballot === 'open') this.sentChoices.set(key, choice);
    const seq = await this.send({ type: 'cast-ballot', motionId: motion.id, choice }, (code) =>
      code === 'not-eligible' || code === 'not-present' || code === 'vote-at-bridge-point'
        ? reasonText({ ...this.view(meeting), you, motion }, { code, message: '' })
        : undefined,
    );
    if (seq === undefined) {
      if (previous) this.sentChoices.set(key, previous);
      else this.sentChoices.delete(key);
      return;
    }
    this.dispatchEvent(new VoteCastEvent({ motionId: motion.id, seq }));
    this.announcement = this.say('ballot.recorded');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[data-ballot-done]')?.focus();
  }

  private async handleHand(motion: Motion, memberId: string, choice: Choice): Promise<void> {
    const key = `${motion.id}/${memberId}`;
    const previous = this.sentChoices.get(key);
    this.sentChoices.set(key, choice);
    const seq = await this.send({ type: 'record-hand-vote', motionId: motion.id, memberId, choice });
    if (seq !== undefined) return;
    if (previous) this.sentChoices.set(key, previous);
    else this.sentChoices.delete(key);
  }

  private async handlePaper(event: SubmitEvent, motion: Motion, room: string): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const count = (choice: Choice) => {
      const value = (form.elements.namedItem(choice) as HTMLInputElement).value.trim();
      return value === '' ? Number.NaN : Number(value);
    };
    const [agree, disagree, other] = CHOICES.map(count) as [number, number, number];
    if (![agree, disagree, other].every(Number.isFinite)) {
      this.error = this.say('paper.invalid');
      return;
    }
    await this.send({ type: 'record-paper-tally', motionId: motion.id, bridgePointId: room, agree, disagree, other }, (code) =>
      code === 'invalid-value' ? this.say('paper.invalid') : undefined,
    );
  }

  private async handleCreate(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const motion = readMotionForm(form);
    if ((await this.send({ type: 'create-motion', motion })) === undefined) return;
    form.reset();
    this.formBallot = 'open';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>(`button[data-action=open-vote][data-motion-id="${CSS.escape(motion.id)}"]`)?.focus();
  }

  private async handleOpen(motion: Motion): Promise<void> {
    if ((await this.send({ type: 'open-vote', motionId: motion.id })) === undefined) return;
    await this.updateComplete;
    this.focusHeading(motion);
  }

  private async handleCloseClick(motion: Motion): Promise<void> {
    this.confirmingClose = motion.id;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('button[data-action=cancel-close]')?.focus();
  }

  private async handleClose(motion: Motion): Promise<void> {
    this.confirmingClose = undefined;
    if ((await this.send({ type: 'close-vote', motionId: motion.id })) === undefined) return;
    await this.updateComplete;
    this.focusHeading(motion);
  }

  private focusHeading(motion: Motion): void {
    this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(domId('motion', motion.id))}`)?.focus();
  }
}
