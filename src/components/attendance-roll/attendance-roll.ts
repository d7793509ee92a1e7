import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { attendanceCounts, canPerform, seatOf, type AttendanceMark, type Command, type Member, type MeetingState } from '../../core/index.js';
import type { ClientSnapshot } from '../../client/index.js';
import { AttendanceMarkedEvent, AttendanceRequestEvent, type AttendanceRequest } from '../shared/events.js';
import type { MessageKey } from '../shared/i18n.js';
import { StoreElement } from '../shared/store-element.js';
import { baseStyles, personRowStyles } from '../shared/styles.js';
import { attendanceRollStyles } from './attendance-roll.styles.js';

const MARKS: readonly AttendanceMark[] = ['present-online', 'present-in-person', 'absent-with-reason', 'absent-without-reason', 'exempt'];
type CountField = Exclude<keyof ReturnType<typeof attendanceCounts>, 'absentees'>;
/** The counts the minutes need; the optional ones only when they are not zero. */
const COUNTS: ReadonlyArray<readonly [CountField, MessageKey, 'always' | 'nonzero']> = [
  ['total', 'roll.total', 'always'],
  ['full', 'roll.full', 'always'],
  ['probationary', 'roll.probationary', 'always'],
  ['attachedHere', 'roll.attached-here', 'nonzero'],
  ['exempt', 'roll.exempt-members', 'nonzero'],
  ['present', 'roll.present', 'always'],
  ['presentInPerson', 'roll.present-in-person', 'nonzero'],
  ['presentOnline', 'roll.present-online', 'nonzero'],
  ['absentWithReason', 'roll.absent-with-reason', 'always'],
  ['absentWithoutReason', 'roll.absent-without-reason', 'always'],
  ['unmarked', 'roll.unmarked', 'always'],
];
const FLAGS = [
  ['exempt', 'roll.flag-exempt'],
  ['attachedHere', 'roll.flag-attached-here'],
  ['attachedElsewhere', 'roll.flag-attached-elsewhere'],
  ['suspended', 'roll.flag-suspended'],
] as const;

/** The mark command for a member, present in person at the member's own bridge point. */
function markCommand(state: MeetingState, memberId: string, mark: AttendanceMark, reason?: string): Command {
  const room = mark === 'present-in-person' ? { bridgePointId: seatOf(state, memberId) } : {};
  return { type: 'mark-attendance', memberId, mark, ...room, ...(mark === 'absent-with-reason' ? { reason: reason ?? '-' } : {}) };
}

/**
 * The roll call: every member of the cell with whether they are online, their
 * standing (exempt, attached, suspended) and how the roll marked them, and the
 * counts the minutes need. Once the meeting is open the chair marks each member
 * present online or in a room, absent with a reason (accepted or not), absent
 * without reason, or exempt; a bridge point's operator marks the members of
 * their own room present in person; a member checks in when policy allows.
 * Only the marks the core would accept from the viewer are offered.
 *
 * @tagname attendance-roll
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
  static override styles = [baseStyles, personRowStyles, attendanceRollStyles];

  /** The member whose reason of absence is being written. */
  @state() private editing?: string;

  protected override render() {
    const snapshot = this.snapshot;
    const meeting = snapshot?.meeting;
    if (!meeting) return html`<p>${this.t('room.loading')}</p>`;
    const counts = attendanceCounts(meeting);
    return html`
      <section aria-labelledby="roll-title">
        <h2 id="roll-title" part="title">${this.t('roll.title')}</h2>
        <dl class="counts" part="counts">
          ${COUNTS.filter(([field, , when]) => when === 'always' || counts[field] > 0).map(
            ([field, key]) => html`<div><dt>${this.t(key)}</dt><dd data-count=${field}>${counts[field]}</dd></div>`,
          )}
        </dl>
        ${snapshot.you?.role === 'chair' && (meeting.phase === 'scheduled' || meeting.phase === 'lobby') ? html`<p>${this.t('roll.not-open')}</p>` : nothing}
        <p role="alert">${this.error}</p>
        <ul part="list">
          ${meeting.cell.members.map((member) => this.renderMember(member, snapshot))}
        </ul>
      </section>
    `;
  }

  /** The marks the viewer may record for this member now, as the core decides. */
  private marksFor(member: Member, snapshot: ClientSnapshot): AttendanceMark[] {
    const state = snapshot.meeting!;
    const you = snapshot.you;
    return you ? MARKS.filter((mark) => canPerform(state, you, markCommand(state, member.id, mark))) : [];
  }

  private renderMember(member: Member, snapshot: ClientSnapshot) {
    const meeting = snapshot.meeting!;
    const entry = meeting.attendance[member.id];
    const online = member.id in meeting.connected;
    const marks = this.marksFor(member, snapshot);
    const canMark = marks.length > 0;
    const room = entry?.bridgePointId && meeting.bridgePoints.length > 1 ? meeting.bridgePoints.find((b) => b.id === entry.bridgePointId)?.name : undefined;
    const markText = entry ? this.t(`roll.${entry.mark}` as MessageKey) : this.t('roll.unmarked');
    const notAccepted = entry?.mark === 'absent-with-reason' && entry.reasonAccepted === false ? ` (${this.t('roll.reason-not-accepted')})` : '';
    return html`
      <li data-member-id=${member.id}>
        <div class="who">
          <span class="dot ${online ? 'online' : ''}" aria-hidden="true"></span>
          <span class="name">${member.name}</span>
          <span class="visually-hidden">${this.t(online ? 'roll.online' : 'roll.offline')}</span>
          <span class="badge">${this.t(member.status === 'full' ? 'status.full' : 'status.probationary')}</span>
          ${FLAGS.filter(([flag]) => member.flags?.[flag]).map(([flag, key]) => html`<span class="badge" data-flag=${flag}>${this.t(key)}</span>`)}
          <span class="mark ${entry?.mark ?? 'unmarked'}" data-mark=${entry?.mark ?? 'unmarked'}
            >${markText}${room ? ` · ${room}` : ''}${entry?.reason ? `: ${entry.reason}` : ''}${notAccepted}</span
          >
        </div>
        ${canMark
          ? html`<div class="actions" role="group" aria-label=${this.t('roll.marks-for', { name: member.name })}>
              ${marks.map(
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
      <label class="accepted"><input type="checkbox" name="accepted" checked /> ${this.t('roll.reason-accepted')}</label>
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
    const room = mark === 'present-in-person' ? { bridgePointId: seatOf(this.snapshot!.meeting!, member.id) } : {};
    await this.mark({ memberId: member.id, mark, ...room });
  }

  private async handleReasonSubmit(event: SubmitEvent, member: Member): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const reason = (form.elements.namedItem('reason') as HTMLInputElement).value;
    const reasonAccepted = (form.elements.namedItem('accepted') as HTMLInputElement).checked;
    if (await this.mark({ memberId: member.id, mark: 'absent-with-reason', reason, reasonAccepted })) {
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
