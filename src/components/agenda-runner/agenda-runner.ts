import { html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { mayPerform, meetingRoles, type AgendaItem, type AgendaStep, type MeetingState } from '../../core/index.js';
import { StoreElement } from '../shared/store-element.js';
import { baseStyles } from '../shared/styles.js';
import { AgendaChangedEvent, AgendaRequestEvent, type AgendaCommand } from './agenda-runner.events.js';
import { renderDuration } from './agenda-duration.js';
import { canSwap, groupsOf, insertAfter, newItemId, type Group } from './agenda-program.js';
import { STRINGS, type AgendaRunnerKey } from './agenda-runner.strings.js';
import { agendaRunnerStyles } from './agenda-runner.styles.js';
import { ClockController } from '../shared/clock-controller.js';
import { progressBar } from '../shared/progress-bar.js';
import { elapsedMs, formatClock, isoDuration } from '../shared/time-format.js';
import { actualMinutes } from './agenda-time.js';

const STEPS: readonly AgendaStep[] = ['opening', 'content', 'closing'];

/** Where a refusal is shown: beside the form that caused it, or at the top. */
type ErrorPlace = 'top' | 'skip' | 'add';

/**
 * The meeting's program (Hướng dẫn 42-HD/BTCTW: opening, content, closing):
 * every item with its planned minutes, the item under way with its running
 * time, finished items with the time they took, skipped items with the
 * reason, and the meeting's length against its minimum (reported, never
 * enforced). The chair starts, finishes, skips, reorders and adds items while
 * the meeting is open; everyone else follows the program read-only, and hears
 * when an item starts.
 *
 * @tagname agenda-runner
 * @summary The program of a cell meeting, run by the chair.
 * @event party-agenda-request - Before a command of the program is sent; cancelable. `detail.command`.
 * @event party-agenda-changed - After the server recorded it. `detail.command`, `detail.seq`.
 * @event party-command-rejected - When the server refused it.
 * @csspart title - The heading.
 * @csspart duration - The meeting's length against its minimum.
 * @csspart current - The item under way and the chair's controls for it.
 * @csspart program - The list of items, grouped by step.
 * @csspart add - The chair's button and form to add an item.
 * @cssproperty --party-accent - Accent colour: the item under way and primary buttons.
 * @cssproperty --party-ok - Colour of "done" and of a met minimum.
 * @cssproperty --party-warn - Colour of overtime and of a minimum not yet met.
 */
export class AgendaRunner extends StoreElement {
  static override styles = [baseStyles, agendaRunnerStyles];

  private readonly clock = new ClockController(this);

  /** The item whose reason for skipping is being written. */
  @state() private skipping?: string;
  /** Whether the form to add an item is open. */
  @state() private adding = false;
  /** What the live region last said. */
  @state() private announcement = '';
  @state() private errorPlace: ErrorPlace = 'top';

  /** The running item when last rendered: undefined before the first meeting, null for none. */
  private lastRunningId?: string | null;
  private seenMeeting?: MeetingState;

  private s(key: AgendaRunnerKey, params?: Record<string, string | number>): string {
    return this.local(STRINGS, key, params);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const meeting = this.snapshot?.meeting;
    this.clock.active = meeting?.phase === 'open' || meeting?.phase === 'closing';
    if (meeting === this.seenMeeting) return;
    this.seenMeeting = meeting;
    this.clock.refresh();
    if (!meeting) return;
    if (this.skipping && meeting.agenda.find((i) => i.id === this.skipping)?.status !== 'pending') this.skipping = undefined;
    this.noteRunning(meeting);
  }

  /** Announces a change of the item under way, but not what was under way when the page loaded. */
  private noteRunning(meeting: MeetingState): void {
    const running = meeting.agenda.find((i) => i.status === 'running');
    const now = running?.id ?? null;
    const before = this.lastRunningId;
    this.lastRunningId = now;
    if (before === undefined || before === now) return;
    const previous = before ? meeting.agenda.find((i) => i.id === before) : undefined;
    if (running) this.announcement = this.s('announce.started', { title: running.title });
    else if (previous) this.announcement = this.s('announce.finished', { title: previous.title });
  }

  /**
   * Whether to offer the controls: to whoever the core lets run the program
   * (the chair), while the meeting is under way. The core also accepts adding,
   * moving and skipping before the opening; the program is adopted at the
   * meeting (HD 42-HD/BTCTW, opening step), so the controls wait for it.
   */
  private get canRun(): boolean {
    const { meeting, you } = this.snapshot ?? {};
    if (!meeting || !you || (meeting.phase !== 'open' && meeting.phase !== 'closing')) return false;
    return mayPerform(meetingRoles(meeting, you), 'start-agenda-item');
  }

  protected override render() {
    const meeting = this.snapshot?.meeting;
    if (!meeting) return html`<p>${this.t('room.loading')}</p>`;
    const planned = meeting.agenda.filter((i) => i.status !== 'skipped').reduce((sum, i) => sum + i.plannedMinutes, 0);
    return html`
      <section aria-labelledby="agenda-title">
        <h2 id="agenda-title" part="title">${this.s('title')}</h2>
        <p class="planned-total">${this.s('planned-total', { minutes: planned })}</p>
        <div class="visually-hidden" role="status" data-announcement>${this.announcement}</div>
        ${renderDuration(meeting, this.clock.now, (key, params) => this.s(key, params), this.language)}
        ${this.renderCurrent(meeting)} ${this.canRun ? this.renderAdd(meeting) : nothing}
        <p role="alert" data-error="top">${this.errorPlace === 'top' ? this.error : ''}</p>
        <div class="program" part="program">
          ${meeting.agenda.length === 0 ? html`<p>${this.s('no-items')}</p>` : nothing}
          ${groupsOf(meeting.agenda).map((group) => this.renderGroup(meeting, group))}
        </div>
      </section>
    `;
  }

  private renderCurrent(meeting: MeetingState) {
    const running = meeting.agenda.find((i) => i.status === 'running');
    const next = this.nextPending(meeting, running);
    let message = this.s('current.none');
    if (!meeting.openedAt) message = this.s('current.not-open');
    else if (!next && meeting.agenda.some((i) => i.status === 'done')) message = this.s('current.all-done');
    return html`<div class="current ${running ? 'running' : ''}" part="current" tabindex="-1" data-current=${running?.id ?? ''}>
      ${running
        ? html`<p class="current-label">${this.s('current.label')}</p>
            <p class="current-title">${meeting.agenda.indexOf(running) + 1}. ${running.title}</p>
            ${this.renderClock(running)}`
        : html`<p class="current-none">${message}</p>`}
      ${this.canRun
        ? html`<div class="current-actions">
            ${running
              ? html`<button type="button" data-action="finish" class=${next ? '' : 'primary'} @click=${this.handleFinish}>
                  ${this.s('finish')}
                </button>`
              : nothing}
            ${next
              ? html`<button type="button" class="primary" data-action="start-next" @click=${() => this.handleStart(next)}>
                  ${this.s('start-next')}: ${next.title}
                </button>`
              : nothing}
          </div>`
        : nothing}
    </div>`;
  }

  /** The first item not yet begun after the running one (or from the top), in program order. */
  private nextPending(meeting: MeetingState, running?: AgendaItem): AgendaItem | undefined {
    const from = running ? meeting.agenda.indexOf(running) + 1 : 0;
    return meeting.agenda.slice(from).find((i) => i.status === 'pending') ?? meeting.agenda.find((i) => i.status === 'pending');
  }

  private renderClock(item: AgendaItem) {
    const ms = elapsedMs(item.startedAt ?? '', this.clock.now);
    const plannedMs = item.plannedMinutes * 60_000;
    const over = ms > plannedMs ? ms - plannedMs : 0;
    const share = plannedMs > 0 ? Math.min(1, ms / plannedMs) : 1;
    return html`<p class="clock">
        <span>${this.s('elapsed')}</span>
        <time class="elapsed" data-elapsed datetime=${isoDuration(ms)}>${formatClock(ms)}</time>
        <span class="planned">${this.s('planned', { minutes: item.plannedMinutes })}</span>
        ${over ? html`<span class="overtime" data-overtime>${this.s('overtime', { time: formatClock(over) })}</span>` : nothing}
      </p>
      ${progressBar(share, over ? 'over' : '')}`;
  }

  private renderGroup(meeting: MeetingState, group: Group) {
    const step = this.s(`step.${group.step}`);
    const heading = meeting.kind === 'combined' && group.part === 'thematic' ? this.s('part.thematic', { step }) : step;
    return html`<h3 data-step=${group.step}>${heading}</h3>
      <ol class="items">
        ${group.items.map((item, i) => this.renderItem(meeting, item, group.start + i))}
      </ol>`;
  }

  private renderItem(meeting: MeetingState, item: AgendaItem, index: number) {
    const agenda = meeting.agenda;
    const running = item.status === 'running';
    return html`<li
      class="item ${item.status}"
      data-item-id=${item.id}
      data-status=${item.status}
      tabindex="-1"
      aria-current=${running ? 'step' : nothing}
    >
      <p class="item-head">
        <span class="num">${index + 1}.</span>
        <span class="item-title">${item.title}</span>
      </p>
      <p class="item-meta">
        ${item.status === 'pending' ? nothing : html`<span class="badge" data-status-text>${this.statusText(item)}</span>`}
        <span class="planned">${this.s('planned', { minutes: item.plannedMinutes })}</span>
        ${item.status === 'done' ? this.renderActual(item) : nothing}
        ${running ? html`<span class="elapsed">${formatClock(elapsedMs(item.startedAt ?? '', this.clock.now))}</span>` : nothing}
      </p>
      ${item.status === 'skipped' && item.skipReason
        ? html`<p class="skip-reason" data-skip-reason>${this.s('skip-reason', { reason: item.skipReason })}</p>`
        : nothing}
      ${this.canRun && item.status === 'pending'
        ? html`<div class="actions">
            ${this.actionButton('start', item, () => this.handleStart(item))}
            ${this.actionButton('skip', item, () => this.openSkip(item), this.skipping === item.id)}
            ${this.renderMoves(agenda, item, index)}
          </div>`
        : nothing}
      ${this.canRun && this.skipping === item.id ? this.renderSkipForm(item) : nothing}
    </li>`;
  }

  private statusText(item: AgendaItem): string {
    return this.s(`status.${item.status}`);
  }

  private renderActual(item: AgendaItem) {
    const minutes = actualMinutes(item);
    if (minutes === undefined) return nothing;
    const over = minutes - item.plannedMinutes;
    return html`<span class="actual" data-actual>
      ${minutes < 1 ? this.s('actual.short') : this.s('actual', { minutes })}
      ${over > 0 ? html`<span class="overtime">${this.s('actual.over', { minutes: over })}</span>` : nothing}
    </span>`;
  }

  /** A button whose visible word is followed by the item's title for screen readers. */
  private actionButton(action: 'start' | 'skip', item: AgendaItem, onClick: () => void, expanded?: boolean) {
    return html`<button
      type="button"
      data-action=${action}
      aria-expanded=${expanded === undefined ? nothing : String(expanded)}
      @click=${onClick}
    >
      ${this.s(action)}<span class="visually-hidden">: ${item.title}</span>
    </button>`;
  }

  /**
   * Arrow buttons to reorder what remains of a step, kept small so that a
   * pending item's controls fit one row on a phone; their names say the whole
   * action and the item. Always both, disabled at the ends, so that every
   * item's buttons line up.
   */
  private renderMoves(agenda: readonly AgendaItem[], item: AgendaItem, index: number) {
    const up = canSwap(agenda, index, index - 1);
    const down = canSwap(agenda, index, index + 1);
    const button = (action: 'move-up' | 'move-down', enabled: boolean, to: number) =>
      html`<button type="button" class="arrow" data-action=${action} ?disabled=${!enabled} @click=${() => this.handleMove(item, to, action)}>
        <span aria-hidden="true">${action === 'move-up' ? '↑' : '↓'}</span
        ><span class="visually-hidden">${this.s(action)}: ${item.title}</span>
      </button>`;
    return html`<span class="moves">${button('move-up', up, index - 1)}${button('move-down', down, index + 1)}</span>`;
  }

  private renderSkipForm(item: AgendaItem) {
    const id = `skip-${item.id}`;
    const error = this.errorPlace === 'skip' ? this.error : '';
    // novalidate: the core's own refusal is shown, in the element's language, not the browser's.
    return html`<form
      class="inline-form"
      novalidate
      @submit=${(e: SubmitEvent) => this.handleSkipSubmit(e, item)}
      @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.closeSkip(item)}
    >
      <label for=${id}>${this.s('skip.label', { title: item.title })}</label>
      <input id=${id} name="reason" maxlength="200" placeholder=${this.s('skip.placeholder')}
        aria-invalid=${error ? 'true' : 'false'} aria-describedby="${id}-error" />
      <p id="${id}-error" role="alert" data-error="skip">${error}</p>
      <div class="form-actions">
        <button type="submit" class="primary">${this.s('skip.submit')}</button>
        <button type="button" @click=${() => this.closeSkip(item)}>${this.s('cancel')}</button>
      </div>
    </form>`;
  }

  private renderAdd(meeting: MeetingState) {
    const toggle = html`<button type="button" data-action="add" aria-expanded=${String(this.adding)} @click=${this.toggleAdd}>
      <span aria-hidden="true">+ </span>${this.s('add')}
    </button>`;
    if (!this.adding) return html`<div class="add" part="add">${toggle}</div>`;
    const running = meeting.agenda.find((i) => i.status === 'running');
    const error = this.errorPlace === 'add' ? this.error : '';
    return html`<div class="add" part="add">
      ${toggle}
      <form class="add-form" novalidate @submit=${this.handleAddSubmit} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.toggleAdd()}>
        <fieldset>
          <legend>${this.s('add.legend')}</legend>
          <div class="field wide">
            <label for="add-title">${this.s('add.title')}</label>
            <input id="add-title" name="title" maxlength="200" autocomplete="off" aria-describedby="add-error" aria-invalid=${error ? 'true' : 'false'} />
          </div>
          <div class="field">
            <label for="add-step">${this.s('add.step')}</label>
            <select id="add-step" name="step">
              ${STEPS.map((step) => html`<option value=${step} ?selected=${step === (running?.step ?? 'content')}>${this.s(`step.${step}`)}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="add-minutes">${this.s('add.minutes')}</label>
            <input id="add-minutes" name="minutes" type="number" inputmode="numeric" min="0" max="600" step="1" value="5" aria-describedby="add-error" />
          </div>
          <p class="hint wide">${running ? this.s('add.where-after', { title: running.title }) : this.s('add.where-step')}</p>
          <p id="add-error" class="wide" role="alert" data-error="add">${error}</p>
          <div class="form-actions wide">
            <button type="submit" class="primary">${this.s('add.submit')}</button>
            <button type="button" @click=${this.toggleAdd}>${this.s('cancel')}</button>
          </div>
        </fieldset>
      </form>
    </div>`;
  }

  // ——— actions ———

  private async handleStart(item: AgendaItem): Promise<void> {
    if (await this.run({ type: 'start-agenda-item', itemId: item.id })) await this.focusAfterRender('[data-action=finish]');
  }

  private handleFinish = async (): Promise<void> => {
    if (await this.run({ type: 'finish-agenda-item' })) await this.focusAfterRender('[data-action=start-next]', '.current');
  };

  private async handleMove(item: AgendaItem, toIndex: number, action: 'move-up' | 'move-down'): Promise<void> {
    if (!(await this.run({ type: 'move-agenda-item', itemId: item.id, toIndex }))) return;
    // Keep the focus on the item that moved, so the chair can press again.
    const row = `li[data-item-id="${CSS.escape(item.id)}"]`;
    const other = action === 'move-up' ? 'move-down' : 'move-up';
    await this.focusAfterRender(`${row} [data-action=${action}]:not([disabled])`, `${row} [data-action=${other}]`);
  }

  private async openSkip(item: AgendaItem): Promise<void> {
    this.skipping = item.id;
    if (this.errorPlace === 'skip') this.error = '';
    await this.focusAfterRender(`#skip-${CSS.escape(item.id)}`);
  }

  private async closeSkip(item: AgendaItem): Promise<void> {
    this.skipping = undefined;
    await this.focusAfterRender(`li[data-item-id="${CSS.escape(item.id)}"] [data-action=skip]`);
  }

  private async handleSkipSubmit(event: SubmitEvent, item: AgendaItem): Promise<void> {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('reason') as HTMLInputElement;
    if (!(await this.run({ type: 'skip-agenda-item', itemId: item.id, reason: input.value }, 'skip'))) return;
    this.skipping = undefined;
    await this.focusAfterRender(`li[data-item-id="${CSS.escape(item.id)}"]`);
  }

  private toggleAdd = async (): Promise<void> => {
    this.adding = !this.adding;
    if (this.errorPlace === 'add') this.error = '';
    await this.focusAfterRender(this.adding ? '#add-title' : '[data-action=add]');
  };

  private handleAddSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const meeting = this.snapshot?.meeting;
    if (!meeting) return;
    const form = event.target as HTMLFormElement;
    const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value;
    const step = field('step') as AgendaStep;
    const minutes = field('minutes').trim();
    const id = newItemId(meeting.agenda);
    const afterId = insertAfter(meeting.agenda, step);
    const command: AgendaCommand = {
      type: 'add-agenda-item',
      // An empty number field sends NaN, which the core refuses like any other bad value.
      item: { id, title: field('title'), step, plannedMinutes: minutes === '' ? Number.NaN : Number(minutes) },
      ...(afterId ? { afterId } : {}),
    };
    const added = await this.run(command, 'add', (code) =>
      code === 'invalid-value' || code === 'invalid-message' ? this.s('add.invalid') : undefined,
    );
    if (!added) return;
    this.adding = false;
    await this.focusAfterRender(`li[data-item-id="${CSS.escape(id)}"]`);
  };

  /** Sends one command after the cancelable request event; returns whether it was recorded. */
  private async run(command: AgendaCommand, place: ErrorPlace = 'top', describe?: (code: string) => string | undefined): Promise<boolean> {
    if (!this.activeStore || !this.dispatchEvent(new AgendaRequestEvent({ command }))) return false;
    this.errorPlace = place;
    const seq = await this.sendCommand(command, describe);
    if (seq === undefined) return false;
    this.dispatchEvent(new AgendaChangedEvent({ command, seq }));
    return true;
  }

  /** After the next render, focuses the first of the selectors that matches. */
  private async focusAfterRender(...selectors: string[]): Promise<void> {
    await this.updateComplete;
    for (const selector of selectors) {
      const target = this.renderRoot.querySelector<HTMLElement>(selector);
      if (target) {
        target.focus();
        return;
      }
    }
  }
}
