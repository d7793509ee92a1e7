import type { ClientCommand } from '../../core/index.js';

/**
 * The commands `<meeting-minutes>` sends: the minute-taker's election, notes,
 * conclusions, tasks, the rating, the read-back, the adoption vote's motion and
 * opening, annexes.
 */
export type MinutesCommand = Extract<
  ClientCommand,
  {
    type:
      | 'elect-recorder'
      | 'add-minutes-note'
      | 'record-conclusion'
      | 'assign-task'
      | 'rate-meeting'
      | 'read-back-minutes'
      | 'create-motion'
      | 'open-vote'
      | 'add-minutes-annex';
  }
>;

/** Fired before `<meeting-minutes>` sends a command; cancel it with `preventDefault()` to stop the command. */
export class MinutesRequestEvent extends Event {
  static readonly type = 'party-minutes-request';
  constructor(readonly detail: { readonly command: MinutesCommand }) {
    super(MinutesRequestEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

/** Fired when the server has recorded a command sent by `<meeting-minutes>`. */
export class MinutesChangedEvent extends Event {
  static readonly type = 'party-minutes-changed';
  constructor(readonly detail: { readonly command: MinutesCommand; readonly seq: number }) {
    super(MinutesChangedEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'party-minutes-request': MinutesRequestEvent;
    'party-minutes-changed': MinutesChangedEvent;
  }
}
