import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { canPerform, minutesOf, type Actor, type MeetingState, type Motion } from '../../core/index.js';
import { StoreElement } from '../shared/store-element.js';
import { baseStyles } from '../shared/styles.js';
import { ChairForms } from './meeting-minutes.chair-forms.js';
import { renderDocument } from './meeting-minutes.document.js';
import { MinutesChangedEvent, MinutesRequestEvent, type MinutesCommand } from './meeting-minutes.events.js';
import { clock, percent, shortDate } from './meeting-minutes.format.js';
import { STRINGS, type MinutesKey } from './meeting-minutes.strings.js';
import { meetingMinutesStyles } from './meeting-minutes.styles.js';

/** The content tag that makes a motion's passing adopt the minutes (the core acts on it when the vote closes). */
const ADOPTION_TAG = 'minutes-adoption';

const isAdoption = (m: Motion) => m.tags.includes(ADOPTION_TAG);

/** A motion as the client sends it. */
type DraftMotion = Extract<MinutesCommand, { type: 'create-motion' }>['motion'];

/**
 * The biên bản as it forms, laid out like a party document (Hướng dẫn
 * 36-HD/VPTW): time and place, attendance, the course of the meeting with each
 * speaker, votes with counts and the legal denominator, conclusions and tasks,
 * and the signature blocks. The chair records the minute-taker the cell
 * elects, and conclusions, tasks with a person and a deadline, and the
 * meeting's rating (Hướng dẫn 42-HD/BTCTW); the minute-taker and the chair add
 * notes and start the read-back, which enlarges the text for everyone; the
 * chair puts the minutes to the vote (held in `<vote-panel>`). Once adopted
 * they are locked: only annexes may be added.
 *
 * @tagname meeting-minutes
 * @summary The minutes of the meeting, their read-back and adoption.
 * @event party-minutes-request - Before a command is sent (`detail.command`); cancelable.
 * @event party-minutes-changed - After the server recorded a command (`detail.command`, `detail.seq`).
 * @event party-command-rejected - When the server refused a command.
 * @csspart controls - The minute-taker's and chair's tools above the document.
 * @csspart recorder - The chair's form to elect (or, collapsed, to change) the minute-taker.
 * @csspart chair-forms - The chair's collapsible group "Kết luận, nhiệm vụ, chấm điểm": conclusion, task and rating forms.
 * @csspart state - The badge with the minutes' state ("Dự thảo", "Đã thông qua lúc …").
 * @csspart status - The live line about the read-back and the adoption vote.
 * @csspart document - The biên bản itself.
 * @csspart header - The document's heading: organisation, party heading, place and date.
 * @csspart title - The document's title.
 * @csspart section - Each numbered section; each also has its own part: time, attendance, course, votes, conclusions, annexes.
 * @csspart signatures - The signature blocks of the minute-taker and the chair.
 * @cssproperty --party-accent - Accent colour of primary buttons and the badge.
 * @cssproperty --party-document-font - Font of the document on screen (print uses Times New Roman).
 */
export class MeetingMinutes extends StoreElement {
  static override styles = [baseStyles, meetingMinutesStyles];

  /** The place of the place-and-date line, e.g. "Yên Bái"; without it the line gives the date alone. */
  @property() locality = '';

  /** The agenda item chosen for the next note; undefined follows the running item. */
  @state() private noteItem?: string;

  /** Whether the minute-taker reopened the note form during the read-back. */
  @state() private amending = false;

  /** The last confirmation of the element's own action. */
  @state() private notice = '';

  private busy = false;

  private say = (key: MinutesKey, params?: Record<string, string | number>) => this.local(STRINGS, key, params);

  private readonly chairForms = new ChairForms({
    say: this.say,
    run: (command, describe) => this.run(command, describe),
    notify: (text) => (this.notice = text),
    meeting: () => this.snapshot?.meeting,
  });

  protected override render() {
    const snapshot = this.snapshot;
    const meeting = snapshot?.meeting;
    if (!meeting) return html`<p>${this.say('loading')}</p>`;
    const actor = snapshot.you ? { participantId: snapshot.you.participantId, role: snapshot.you.role } : undefined;
    const status = meeting.minutes.status;
    const readBack = status === 'read-back';
    return html`
      <div class="minutes ${status}" data-status=${status}>
        <div class="controls" part="controls">
          <p class="badge ${status}" part="state" data-field="state">${this.stateLabel(meeting)}</p>
          <p class="status" role="status" part="status" data-field="live">${this.liveLine(meeting)}</p>
          ${actor ? this.chairForms.renderRecorder(meeting, actor) : nothing} ${actor ? this.renderTools(meeting, actor) : nothing}
          ${actor ? this.chairForms.renderGroup(meeting, actor) : nothing}
          <div class="messages">
            <p role="alert">${this.error}</p>
            <p class="notice" role="status">${this.notice}</p>
          </div>
        </div>
        <article class="document ${readBack ? 'large' : ''}" part="document" aria-labelledby="minutes-title">
          ${renderDocument({ model: minutesOf(meeting), meeting, lang: this.language, say: this.say, locality: this.locality })}
        </article>
      </div>
    `;
  }

  private stateLabel(meeting: MeetingState): string {
    const { status, adoptedAt } = meeting.minutes;
    if (status === 'adopted' && adoptedAt) return this.say('state.adopted', { time: clock(adoptedAt), date: shortDate(adoptedAt) });
    return this.say(status === 'read-back' ? 'state.read-back' : 'state.draft');
  }

  /** What a member must hear: the read-back, the adoption vote under way or failed, the lock. */
  private liveLine(meeting: MeetingState): string {
    if (meeting.minutes.status === 'adopted') return this.say('live.adopted');
    const last = meeting.motions.filter(isAdoption).at(-1);
    if (last?.status === 'voting') return this.say('live.voting', { count: Object.keys(last.votes).length });
    if (last?.result && !last.result.passed) {
      const r = last.result;
      return this.say('live.failed', { agree: r.tally.agree, denominator: r.denominator.value, percent: percent(r.percent, this.language) });
    }
    return meeting.minutes.status === 'read-back' ? this.say('live.read-back') : '';
  }

  private renderTools(meeting: MeetingState, actor: Actor): TemplateResult | typeof nothing {
    // Only the controls the core would accept from this viewer now (canPerform); the core still decides on sending.
    const can = (command: MinutesCommand) => canPerform(meeting, actor, command);
    const status = meeting.minutes.status;
    if (status === 'adopted') return can({ type: 'add-minutes-annex', text: '-' }) ? this.renderAnnexForm() : nothing;
    if (!can({ type: 'add-minutes-note', text: '-' })) return nothing;
    const adoptionVoting = meeting.motions.some((m) => isAdoption(m) && m.status === 'voting');
    // The minutes are put to the vote once read back (HD 42-HD/BTCTW, closing step), and not twice at once.
    const canAdopt = status === 'read-back' && !adoptionVoting && can({ type: 'create-motion', motion: this.adoptionMotion(meeting) });
    const showNoteForm = status === 'draft' || this.amending;
    return html`
      <div class="buttons">
        ${canAdopt ? html`<button type="button" class="primary" data-action="adopt" @click=${this.handleAdopt}>${this.say('adopt')}</button>` : nothing}
        ${status === 'draft'
          ? html`<button type="button" data-action="read-back" @click=${this.handleReadBack}>${this.say('read-back')}</button>`
          : html`<button type="button" data-action="amend" aria-expanded=${String(this.amending)} @click=${() => (this.amending = !this.amending)}>
              ${this.say(this.amending ? 'amend.done' : 'amend')}
            </button>`}
      </div>
      ${status === 'draft' ? html`<p class="hint">${this.say('read-back.hint')}</p>` : nothing}
      ${showNoteForm ? this.renderNoteForm(meeting) : nothing}
    `;
  }

  /** The next adoption motion: an open show-of-hands vote by simple majority, `minutes-<n>`. */
  private adoptionMotion(meeting: MeetingState): DraftMotion {
    const ids = new Set(meeting.motions.map((m) => m.id));
    let n = meeting.motions.filter(isAdoption).length + 1;
    while (ids.has(`minutes-${n}`)) n++;
    // The title is stored in the record, which is kept in Vietnamese whatever the viewer's language.
    return { id: `minutes-${n}`, title: STRINGS.vi['adopt.motion-title'], ballot: 'open', threshold: 'majority', tags: [ADOPTION_TAG] };
  }

  private renderNoteForm(meeting: MeetingState): TemplateResult {
    const running = meeting.agenda.find((i) => i.status === 'running')?.id ?? '';
    const selected = this.noteItem ?? running;
    // novalidate: the core's own refusal is shown, in the element's language, not the browser's.
    return html`<form class="note-form" data-form="note" novalidate @submit=${this.handleNoteSubmit}>
      <fieldset>
        <legend>${this.say('note.legend')}</legend>
        <label for="note-item">${this.say('note.item')}</label>
        <select id="note-item" name="item" @change=${(e: Event) => (this.noteItem = (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${selected === ''}>${this.say('note.general')}</option>
          ${meeting.agenda.map((item, i) => html`<option value=${item.id} ?selected=${selected === item.id}>${i + 1}. ${item.title}</option>`)}
        </select>
        <label for="note-text">${this.say('note.text')}</label>
        <textarea id="note-text" name="text" rows="3" maxlength="2000" required></textarea>
        <button type="submit" class="primary">${this.say('note.submit')}</button>
      </fieldset>
    </form>`;
  }

  private renderAnnexForm(): TemplateResult {
    return html`<form class="note-form" data-form="annex" novalidate @submit=${this.handleAnnexSubmit}>
      <fieldset>
        <legend>${this.say('annex.legend')}</legend>
        <p class="hint">${this.say('annex.hint')}</p>
        <label for="annex-text">${this.say('annex.text')}</label>
        <textarea id="annex-text" name="text" rows="3" maxlength="2000" required></textarea>
        <button type="submit" class="primary">${this.say('annex.submit')}</button>
      </fieldset>
    </form>`;
  }

  private async handleReadBack(): Promise<void> {
    this.notice = '';
    if ((await this.run({ type: 'read-back-minutes' })) !== undefined) this.amending = false;
  }

  /** Puts the minutes to the vote: creates the adoption motion (or reuses one left in draft) and opens its vote. */
  private async handleAdopt(): Promise<void> {
    const meeting = this.snapshot?.meeting;
    if (!meeting || this.busy) return;
    this.busy = true;
    this.notice = '';
    try {
      let motion = meeting.motions.find((m) => isAdoption(m) && m.status === 'draft');
      if (!motion) {
        const draft = this.adoptionMotion(meeting);
        if ((await this.run({ type: 'create-motion', motion: draft })) === undefined) return;
        motion = this.snapshot?.meeting?.motions.find((m) => m.id === draft.id);
        if (!motion) return;
      }
      await this.run({ type: 'open-vote', motionId: motion.id });
    } finally {
      this.busy = false;
    }
  }

  private async handleNoteSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const text = form.elements.namedItem('text') as HTMLTextAreaElement;
    const item = (form.elements.namedItem('item') as HTMLSelectElement).value;
    const command: MinutesCommand = { type: 'add-minutes-note', text: text.value, ...(item ? { agendaItemId: item } : {}) };
    this.notice = '';
    if ((await this.run(command, (code) => (code === 'invalid-value' ? this.say('note.empty') : undefined))) === undefined) return;
    text.value = '';
    this.notice = this.say('note.saved');
    text.focus();
  }

  private async handleAnnexSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const text = (event.target as HTMLFormElement).elements.namedItem('text') as HTMLTextAreaElement;
    this.notice = '';
    if ((await this.run({ type: 'add-minutes-annex', text: text.value }, (code) => (code === 'invalid-value' ? this.say('annex.empty') : undefined))) === undefined) {
      return;
    }
    text.value = '';
    this.notice = this.say('annex.saved');
  }

  /** Sends one command after the cancelable request event; resolves the sequence number reached, or undefined. */
  private async run(command: MinutesCommand, describe?: (code: string) => string | undefined): Promise<number | undefined> {
    if (!this.activeStore || !this.dispatchEvent(new MinutesRequestEvent({ command }))) return undefined;
    const seq = await this.sendCommand(command, describe);
    if (seq !== undefined) this.dispatchEvent(new MinutesChangedEvent({ command, seq }));
    return seq;
  }
}
