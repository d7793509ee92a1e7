import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import {
  inSession,
  findParticipant,
  mayPerform,
  meetingRoles,
  speakingSeconds,
  type Floor,
  type MeetingRole,
  type MeetingState,
  type RaisedHand,
} from '../../core/index.js';
import type { Self } from '../../client/index.js';
import { StoreElement } from '../shared/store-element.js';
import { baseStyles, panelStyles, personRowStyles } from '../shared/styles.js';
import { ClockController } from '../shared/clock-controller.js';
import { formatClock, isoDuration } from '../shared/time-format.js';
import { SpeakerChangedEvent, SpeakerRequestEvent, type SpeakerCommand } from './speaker-queue.events.js';
import { speakerQueueStyles } from './speaker-queue.styles.js';
import { STRINGS } from './speaker-queue.strings.js';

type Key = keyof (typeof STRINGS)['vi'];

/** What the element last saw of the floor and the hands, to tell what changed. */
interface Seen {
  readonly floor?: Floor;
  readonly hands: readonly RaisedHand[];
}

const sameTurn = (a?: Floor, b?: Floor) => a?.participantId === b?.participantId && a?.since === b?.since;

/**
 * The speakers' queue of a meeting: who has the floor, with a running timer
 * and whether everyone else is muted; the raised hands in order with how long
 * each has waited; and each person's speaking time so far. Members and
 * delegates raise and lower their hand and end their own turn; the chair gives
 * the floor (optionally muting everyone else), lowers hands, ends a turn, and
 * may invite an upper-level delegate to speak without a raised hand. Floor
 * changes are announced in a `role="status"` region.
 *
 * @tagname speaker-queue
 * @summary Raised hands, the floor and speaking times.
 * @event party-speaker-request - Before a speakers' command is sent (`detail.command`); cancelable.
 * @event party-speaker-changed - After the server recorded it (`detail.command`, `detail.seq`).
 * @event party-command-rejected - When the server refused it.
 * @csspart title - The heading.
 * @csspart floor - The box showing who has the floor.
 * @csspart timer - The running time of the current turn.
 * @csspart hand - The raise-hand area of a member or delegate.
 * @csspart hand-button - The raise / lower hand toggle.
 * @csspart queue - The list of raised hands.
 * @csspart delegates - The chair's list of upper-level delegates.
 * @csspart times - The speaking time of each speaker.
 * @cssproperty --party-accent - Accent colour of primary buttons and the raised hand.
 * @cssproperty --party-ok - Colour of the floor box while someone speaks.
 * @cssproperty --party-surface - Background of boxes and buttons.
 * @cssproperty --party-border - Border colour.
 */
export class SpeakerQueue extends StoreElement {
  static override styles = [baseStyles, panelStyles, personRowStyles, speakerQueueStyles];

  /** The chair's "mute everyone else" choice, per person who may be given the floor. */
  @state() private muteChoices: Readonly<Record<string, boolean>> = {};

  private readonly clock = new ClockController(this);

  constructor() {
    super();
    // Timers run throughout: the floor's, the queue's waiting times.
    this.clock.active = true;
  }
  /** The text of the status region: the last floor change, for screen readers. */
  private announcement = '';
  private seen?: Seen;
  /** Set while this person lowers their own hand, which needs no announcement. */
  private lowering = false;

  private s(key: Key, params?: Record<string, string | number>): string {
    return this.local(STRINGS, key, params);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    this.noteChanges();
  }

  /** Words the change of floor (or of this person's hand) since the last update. */
  private noteChanges(): void {
    const meeting = this.snapshot?.meeting;
    if (!meeting) return;
    const before = this.seen;
    this.seen = { floor: meeting.floor, hands: meeting.hands };
    // Nothing is announced on the first render: only changes are news.
    if (!before) return;
    const me = this.snapshot?.you?.participantId;
    const { floor } = meeting;
    if (!sameTurn(before.floor, floor)) {
      if (floor && floor.participantId === me) this.announcement = this.s('announce.you');
      else if (floor)
        this.announcement = [this.s('announce.given', { name: this.nameOf(meeting, floor.participantId) }), floor.muteOthers ? this.s('announce.muted') : '']
          .join(' ')
          .trim();
      else if (before.floor) this.announcement = this.s('announce.ended', { name: this.nameOf(meeting, before.floor.participantId) });
      return;
    }
    const had = before.hands.some((h) => h.participantId === me);
    if (me && had && !this.lowering && !meeting.hands.some((h) => h.participantId === me)) this.announcement = this.s('announce.lowered');
  }

  private nameOf(meeting: MeetingState, id: string): string {
    return findParticipant(meeting, id)?.name ?? id;
  }

  protected override render() {
    const snapshot = this.snapshot;
    const meeting = snapshot?.meeting;
    if (!meeting) return html`<p>${this.t('room.loading')}</p>`;
    const underWay = inSession(meeting);
    return html`
      <section aria-labelledby="speakers-title">
        <h2 id="speakers-title" part="title">${this.s('title')}</h2>
        <div role="status" class="visually-hidden" data-announcement>${this.announcement}</div>
        ${underWay
          ? this.renderSession(meeting, snapshot.you)
          : html`<p class="note" data-phase-note>${this.s(meeting.phase === 'closed' ? 'closed' : 'not-yet')}</p>
              ${meeting.phase === 'closed' ? this.renderTimes(meeting) : nothing}`}
        <p role="alert">${this.error}</p>
      </section>
    `;
  }

  private renderSession(meeting: MeetingState, you: Self | undefined) {
    const roles = you ? meetingRoles(meeting, you) : new Set<MeetingRole>();
    const me = you?.participantId;
    const chairs = mayPerform(roles, 'give-floor');
    const mayRaise = mayPerform(roles, 'raise-hand') && meeting.floor?.participantId !== me;
    return html`
      ${this.renderFloor(meeting, me, chairs)} ${mayRaise ? this.renderHand(meeting, me!, chairs) : nothing}
      ${this.renderQueue(meeting, me, chairs)} ${chairs && meeting.delegates.length > 0 ? this.renderDelegates(meeting) : nothing}
      ${this.renderTimes(meeting)}
    `;
  }

  private renderFloor(meeting: MeetingState, me: string | undefined, chairs: boolean) {
    const floor = meeting.floor;
    const mine = floor !== undefined && floor.participantId === me;
    const seconds = floor ? (this.clock.now - Date.parse(floor.since)) / 1000 : 0;
    return html`
      <section class="floor ${floor ? 'active' : ''} ${mine ? 'mine' : ''}" part="floor" aria-labelledby="floor-title">
        <h3 id="floor-title" class="visually-hidden">${this.s('floor.title')}</h3>
        ${floor
          ? html`
              ${mine ? html`<p class="you" data-floor-you>${this.s('floor.you')}</p>` : nothing}
              <p class="speaking" data-floor=${floor.participantId}>
                <span>${this.s('floor.speaking')}</span>
                <strong class="name">${this.nameOf(meeting, floor.participantId)}</strong>
                <time class="timer" part="timer" role="timer" datetime=${isoDuration(seconds * 1000)} data-timer>${formatClock(seconds * 1000)}</time>
              </p>
              <p class="mute-state ${floor.muteOthers ? 'on' : ''}" data-mute=${floor.muteOthers ? 'on' : 'off'}>
                ${this.s(floor.muteOthers ? 'floor.muted' : 'floor.not-muted')}
              </p>
              ${mine || chairs
                ? html`<button type="button" class="primary end" data-action=${mine ? 'end-own' : 'end'} @click=${this.handleEndClick}>
                    ${this.s(mine ? 'floor.end-own' : 'floor.end')}
                  </button>`
                : nothing}
            `
          : html`<p data-floor-none>${this.s('floor.none')}</p>`}
      </section>
    `;
  }

  private renderHand(meeting: MeetingState, me: string, chairs: boolean) {
    const index = meeting.hands.findIndex((h) => h.participantId === me);
    const raised = index >= 0;
    return html`
      <div class="hand" part="hand">
        <button
          type="button"
          class="hand-toggle ${raised ? 'raised' : ''}"
          part="hand-button"
          data-hand=${raised ? 'raised' : 'down'}
          aria-describedby="hand-note"
          @click=${() => this.handleHandClick(raised)}
        >
          ${this.s(raised ? 'hand.lower' : 'hand.raise')}
        </button>
        <p id="hand-note" class="hand-note" data-position=${raised ? index + 1 : ''}>
          ${raised ? this.s('hand.position', { position: index + 1 }) : chairs ? '' : this.s('hand.hint')}
        </p>
      </div>
    `;
  }

  private renderQueue(meeting: MeetingState, me: string | undefined, chairs: boolean) {
    const hands = meeting.hands;
    return html`
      <section class="queue" aria-labelledby="queue-title">
        <h3 id="queue-title" tabindex="-1">${this.s('queue.title', { count: hands.length })}</h3>
        ${hands.length === 0
          ? html`<p class="note" data-queue-empty>${this.s('queue.empty')}</p>`
          : html`<ol part="queue">
              ${hands.map((hand, index) => {
                const id = hand.participantId;
                const name = this.nameOf(meeting, id);
                const waited = (this.clock.now - Date.parse(hand.raisedAt)) / 1000;
                return html`<li data-participant-id=${id} class=${id === me ? 'mine' : ''}>
                  <div class="who">
                    <span class="position">${index + 1}</span>
                    <span class="name">${name}</span>
                    ${id === me ? html`<span>${this.s('queue.you')}</span>` : nothing}
                    ${findParticipant(meeting, id)?.kind === 'delegate' ? html`<span class="badge">${this.t('role.delegate')}</span>` : nothing}
                    <span class="wait" data-wait
                      >${this.s('queue.waiting')} <time datetime=${isoDuration(waited * 1000)}>${formatClock(waited * 1000)}</time></span
                    >
                  </div>
                  ${chairs ? this.renderChairActions(id, name, 'give') : nothing}
                </li>`;
              })}
            </ol>`}
      </section>
    `;
  }

  /** The chair's controls for one person: the mute choice, give the floor, and (for a raised hand) lower it. */
  private renderChairActions(id: string, name: string, kind: 'give' | 'give-delegate') {
    return html`<div class="actions" role="group" aria-label=${this.s('queue.actions', { name })}>
      <label class="check">
        <input type="checkbox" data-mute-choice .checked=${this.muteChoices[id] ?? false} @change=${(e: Event) => this.handleMuteChange(e, id)} />
        ${this.s('queue.mute')}
      </label>
      <button type="button" class="primary" data-action=${kind} @click=${() => this.handleGiveClick(id)}>
        ${this.s(kind === 'give' ? 'queue.give' : 'delegates.give')}<span class="visually-hidden">: ${name}</span>
      </button>
      ${kind === 'give'
        ? html`<button type="button" data-action="lower" @click=${() => this.handleLowerClick(id)}>
            ${this.s('queue.lower')}<span class="visually-hidden">: ${name}</span>
          </button>`
        : nothing}
    </div>`;
  }

  private renderDelegates(meeting: MeetingState) {
    return html`
      <section class="delegates" part="delegates" aria-labelledby="delegates-title">
        <h3 id="delegates-title">${this.s('delegates.title')}</h3>
        <ul>
          ${meeting.delegates.map(
            (delegate) => html`<li data-delegate-id=${delegate.id}>
              <div class="who">
                <span class="name">${delegate.name}</span>
                ${delegate.organization ? html`<span class="org">${delegate.organization}</span>` : nothing}
                ${delegate.id in meeting.connected ? nothing : html`<span class="badge" data-offline>${this.s('delegates.offline')}</span>`}
                ${meeting.floor?.participantId === delegate.id ? html`<span class="badge now">${this.s('times.now')}</span>` : nothing}
              </div>
              ${meeting.floor?.participantId === delegate.id ? nothing : this.renderChairActions(delegate.id, delegate.name, 'give-delegate')}
            </li>`,
          )}
        </ul>
      </section>
    `;
  }

  private renderTimes(meeting: MeetingState) {
    const totals = speakingSeconds(meeting, new Date(this.clock.now).toISOString());
    // In the order people first spoke.
    const order = [...new Set([...meeting.speeches.map((s) => s.participantId), ...(meeting.floor ? [meeting.floor.participantId] : [])])];
    return html`
      <section class="times" part="times" aria-labelledby="times-title">
        <h3 id="times-title">${this.s('times.title')}</h3>
        ${order.length === 0
          ? html`<p class="note" data-times-empty>${this.s('times.empty')}</p>`
          : html`<ul>
              ${order.map((id) => {
                const seconds = totals[id] ?? 0;
                return html`<li data-speaker-id=${id}>
                  <span class="who"
                    ><span class="name">${this.nameOf(meeting, id)}</span>
                    ${meeting.floor?.participantId === id ? html`<span class="now">${this.s('times.now')}</span>` : nothing}</span
                  >
                  <time datetime=${isoDuration(seconds * 1000)} data-speaking-time>${formatClock(seconds * 1000)}</time>
                </li>`;
              })}
            </ul>`}
      </section>
    `;
  }

  private handleMuteChange(event: Event, id: string): void {
    this.muteChoices = { ...this.muteChoices, [id]: (event.target as HTMLInputElement).checked };
  }

  private async handleHandClick(raised: boolean): Promise<void> {
    if (!raised) {
      await this.run({ type: 'raise-hand' });
      return;
    }
    this.lowering = true;
    try {
      await this.run({ type: 'lower-hand' });
    } finally {
      this.lowering = false;
    }
  }

  private async handleGiveClick(participantId: string): Promise<void> {
    if (await this.run({ type: 'give-floor', participantId, muteOthers: this.muteChoices[participantId] ?? false })) {
      await this.focusFirst('button[data-action=end]', 'button[data-action=end-own]', '#floor-title');
    }
  }

  private async handleLowerClick(participantId: string): Promise<void> {
    const index = this.snapshot?.meeting?.hands.findIndex((h) => h.participantId === participantId) ?? -1;
    if (await this.run({ type: 'lower-hand', participantId })) {
      // Keep the chair's place in the list: the next person's button, else the one before, else the heading.
      const rows = '.queue li:nth-child';
      await this.focusFirst(`${rows}(${index + 1}) button[data-action=give]`, `${rows}(${index}) button[data-action=give]`, '#queue-title');
    }
  }

  private async handleEndClick(): Promise<void> {
    if (await this.run({ type: 'end-floor' })) {
      await this.focusFirst('[part=hand-button]', '.queue button[data-action=give]', '#queue-title');
    }
  }

  /** Moves the focus to the first of `selectors` that is rendered, once the change is on screen. */
  private async focusFirst(...selectors: string[]): Promise<void> {
    await this.updateComplete;
    for (const selector of selectors) {
      const target = this.renderRoot.querySelector<HTMLElement>(selector);
      if (target) {
        target.focus();
        return;
      }
    }
  }

  /** Sends one command after the cancelable request event; returns whether it was recorded. */
  private async run(command: SpeakerCommand): Promise<boolean> {
    if (!this.activeStore || !this.dispatchEvent(new SpeakerRequestEvent({ command }))) return false;
    const seq = await this.sendCommand(command);
    if (seq === undefined) return false;
    this.dispatchEvent(new SpeakerChangedEvent({ command, seq }));
    return true;
  }
}
