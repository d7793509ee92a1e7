import { html, nothing, type TemplateResult } from 'lit';
import { canPerform, findParticipant, type Actor, type MeetingState } from '../../core/index.js';
import type { MinutesCommand } from './meeting-minutes.events.js';
import { shortDate } from './meeting-minutes.format.js';
import type { MinutesKey } from './meeting-minutes.strings.js';

/** What the chair's forms need from `<meeting-minutes>`. */
export interface ChairFormsHost {
  /** The element's own strings. */
  readonly say: (key: MinutesKey, params?: Record<string, string | number>) => string;
  /** Sends a command after the cancelable request event; resolves the sequence number reached, or undefined if refused or vetoed. */
  readonly run: (command: MinutesCommand, describe?: (code: string) => string | undefined) => Promise<number | undefined>;
  /** Shows (or clears, with '') the confirmation of the last action. */
  readonly notify: (text: string) => void;
  /** The meeting as the element shows it now. */
  readonly meeting: () => MeetingState | undefined;
}

/** Codes of a malformed value: the core's, and the server's when the protocol refuses it before the core. */
const BAD_VALUE = new Set(['invalid-value', 'invalid-message']);

/** A sample date for asking the core whether a task would be accepted. */
const SAMPLE_DEADLINE = '2000-01-01';

/**
 * The chair's part of the minutes (Hướng dẫn 42-HD/BTCTW): electing the
 * minute-taker in the opening step, and in the content and closing steps
 * recording conclusions, assigning tasks with a person and a deadline, and
 * rating the meeting. Each form is offered only when the core would accept its
 * command from the viewer now (canPerform): the chair, in session, before the
 * minutes are adopted. The core still decides on sending, and its refusal is
 * shown in the element's alert region.
 */
export class ChairForms {
  private sending = false;

  constructor(private readonly host: ChairFormsHost) {}

  /**
   * Electing the minute-taker: an open form while none is elected, then a
   * collapsed "change" form until the minutes are adopted (the adopted
   * minutes name the minute-taker who read them back).
   */
  renderRecorder(meeting: MeetingState, actor: Actor): TemplateResult | typeof nothing {
    const sample = meeting.cell.members[0]?.id;
    if (!sample || meeting.minutes.status === 'adopted' || !canPerform(meeting, actor, { type: 'elect-recorder', memberId: sample })) return nothing;
    const say = this.host.say;
    const current = meeting.recorderId;
    if (!current) {
      return html`<div class="recorder" part="recorder">${this.recorderForm(meeting, say('recorder.legend'), say('recorder.hint'))}</div>`;
    }
    const name = findParticipant(meeting, current)?.name ?? current;
    return html`<details class="group recorder" part="recorder" data-group="recorder">
      <summary>${say('recorder.change', { name })}</summary>
      ${this.recorderForm(meeting, say('recorder.legend'))}
    </details>`;
  }

  /** Conclusions, tasks and the rating, in one collapsed group so that the element stays short on a phone. */
  renderGroup(meeting: MeetingState, actor: Actor): TemplateResult | typeof nothing {
    const someone = meeting.cell.members[0]?.id ?? actor.participantId;
    const can = (command: MinutesCommand) => canPerform(meeting, actor, command);
    const conclusion = can({ type: 'record-conclusion', text: '-' });
    const task = can({ type: 'assign-task', taskId: this.taskId(meeting), description: '-', assigneeId: someone, deadline: SAMPLE_DEADLINE });
    const rating = can({ type: 'rate-meeting', score: 0 });
    if (!conclusion && !task && !rating) return nothing;
    return html`<details class="group chair" part="chair-forms" data-group="chair">
      <summary>${this.host.say('chair.group')}</summary>
      <div class="group-body">
        ${conclusion ? this.conclusionForm() : nothing} ${task ? this.taskForm(meeting) : nothing} ${rating ? this.ratingForm(meeting) : nothing}
      </div>
    </details>`;
  }

  private recorderForm(meeting: MeetingState, legend: string, hint?: string): TemplateResult {
    const say = this.host.say;
    // novalidate (as every form here): the core's own refusal is shown, in the element's language.
    return html`<form class="note-form" data-form="recorder" novalidate @submit=${this.handleElect}>
      <fieldset>
        <legend>${legend}</legend>
        ${hint ? html`<p class="hint">${hint}</p>` : nothing}
        <label for="recorder-member">${say('recorder.member')}</label>
        <select id="recorder-member" name="member">
          <option value="" ?selected=${!meeting.recorderId}>${say('recorder.placeholder')}</option>
          ${meeting.cell.members.map((m) => html`<option value=${m.id} ?selected=${m.id === meeting.recorderId}>${m.name}</option>`)}
        </select>
        <button type="submit" class="primary">${say('recorder.submit')}</button>
      </fieldset>
    </form>`;
  }

  private conclusionForm(): TemplateResult {
    const say = this.host.say;
    return html`<form class="note-form" data-form="conclusion" novalidate @submit=${this.handleConclusion}>
      <fieldset>
        <legend>${say('conclusion.legend')}</legend>
        <label for="conclusion-text">${say('conclusion.text')}</label>
        <textarea id="conclusion-text" name="text" rows="3" maxlength="2000" required></textarea>
        <button type="submit" class="primary">${say('conclusion.submit')}</button>
      </fieldset>
    </form>`;
  }

  private taskForm(meeting: MeetingState): TemplateResult {
    const say = this.host.say;
    return html`<form class="note-form" data-form="task" novalidate @submit=${this.handleTask}>
      <fieldset>
        <legend>${say('task.legend')}</legend>
        <label for="task-description">${say('task.description')}</label>
        <textarea id="task-description" name="description" rows="2" maxlength="2000" required></textarea>
        <label for="task-assignee">${say('task.assignee')}</label>
        <select id="task-assignee" name="assignee">
          <option value="">${say('task.placeholder')}</option>
          <optgroup label=${say('task.members')}>${meeting.cell.members.map((m) => html`<option value=${m.id}>${m.name}</option>`)}</optgroup>
          ${meeting.delegates.length
            ? html`<optgroup label=${say('task.delegates')}>${meeting.delegates.map((d) => html`<option value=${d.id}>${d.name}</option>`)}</optgroup>`
            : nothing}
        </select>
        <label for="task-deadline">${say('task.deadline')}</label>
        <input id="task-deadline" name="deadline" type="date" required />
        <button type="submit" class="primary">${say('task.submit')}</button>
      </fieldset>
    </form>`;
  }

  private ratingForm(meeting: MeetingState): TemplateResult {
    const say = this.host.say;
    return html`<form class="note-form" data-form="rating" novalidate @submit=${this.handleRating}>
      <fieldset>
        <legend>${say('rating.legend')}</legend>
        ${meeting.rating ? html`<p class="hint" data-field="rating-current">${say('rating.current', { score: meeting.rating.score })}</p>` : nothing}
        <label for="rating-score">${say('rating.score')}</label>
        <input id="rating-score" name="score" type="number" inputmode="numeric" min="0" max="100" step="1" required />
        <label for="rating-note">${say('rating.remark')}</label>
        <textarea id="rating-note" name="note" rows="2" maxlength="2000"></textarea>
        <button type="submit" class="primary">${say('rating.submit')}</button>
      </fieldset>
    </form>`;
  }

  /** A new task's id, `t-<timestamp>`, made unique among the meeting's tasks. */
  private taskId(meeting: MeetingState): string {
    let n = Date.now();
    while (meeting.tasks.some((t) => t.id === `t-${n}`)) n++;
    return `t-${n}`;
  }

  private handleElect = (event: SubmitEvent) =>
    this.submit(event, (form) => {
      const memberId = value(form, 'member');
      const name = (meeting: MeetingState) => findParticipant(meeting, memberId)?.name ?? memberId;
      return {
        command: { type: 'elect-recorder', memberId },
        describe: () => (memberId ? undefined : this.host.say('recorder.choose')),
        done: (meeting) => this.host.say('recorder.saved', { name: name(meeting) }),
      };
    });

  private handleConclusion = (event: SubmitEvent) =>
    this.submit(event, (form) => ({
      command: { type: 'record-conclusion', text: value(form, 'text') },
      describe: (code) => (BAD_VALUE.has(code) ? this.host.say('conclusion.empty') : undefined),
      done: () => {
        form.reset();
        (form.elements.namedItem('text') as HTMLTextAreaElement).focus();
        return this.host.say('conclusion.saved');
      },
    }));

  private handleTask = (event: SubmitEvent) =>
    this.submit(event, (form, meeting) => {
      const assigneeId = value(form, 'assignee');
      const deadline = value(form, 'deadline');
      return {
        command: { type: 'assign-task', taskId: this.taskId(meeting), description: value(form, 'description'), assigneeId, deadline },
        describe: (code) => {
          if (!assigneeId) return this.host.say('task.choose');
          return BAD_VALUE.has(code) ? this.host.say('task.invalid') : undefined;
        },
        done: (after) => {
          form.reset();
          return this.host.say('task.saved', { name: findParticipant(after, assigneeId)?.name ?? assigneeId, deadline: shortDate(deadline) });
        },
      };
    });

  private handleRating = (event: SubmitEvent) =>
    this.submit(event, (form) => {
      // An empty or non-numeric field gives NaN, which the core refuses like any score outside 0–100.
      const score = (form.elements.namedItem('score') as HTMLInputElement).valueAsNumber;
      const note = value(form, 'note');
      return {
        command: { type: 'rate-meeting', score, ...(note.trim() ? { note } : {}) },
        describe: (code) => (BAD_VALUE.has(code) ? this.host.say('rating.invalid') : undefined),
        done: () => {
          form.reset();
          return this.host.say('rating.saved', { score });
        },
      };
    });

  /**
   * Sends the command a form describes, one at a time; once it is recorded,
   * shows the confirmation its `done` gives from the meeting as it is now.
   */
  private async submit(event: SubmitEvent, build: (form: HTMLFormElement, meeting: MeetingState) => Submission): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const meeting = this.host.meeting();
    if (this.sending || !meeting) return;
    this.sending = true;
    this.host.notify('');
    try {
      const { command, describe, done } = build(form, meeting);
      if ((await this.host.run(command, describe)) !== undefined) this.host.notify(done(this.host.meeting() ?? meeting));
    } finally {
      this.sending = false;
    }
  }
}

/** One form's command, its refusal texts, and what to do and say when it is recorded. */
interface Submission {
  readonly command: MinutesCommand;
  readonly describe?: (code: string) => string | undefined;
  readonly done: (meeting: MeetingState) => string;
}

/** A named field's value. */
function value(form: HTMLFormElement, name: string): string {
  return (form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value;
}
