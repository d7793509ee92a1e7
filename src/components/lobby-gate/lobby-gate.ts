import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { canPerform, type MeetingState } from '../../core/index.js';
import type { Self } from '../../client/index.js';
import type { MessageKey } from '../shared/i18n.js';
import { ClockController } from '../shared/clock-controller.js';
import { StoreElement } from '../shared/store-element.js';
import { baseStyles, panelStyles, personRowStyles } from '../shared/styles.js';
import { elapsedMs, formatClock, isoDuration } from '../shared/time-format.js';
import { LobbyChangedEvent, LobbyRequestEvent, type LobbyCommand } from './lobby-gate.events.js';
import { admittedPeople, refusedPeople, standing, timeOfDay, waitingPeople, type LobbyPerson, type LobbyView } from './lobby-gate.model.js';
import { STRINGS } from './lobby-gate.strings.js';
import { lobbyGateStyles } from './lobby-gate.styles.js';

type Key = keyof (typeof STRINGS)['vi'];

/**
 * The waiting room, when the meeting's policy has one (`lobbyAdmission`). A
 * participant the chair has not let in yet sees a calm waiting screen with
 * the meeting's title, how long they have waited, and a polite announcement
 * once they are let in (then the gate hides itself); one turned away sees the
 * reason and whom to contact. The chair sees who is waiting, lets each in or
 * turns them away with an optional reason, lets everyone in at once, and sees
 * who is in. Without a waiting room the chair sees one short note. Everyone
 * else sees nothing: the host gets `hidden`, so a page can always include it.
 * The core decides who may act; the gate only shows it.
 *
 * @tagname lobby-gate
 * @summary Waiting room: the chair lets participants in; those waiting see how long.
 * @event party-lobby-request - Before an admission or refusal is sent (`detail.command`); cancelable.
 * @event party-lobby-changed - After the server recorded it (`detail.command`, `detail.seq`).
 * @event party-command-rejected - When the server refused it.
 * @csspart card - The waiting or turned-away screen of a participant.
 * @csspart title - The heading: the meeting's title, or "Phòng chờ" for the chair.
 * @csspart timer - How long the participant has waited.
 * @csspart status - The live region; shown as a banner when the participant is let in.
 * @csspart waiting - The chair's list of people waiting.
 * @csspart admit-all - The chair's "let everyone in" button.
 * @csspart admitted - The chair's list of people let in.
 * @csspart refused - The chair's list of people turned away.
 * @csspart note - The chair's note when the meeting has no waiting room.
 * @cssproperty --party-accent - Accent colour of primary buttons.
 * @cssproperty --party-ok - Colour of the "let in" banner and the waiting indicator.
 * @cssproperty --party-danger - Colour of the refusal.
 * @cssproperty --party-surface - Background of cards and buttons.
 * @cssproperty --party-border - Border colour.
 */
export class LobbyGate extends StoreElement {
  static override styles = [baseStyles, panelStyles, personRowStyles, lobbyGateStyles];

  /** Seconds the "you have been let in" notice stays before the gate hides itself. */
  @property({ type: Number, attribute: 'notice-seconds' }) noticeSeconds = 10;

  /** The participant whose refusal the chair is writing. */
  @state() private refusing?: string;
  /** The text of the live region. */
  @state() private announcement = '';
  /** While the "let in" notice shows. */
  @state() private noticing = false;

  private readonly clock = new ClockController(this);
  private view: LobbyView = 'none';
  /** The viewer's standing and the people waiting at the last update, to tell what changed. */
  private seen?: { readonly standing: string; readonly waiting: ReadonlySet<string> };
  private noticeTimer?: ReturnType<typeof setTimeout>;

  private s(key: Key, params?: Record<string, string | number>): string {
    return this.local(STRINGS, key, params);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.noticeTimer);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    const meeting = this.snapshot?.meeting;
    const you = this.snapshot?.you;
    const now = meeting ? standing(meeting, you) : 'none';
    const waiting = meeting && now === 'chair' ? waitingPeople(meeting) : [];
    this.noteChanges(now, waiting);
    this.view = now === 'in' ? (this.noticing ? 'admitted' : 'none') : now;
    this.hidden = this.view === 'none';
    // The clock ticks only while a waiting time is on screen.
    this.clock.active = (this.view === 'waiting' && meeting?.phase !== 'closed') || waiting.length > 0;
  }

  /** Words what changed since the last update for the live region; nothing on the first. */
  private noteChanges(now: string, waiting: readonly LobbyPerson[]): void {
    const before = this.seen;
    this.seen = { standing: now, waiting: new Set(waiting.map((p) => p.id)) };
    if (!before) return;
    if ((before.standing === 'waiting' || before.standing === 'refused') && now === 'in') {
      this.announcement = this.s('admitted.announce');
      this.showNotice();
    } else if (before.standing === 'waiting' && now === 'refused') {
      this.announcement = this.s('refused.verdict');
    } else if (now === 'chair') {
      const arrived = waiting.filter((p) => !before.waiting.has(p.id));
      if (arrived.length > 0) this.announcement = this.s('announce.arrived', { names: arrived.map((p) => p.name).join(', ') });
    }
  }

  private showNotice(): void {
    this.noticing = true;
    clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => (this.noticing = false), Math.max(0, this.noticeSeconds) * 1000);
  }

  protected override render() {
    const meeting = this.snapshot?.meeting;
    if (!meeting || this.view === 'none') return nothing;
    if (this.view === 'chair-no-lobby') return html`<p class="note" part="note" data-no-lobby>${this.s('chair.no-lobby')}</p>`;
    if (this.view === 'chair') return this.renderChair(meeting, this.snapshot!.you!);
    // One template for every participant screen, so the live region stays the same node when the screen changes.
    const banner = this.view === 'admitted';
    return html`
      ${this.view === 'waiting' ? this.renderWaiting(meeting) : nothing} ${this.view === 'refused' ? this.renderRefused(meeting) : nothing}
      <div role="status" aria-live="polite" part="status" class=${banner ? 'banner' : 'visually-hidden'} data-announcement>${this.announcement}</div>
    `;
  }

  private renderHeader(meeting: MeetingState) {
    const { cell } = meeting;
    return html`
      <p class="eyebrow">${this.s('eyebrow')}</p>
      <h2 id="lobby-title" part="title">${meeting.title}</h2>
      <p class="cell" data-cell>${cell.parentName ? `${cell.name} · ${cell.parentName}` : cell.name}</p>
    `;
  }

  private renderWaiting(meeting: MeetingState) {
    const since = meeting.connected[this.snapshot!.you!.participantId]?.since;
    const closed = meeting.phase === 'closed';
    const waited = since ? elapsedMs(since, this.clock.now) : 0;
    return html`<section class="card waiting" part="card" aria-labelledby="lobby-title" data-view="waiting">
      ${this.renderHeader(meeting)}
      ${closed
        ? html`<p class="message" data-closed>${this.s('wait.closed')}</p>`
        : html`<p class="message" data-waiting-message><span class="pulse" aria-hidden="true"></span>${this.s('wait.message')}</p>
            ${since
              ? html`<p class="waited">
                  ${this.s('wait.waited')}
                  <time part="timer" role="timer" datetime=${isoDuration(waited)} data-waited>${formatClock(waited)}</time>
                </p>`
              : nothing}
            <p class="hint">${this.s('wait.hint')}</p>`}
    </section>`;
  }

  private renderRefused(meeting: MeetingState) {
    const reason = meeting.refused[this.snapshot!.you!.participantId]?.reason;
    return html`<section class="card refused" part="card" aria-labelledby="lobby-title" data-view="refused">
      ${this.renderHeader(meeting)}
      <p class="verdict">${this.s('refused.verdict')}</p>
      <p data-refused-reason>${reason ? this.s('refused.reason', { reason }) : this.s('refused.no-reason')}</p>
      <p class="next" data-next>${this.s('refused.next')}</p>
    </section>`;
  }

  private renderChair(meeting: MeetingState, you: Self) {
    const waiting = waitingPeople(meeting);
    const admitted = admittedPeople(meeting);
    const refused = refusedPeople(meeting);
    const may = (id: string) => canPerform(meeting, you, { type: 'admit', participantId: id });
    return html`<section class="chair" aria-labelledby="lobby-title">
      <h2 id="lobby-title" part="title">${this.s('chair.title')}</h2>
      <div role="status" aria-live="polite" class="visually-hidden" data-announcement>${this.announcement}</div>
      <section class="group" aria-labelledby="waiting-title">
        <div class="group-head">
          <h3 id="waiting-title" tabindex="-1">${this.s('chair.waiting', { count: waiting.length })}</h3>
          ${waiting.length > 1 && waiting.every((p) => may(p.id))
            ? html`<button type="button" class="primary" part="admit-all" data-action="admit-all" @click=${this.handleAdmitAllClick}>
                ${this.s('chair.admit-all', { count: waiting.length })}
              </button>`
            : nothing}
        </div>
        ${waiting.length === 0
          ? html`<p class="note" data-waiting-empty>${this.s('chair.empty')}</p>`
          : html`<ul part="waiting" class="waiting-list">
              ${waiting.map((p) => this.renderWaitingRow(p, may(p.id)))}
            </ul>`}
      </section>
      <p role="alert">${this.error}</p>
      <section class="group" aria-labelledby="admitted-title">
        <h3 id="admitted-title" tabindex="-1">${this.s('admitted.title', { count: admitted.length })}</h3>
        ${admitted.length === 0
          ? html`<p class="note" data-admitted-empty>${this.s('admitted.empty')}</p>`
          : html`<ul part="admitted" class="admitted-list">
              ${admitted.map(
                (p) => html`<li data-participant-id=${p.id}>
                  <div class="who">
                    ${this.renderWho(p)}
                    <span class="when">${this.s('admitted.at', { time: timeOfDay(p.since!) })}</span>
                    ${p.online ? nothing : html`<span class="badge" data-offline>${this.t('roll.offline')}</span>`}
                  </div>
                </li>`,
              )}
            </ul>`}
      </section>
      ${refused.length === 0 ? nothing : this.renderRefusedList(refused, may)}
    </section>`;
  }

  private renderWho(p: LobbyPerson) {
    return html`<span class="name">${p.name}</span>
      ${p.kind ? html`<span class="badge" data-kind=${p.kind}>${this.t(`role.${p.kind}` as MessageKey)}</span>` : nothing}`;
  }

  private renderWaitingRow(p: LobbyPerson, may: boolean) {
    const waited = p.since ? elapsedMs(p.since, this.clock.now) : 0;
    return html`<li data-participant-id=${p.id}>
      <div class="who">
        ${this.renderWho(p)}
        <span class="wait" data-wait>${this.s('chair.waited')} <time datetime=${isoDuration(waited)}>${formatClock(waited)}</time></span>
      </div>
      ${may
        ? html`<div class="actions" role="group" aria-label=${this.s('chair.actions', { name: p.name })}>
            <button type="button" class="primary" data-action="admit" @click=${() => this.handleAdmitClick(p)}>
              ${this.s('chair.admit')}<span class="visually-hidden">: ${p.name}</span>
            </button>
            <button
              type="button"
              data-action="refuse"
              aria-expanded=${this.refusing === p.id ? 'true' : 'false'}
              @click=${() => this.handleRefuseClick(p)}
            >
              ${this.s('chair.refuse')}<span class="visually-hidden">: ${p.name}</span>
            </button>
          </div>`
        : nothing}
      ${may && this.refusing === p.id ? this.renderRefuseForm(p) : nothing}
    </li>`;
  }

  private renderRefuseForm(p: LobbyPerson) {
    // The reason is optional; the core trims it and keeps at most 200 characters.
    return html`<form class="refuse-form" @submit=${(e: SubmitEvent) => this.handleRefuseSubmit(e, p)} @keydown=${this.handleFormKeydown}>
      <label>
        <span>${this.s('refuse.label', { name: p.name })} <span class="optional">${this.s('refuse.optional')}</span></span>
        <input name="reason" maxlength="200" autocomplete="off" placeholder=${this.s('refuse.placeholder')} />
      </label>
      <div class="form-actions">
        <button type="submit" class="danger" data-action="confirm-refuse">${this.s('refuse.confirm')}</button>
        <button type="button" data-action="cancel-refuse" @click=${this.cancelRefuse}>${this.s('refuse.cancel')}</button>
      </div>
    </form>`;
  }

  private renderRefusedList(refused: readonly LobbyPerson[], may: (id: string) => boolean) {
    return html`<section class="group" aria-labelledby="refused-title">
      <h3 id="refused-title">${this.s('refused.title', { count: refused.length })}</h3>
      <ul part="refused" class="refused-list">
        ${refused.map(
          (p) => html`<li data-participant-id=${p.id}>
            <div class="who">
              ${this.renderWho(p)}
              ${p.reason ? html`<span class="reason" data-reason>${this.s('refused.reason', { reason: p.reason })}</span>` : nothing}
            </div>
            ${may(p.id)
              ? html`<button type="button" data-action="readmit" @click=${() => this.handleAdmitClick(p)}>
                  ${this.s('refused.readmit')}<span class="visually-hidden">: ${p.name}</span>
                </button>`
              : nothing}
          </li>`,
        )}
      </ul>
    </section>`;
  }

  private async handleAdmitClick(p: LobbyPerson): Promise<void> {
    const index = this.waitingIndex(p.id);
    this.refusing = undefined;
    if (!(await this.run({ type: 'admit', participantId: p.id }))) return;
    this.announcement = this.s('announce.admitted', { name: p.name });
    await this.focusAfter(index);
  }

  private async handleRefuseClick(p: LobbyPerson): Promise<void> {
    this.refusing = this.refusing === p.id ? undefined : p.id;
    await this.updateComplete;
    if (this.refusing) this.renderRoot.querySelector<HTMLInputElement>('.refuse-form input')?.focus();
  }

  private async handleRefuseSubmit(event: SubmitEvent, p: LobbyPerson): Promise<void> {
    event.preventDefault();
    const index = this.waitingIndex(p.id);
    const reason = ((event.target as HTMLFormElement).elements.namedItem('reason') as HTMLInputElement).value.trim();
    if (!(await this.run({ type: 'refuse-entry', participantId: p.id, ...(reason ? { reason } : {}) }))) return;
    this.refusing = undefined;
    this.announcement = this.s('announce.refused', { name: p.name });
    await this.focusAfter(index);
  }

  private handleFormKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      void this.cancelRefuse();
    }
  }

  /** Closes the refusal form and gives the focus back to the button that opened it. */
  private async cancelRefuse(): Promise<void> {
    const id = this.refusing;
    this.refusing = undefined;
    await this.updateComplete;
    if (id !== undefined) this.rowButton(id, 'refuse')?.focus();
  }

  private async handleAdmitAllClick(): Promise<void> {
    const meeting = this.snapshot?.meeting;
    if (!meeting) return;
    this.refusing = undefined;
    let count = 0;
    for (const p of waitingPeople(meeting)) {
      if (!(await this.run({ type: 'admit', participantId: p.id }))) break;
      count += 1;
    }
    if (count === 0) return;
    this.announcement = this.s('announce.admitted-all', { count });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#admitted-title')?.focus();
  }

  private waitingIndex(id: string): number {
    const meeting = this.snapshot?.meeting;
    return meeting ? waitingPeople(meeting).findIndex((p) => p.id === id) : -1;
  }

  private rowButton(id: string, action: string): HTMLButtonElement | null {
    const row = [...this.renderRoot.querySelectorAll<HTMLElement>('.waiting-list li')].find((li) => li.dataset.participantId === id);
    return row?.querySelector<HTMLButtonElement>(`button[data-action=${action}]`) ?? null;
  }

  /**
   * After a row leaves the waiting list, keeps the chair's place: the next
   * person's "let in", else the one before, else the heading. Someone let in
   * from the turned-away list (`index` -1): the list they joined.
   */
  private async focusAfter(index: number): Promise<void> {
    await this.updateComplete;
    if (index < 0) {
      this.renderRoot.querySelector<HTMLElement>('#admitted-title')?.focus();
      return;
    }
    const buttons = [...this.renderRoot.querySelectorAll<HTMLElement>('.waiting-list button[data-action=admit]')];
    const target = buttons[Math.min(Math.max(index, 0), buttons.length - 1)] ?? this.renderRoot.querySelector<HTMLElement>('#waiting-title');
    target?.focus();
  }

  /** Sends one command after the cancelable request event; returns whether it was recorded. */
  private async run(command: LobbyCommand): Promise<boolean> {
    if (!this.activeStore || !this.dispatchEvent(new LobbyRequestEvent({ command }))) return false;
    const seq = await this.sendCommand(command);
    if (seq === undefined) return false;
    this.dispatchEvent(new LobbyChangedEvent({ command, seq }));
    return true;
  }
}
