/**
 * The upper level's "withdraw" controls in the list: one button per delegate
 * while the meeting has not opened (the server refuses later: who attended is
 * then on the record), and an inline confirmation before anything is sent.
 */
import { html, nothing } from 'lit';
import type { MeetingSummary } from '../../client/index.js';
import type { Say } from './schedule-form.js';

/** The delegate whose withdrawal the person is asked to confirm. */
export interface Withdrawing {
  readonly meetingId: string;
  readonly delegateId: string;
}

/** What the controls show and how they report back. */
export interface WithdrawView {
  readonly say: Say;
  readonly sending: boolean;
  readonly withdrawing?: Withdrawing;
  /** A refusal of the last withdrawal, in words. */
  readonly withdrawError: string;
  onWithdrawAsk(target: Withdrawing | undefined): void;
  onWithdrawConfirm(meeting: MeetingSummary, delegateId: string): void;
}

/** Whether delegates may still be withdrawn: before the meeting opens (a meeting with no record yet counts as scheduled). */
export function canWithdraw(m: MeetingSummary): boolean {
  return m.phase === undefined || m.phase === 'scheduled' || m.phase === 'lobby';
}

/** The buttons, or the confirmation of one of them. */
export function renderWithdraw(view: WithdrawView, m: MeetingSummary) {
  if (!canWithdraw(m) || m.delegates.length === 0) return nothing;
  const { say } = view;
  const asking = view.withdrawing?.meetingId === m.id ? m.delegates.find((d) => d.id === view.withdrawing!.delegateId) : undefined;
  if (asking) {
    return html`<div class="withdraw confirm" role="group" aria-labelledby=${`withdraw-q-${m.id}`} data-withdraw-confirm=${asking.id}>
      <p id=${`withdraw-q-${m.id}`}>${say('withdraw.confirm', { name: asking.name, title: m.title })}</p>
      <p role="alert" data-withdraw-error>${view.withdrawError}</p>
      <div class="controls">
        <button type="button" class="danger" data-action="withdraw-confirm" ?disabled=${view.sending} @click=${() => view.onWithdrawConfirm(m, asking.id)}>
          ${say('withdraw.yes')}
        </button>
        <button type="button" data-action="withdraw-cancel" @click=${() => view.onWithdrawAsk(undefined)}>${say('withdraw.no')}</button>
      </div>
    </div>`;
  }
  return html`<ul class="withdraw" data-withdraw>
    ${m.delegates.map(
      (d) => html`<li>
        <button type="button" data-action="withdraw" data-delegate-id=${d.id} @click=${() => view.onWithdrawAsk({ meetingId: m.id, delegateId: d.id })}>
          ${say('withdraw.action')} <span class="who">${say('withdraw.for', { name: d.name })}</span>
        </button>
      </li>`,
    )}
  </ul>`;
}
