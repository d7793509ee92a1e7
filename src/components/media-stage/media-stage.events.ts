/** One of the stage's switches: the microphone, the camera, screen sharing, or sound only. */
export type MediaControl = 'microphone' | 'camera' | 'screen' | 'audio-only';

/** What a member asked of a switch. */
export interface MediaControlChange {
  readonly control: MediaControl;
  /** Switch it on (true) or off (false). */
  readonly on: boolean;
}

/** Fired before the stage switches something on or off; cancel it with `preventDefault()` to keep it as it is. */
export class MediaRequestEvent extends Event {
  static readonly type = 'party-media-request';
  constructor(readonly detail: MediaControlChange) {
    super(MediaRequestEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

/** Fired when the media layer has made the change (what others see follows through the adapter). */
export class MediaChangedEvent extends Event {
  static readonly type = 'party-media-changed';
  constructor(readonly detail: MediaControlChange) {
    super(MediaChangedEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'party-media-request': MediaRequestEvent;
    'party-media-changed': MediaChangedEvent;
  }
}
