import type {
  AssignDelegatesRequest,
  AssignDelegatesResponse,
  MeetingSummary,
  ScheduleMeetingRequest,
  ScheduleMeetingResponse,
  UnassignDelegateResponse,
} from '../../client/index.js';

/** Fired before a cell's meeting is sent for registration; cancel it with `preventDefault()` to stop the request. */
export class ScheduleRequestEvent extends Event {
  static readonly type = 'party-schedule-request';
  constructor(readonly detail: { readonly request: ScheduleMeetingRequest }) {
    super(ScheduleRequestEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

/** Fired when the server registered the meeting. */
export class MeetingScheduledEvent extends Event {
  static readonly type = 'party-meeting-scheduled';
  constructor(readonly detail: ScheduleMeetingResponse) {
    super(MeetingScheduledEvent.type, { bubbles: true, composed: true });
  }
}

/** Fired when the server refused to register the meeting under the rules (422), with its reasons. */
export class ScheduleRefusedEvent extends Event {
  static readonly type = 'party-schedule-refused';
  constructor(readonly detail: { readonly request: ScheduleMeetingRequest; readonly reasons: readonly { readonly code: string; readonly vi: string; readonly en: string }[] }) {
    super(ScheduleRefusedEvent.type, { bubbles: true, composed: true });
  }
}

/** Fired before delegates are assigned to a meeting; cancelable. */
export class DelegatesRequestEvent extends Event {
  static readonly type = 'party-delegates-request';
  constructor(readonly detail: { readonly meetingId: string; readonly request: AssignDelegatesRequest }) {
    super(DelegatesRequestEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

/** Fired when the server assigned the delegates (with their invite links). */
export class DelegatesAssignedEvent extends Event {
  static readonly type = 'party-delegates-assigned';
  constructor(readonly detail: AssignDelegatesResponse) {
    super(DelegatesAssignedEvent.type, { bubbles: true, composed: true });
  }
}

/** Fired before a delegate is withdrawn from a meeting (after the person confirmed); cancelable. */
export class DelegateWithdrawRequestEvent extends Event {
  static readonly type = 'party-delegate-withdraw-request';
  constructor(readonly detail: { readonly meetingId: string; readonly delegateId: string }) {
    super(DelegateWithdrawRequestEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

/** Fired when the server withdrew the delegate (their invites are revoked). */
export class DelegateWithdrawnEvent extends Event {
  static readonly type = 'party-delegate-withdrawn';
  constructor(readonly detail: UnassignDelegateResponse) {
    super(DelegateWithdrawnEvent.type, { bubbles: true, composed: true });
  }
}

/**
 * Fired when the upper-level user opens a meeting from the schedule; cancel
 * it with `preventDefault()` to open it in the page's own way (the link, when
 * `meeting-url` is set, is then not followed).
 */
export class MeetingOpenEvent extends Event {
  static readonly type = 'party-meeting-open';
  constructor(readonly detail: { readonly meetingId: string; readonly meeting: MeetingSummary }) {
    super(MeetingOpenEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'party-schedule-request': ScheduleRequestEvent;
    'party-meeting-scheduled': MeetingScheduledEvent;
    'party-schedule-refused': ScheduleRefusedEvent;
    'party-delegates-request': DelegatesRequestEvent;
    'party-delegates-assigned': DelegatesAssignedEvent;
    'party-delegate-withdraw-request': DelegateWithdrawRequestEvent;
    'party-delegate-withdrawn': DelegateWithdrawnEvent;
    'party-meeting-open': MeetingOpenEvent;
  }
}
