import type { AssessmentRequest, RecordAssessmentResponse } from '../../client/index.js';

/** Fired before a delegate's assessment is sent; cancel it with `preventDefault()` to stop the request. */
export class AssessmentRequestEvent extends Event {
  static readonly type = 'party-assessment-request';
  constructor(readonly detail: { readonly meetingId: string; readonly request: AssessmentRequest }) {
    super(AssessmentRequestEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

/** Fired when the server recorded the assessment (kept with the minutes). */
export class AssessmentRecordedEvent extends Event {
  static readonly type = 'party-assessment-recorded';
  constructor(readonly detail: RecordAssessmentResponse) {
    super(AssessmentRecordedEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'party-assessment-request': AssessmentRequestEvent;
    'party-assessment-recorded': AssessmentRecordedEvent;
  }
}
