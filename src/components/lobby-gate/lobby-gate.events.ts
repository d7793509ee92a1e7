import type { CommandOf } from '../../core/index.js';

/** A command of the waiting room that `<lobby-gate>` sends for the chair. */
export type LobbyCommand = CommandOf<'admit' | 'refuse-entry'>;

/** Fired before the chair admits or turns away a participant; cancel it with `preventDefault()` to stop the command. */
export class LobbyRequestEvent extends Event {
  static readonly type = 'party-lobby-request';
  constructor(readonly detail: { readonly command: LobbyCommand }) {
    super(LobbyRequestEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

/** Fired when the server has recorded an admission or a refusal. */
export class LobbyChangedEvent extends Event {
  static readonly type = 'party-lobby-changed';
  constructor(readonly detail: { readonly command: LobbyCommand; readonly seq: number }) {
    super(LobbyChangedEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'party-lobby-request': LobbyRequestEvent;
    'party-lobby-changed': LobbyChangedEvent;
  }
}
