import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { attendanceCounts, type AttendanceMark, type Member } from '../../core/index.js';
import type { ClientSnapshot } from '../../client/index.js';
import { AttendanceMarkedEvent, AttendanceRequestEvent, type AttendanceRequest } from '../shared/events.js';
import type { MessageKey } from '../shared/i18n.js';
import { StoreElement } from '../shared/store-element.js';
import { baseStyles } from '../shared/styles.js';
import { attendanceRollStyles } from './attendance-roll.styles.js';

const MARKS: readonly AttendanceMark[] = ['present-online', 'absent-with-reason', 'absent-without-reason'];
const COUNTS = [
  ['total', 'roll.total'],
  ['full', 'roll.full'],
  ['probationary', 'roll.probationary'],
  ['present', 'roll.present-online'],
  ['absentWithReason', 'roll.absent-with-reason'],
  ['absentWithoutReason', 'roll.absent-without-reason'],
  ['unmarked', 'roll.unmarked'],
] as const;

/**
 * The roll call: every member of the cell with whether they are online and how
 * the chair marked them, and the counts the minutes need. The chair marks each
 * member present, absent with a reason, or absent without reason, once the
 * meeting is open.
 *
 * @summary Roll call with the minutes' attendance counts.
 * @event party-attendance-request - Before a mark is sent; cancelable.
 * @event party-attendance-marked - After the server recorded a mark.
 * @event party-command-rejected - When the server refused a mark.
 * @csspart title - The heading.
 * @csspart counts - The list of counts.
 * @csspart list - The list of members.
 * @cssproperty --party-accent - Accent colour of primary and selected buttons.
 */
export class AttendanceRoll extends StoreElement {
  static override styles = [baseStyles, attendanceRollStyles];

  /** The member whose reason of absence is being written. */
  @state() private editing?: string;

  protected override render() {
    const snapshot = this.snapshot;
    const meeting = snapshot?.meeting;
    if (!meeting) return html`<p>${this.t('room.loading')}</p>`;
    const counts = attendanceCounts(meeting);
    const canMark = snapshot.you?.role === 'chair' && meeting.phase === 'open';
    return html`
      <section aria-labelledby="roll-title">
        <h2 id="roll-title" part="title">${this.t('roll.title')}</h2>
        <dl class="counts" part="counts">
          ${COUNTS.map(
            ([field, key]) => html`<div><dt>${this.t(key)}</dt><dd data-count=${field}>${counts[field]}</dd></div>`,
          )}
        </dl>
        ${snapshot.you?.role === 'chair' && meeting.phase === 'scheduled' ? html`<p>${this.t('roll.not-open')}</p>` : nothing}
        <p role="alert">${this.error}</p>
        <ul part="list">
          ${meeting.cell.members.map((member) => this.renderMember(member, snapshot, canMark))}
        </ul>
      </section>
    `;
  }

  private renderMember(member: Member, snapshot: ClientSnapshot, canMark: boolean) {
    const meeting = snapshot.meeting!;
    const entry = meeting.attendance[member.id];
    const online = member.id in meeting.connected;
    const markText = entry ? this.t(`roll.${entry.mark}` as MessageKey) : this.t('roll.unmarked');
    return html`
      <li data-member-id=${member.id}>
        <div class="who">
          <span class="dot ${online ? 'online' : ''}" aria-hidden="true"></span>
          <span class="name">${member.name}</span>
          <span class="visually-hidden">${this.t(online ? 'roll.online' : 'roll.offline')}</span>
          <span class="badge">${this.t(member.status === 'full' ? 'status.full' : 'status.probationary')}</span>
          <span class="mark ${entry?.mark ?? 'unmarked'}" data-mark=${entry?.mark ?? 'unmarked'}
            >${markText}${entry?.reason ? `: ${entry.reason}` : ''}</span
          >
        </div>
        ${canMark
          ? html`<div class="actions" role="group" aria-label=${this.t('roll.marks-for', { name: member.name })}>
              ${MARKS.map(
                (mark) => html`<button
                  type="button"
                  data-mark=${mark}
                  aria-pressed=${entry?.mark === mark ? 'true' : 'false'}
                  @click=${() => this.handleMarkClick(member, mark)}
                >
                  ${this.t(`roll.${mark}` as MessageKey)}
                </button>`,
              )}
            </div>`
          : nothing}
        ${canMark && this.editing === member.id ? this.renderReasonForm(member, entry?.reason) : nothing}
      </li>
    `;
  }

  private renderReasonForm(member: Member, current = '') {
    const id = `reason-${member.id}`;
    // novalidate: the core's own refusal is shown, in the element's language, not the browser's.
    return html`<form novalidate @submit=${(e: SubmitEvent) => this.handleReasonSubmit(e, member)}>
      <label for=${id}>${this.t('roll.reason', { name: member.name })}</label>
      <input id=${id} name="reason" maxlength="200" required .value=${current}
        placeholder=${this.t('roll.reason-placeholder')} />
      <button type="submit" class="primary">${this.t('roll.save-reason')}</button>
      <button type="button" @click=${() => (this.editing = undefined)}>${this.t('roll.cancel')}</button>
    </form>`;
  }

  private async handleMarkClick(member: Member, mark: AttendanceMark): Promise<void> {
    if (mark === 'absent-with-reason') {
      this.editing = member.id;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>(`#reason-${CSS.escape(member.id)}`)?.focus();
      return;
    }
    this.editing = undefined;
    await this.mark({ memberId: member.id, mark });
  }

  private async handleReasonSubmit(event: SubmitEvent, member: Member): Promise<void> {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('reason') as HTMLInputElement;
    if (await this.mark({ memberId: member.id, mark: 'absent-with-reason', reason: input.value })) {
      this.editing = undefined;
    }
  }

  /** Sends one mark after the cancelable request event; returns whether it was recorded. */
  private async mark(request: AttendanceRequest): Promise<boolean> {
    if (!this.activeStore || !this.dispatchEvent(new AttendanceRequestEvent(request))) return false;
    const seq = await this.sendCommand({ type: 'mark-attendance', ...request }, (code) =>
      code === 'reason-required' ? this.t('roll.reason-required') : undefined,
    );
    if (seq === undefined) return false;
    this.dispatchEvent(new AttendanceMarkedEvent({ ...request, seq }));
    return true;
  }
}
