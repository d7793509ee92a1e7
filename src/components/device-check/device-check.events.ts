/** The devices a member chose before joining, for the media layer to open again. */
export interface DeviceChoice {
  /** The microphone; undefined when there is none or the member joins without media. */
  readonly audioDeviceId?: string;
  /** The camera; undefined when there is none or the member joins without media. */
  readonly videoDeviceId?: string;
  /** The speaker; undefined for the system's default (and where the browser cannot choose one). */
  readonly speakerId?: string;
  /** Join with the camera off. */
  readonly cameraOff: boolean;
  /** Join without camera and microphone at all (in-app browser, no WebRTC, blocked or missing devices). */
  readonly noMedia: boolean;
}

/** Fired when the camera and/or microphone opened and work; `detail` says which devices. */
export class DeviceReadyEvent extends Event {
  static readonly type = 'party-device-ready';
  constructor(readonly detail: { readonly audioDeviceId?: string; readonly videoDeviceId?: string }) {
    super(DeviceReadyEvent.type, { bubbles: true, composed: true });
  }
}

/** Fired when the member asks to join; cancel it with `preventDefault()` to keep them on the check. */
export class JoinRequestEvent extends Event {
  static readonly type = 'party-join-request';
  constructor(readonly detail: DeviceChoice) {
    super(JoinRequestEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

/** Fired when the member joins, after the check released the devices. */
export class JoinEvent extends Event {
  static readonly type = 'party-join';
  constructor(readonly detail: DeviceChoice) {
    super(JoinEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'party-device-ready': DeviceReadyEvent;
    'party-join-request': JoinRequestEvent;
    'party-join': JoinEvent;
  }
}
