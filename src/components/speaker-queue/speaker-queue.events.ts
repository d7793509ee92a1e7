import type { CommandOf } from '../../core/index.js';

/** A command of the speakers' queue. */
export type SpeakerCommand = CommandOf<'raise-hand' | 'lower-hand' | 'give-floor' | 'end-floor'>;

/** Fired before a speakers' command is sent; cancel it with `preventDefault()` to stop the command. */
export class SpeakerRequestEvent extends Event {
  static readonly type = 'party-speaker-request';
  constructor(readonly detail: { readonly command: SpeakerCommand }) {
    super(SpeakerRequestEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

/** Fired when the server has recorded a speakers' command. */
export class SpeakerChangedEvent extends Event {
  static readonly type = 'party-speaker-changed';
  constructor(readonly detail: { readonly command: SpeakerCommand; readonly seq: number }) {
    super(SpeakerChangedEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'party-speaker-request': SpeakerRequestEvent;
    'party-speaker-changed': SpeakerChangedEvent;
  }
}
