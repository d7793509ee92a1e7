import type { AttendanceMark } from '../../core/index.js';

/** What the chair asks to record for one member. */
export interface AttendanceRequest {
  readonly memberId: string;
  readonly mark: AttendanceMark;
  readonly reason?: string;
  readonly reasonAccepted?: boolean;
  readonly bridgePointId?: string;
}

/** Fired before a roll-call mark is sent; cancel it with `preventDefault()` to stop the command. */
export class AttendanceRequestEvent extends Event {
  static readonly type = 'party-attendance-request';
  constructor(readonly detail: AttendanceRequest) {
    super(AttendanceRequestEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

/** Fired when the server has recorded a roll-call mark. */
export class AttendanceMarkedEvent extends Event {
  static readonly type = 'party-attendance-marked';
  constructor(readonly detail: AttendanceRequest & { readonly seq: number }) {
    super(AttendanceMarkedEvent.type, { bubbles: true, composed: true });
  }
}

/** Fired before the chair opens or closes the meeting; cancelable. */
export class PhaseRequestEvent extends Event {
  static readonly type = 'party-phase-request';
  constructor(readonly detail: { readonly command: 'open-meeting' | 'close-meeting' }) {
    super(PhaseRequestEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

/** Fired when the server refuses a command sent by an element. */
export class CommandRejectedEvent extends Event {
  static readonly type = 'party-command-rejected';
  constructor(readonly detail: { readonly code: string; readonly message: string }) {
    super(CommandRejectedEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'party-attendance-request': AttendanceRequestEvent;
    'party-attendance-marked': AttendanceMarkedEvent;
    'party-phase-request': PhaseRequestEvent;
    'party-command-rejected': CommandRejectedEvent;
  }
}
