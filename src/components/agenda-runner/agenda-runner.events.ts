import type { CommandOf } from '../../core/index.js';

/** A command of the program that `<agenda-runner>` sends for the chair. */
export type AgendaCommand = CommandOf<
  'start-agenda-item' | 'finish-agenda-item' | 'skip-agenda-item' | 'move-agenda-item' | 'add-agenda-item'
>;

/** Fired before a command of the program is sent; cancel it with `preventDefault()` to stop the command. */
export class AgendaRequestEvent extends Event {
  static readonly type = 'party-agenda-request';
  constructor(readonly detail: { readonly command: AgendaCommand }) {
    super(AgendaRequestEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

/** Fired when the server has recorded a command of the program. */
export class AgendaChangedEvent extends Event {
  static readonly type = 'party-agenda-changed';
  constructor(readonly detail: { readonly command: AgendaCommand; readonly seq: number }) {
    super(AgendaChangedEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'party-agenda-request': AgendaRequestEvent;
    'party-agenda-changed': AgendaChangedEvent;
  }
}
